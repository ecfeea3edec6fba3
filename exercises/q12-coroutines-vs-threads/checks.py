import asyncio
from threading import Barrier, BrokenBarrierError, Event, Lock

from pygrade import check, expect_close, expect_equal, expect_false, expect_is, expect_raises, expect_true, fail


class JobFailed(Exception):
    """What a failing job raises in the checks."""


class _Probe:
    """Jobs that sleep in virtual time and record how many run at once."""

    def __init__(self):
        self.active = 0
        self.peak = 0
        self.started = []

    async def job(self, name, seconds, value):
        self.started.append(name)
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            await asyncio.sleep(seconds)
        finally:
            self.active -= 1
        return value


def _limited(solution, make_coros, limit):
    """Runs gather_limited on a fresh loop: (result, virtual seconds)."""
    if not asyncio.iscoroutinefunction(solution.gather_limited):
        fail("gather_limited must be a coroutine function: `async def gather_limited(coros, limit)`")

    async def main():
        loop = asyncio.get_running_loop()
        start = loop.time()
        result = await solution.gather_limited(make_coros(), limit)
        return result, loop.time() - start

    return asyncio.run(main())


@check(weight=2, description="gather_limited returns a list of the results in the order of coros")
def limited_results(solution):
    probe = _Probe()
    seconds = [3, 1, 2, 1]
    result, _ = _limited(solution, lambda: [probe.job(i, s, f"r{i}") for i, s in enumerate(seconds)], 4)
    expect_true(isinstance(result, list), f"gather_limited returns a list (got {type(result).__name__})")
    expect_equal(result, ["r0", "r1", "r2", "r3"],
                 "gather_limited(4 jobs of 3 s, 1 s, 2 s, 1 s, limit=4) (results in the order of coros)")
    empty, elapsed = _limited(solution, lambda: [], 3)
    expect_equal(empty, [], "gather_limited([], 3)")


@check(weight=3, description="gather_limited runs at most `limit` coroutines at once, and exactly that many")
def limit_respected(solution):
    probe = _Probe()
    result, elapsed = _limited(solution, lambda: [probe.job(i, 1, i * i) for i in range(6)], 2)
    expect_equal(result, [0, 1, 4, 9, 16, 25], "gather_limited(6 one-second jobs, limit=2)")
    expect_true(probe.peak <= 2, f"at most 2 jobs running at once with limit=2 (saw {probe.peak})")
    expect_close(elapsed, 3.0, "virtual seconds for 6 one-second jobs with limit=2 (two at a time: 3 s)")


@check(weight=1, description="limit=1 runs the coroutines one after another; a large limit runs them all at once")
def limit_extremes(solution):
    probe = _Probe()
    _, elapsed = _limited(solution, lambda: [probe.job(i, 1, i) for i in range(3)], 1)
    expect_true(probe.peak == 1, f"one job at a time with limit=1 (saw {probe.peak})")
    expect_close(elapsed, 3.0, "virtual seconds for 3 one-second jobs with limit=1")
    probe = _Probe()
    _, elapsed = _limited(solution, lambda: [probe.job(i, 1, i) for i in range(5)], 50)
    expect_close(elapsed, 1.0, "virtual seconds for 5 one-second jobs with limit=50")


@check(weight=2, description="a free slot is reused at once: no waiting for a whole batch")
def sliding_window(solution):
    probe = _Probe()
    seconds = [3, 1, 1, 1, 1, 1]
    result, elapsed = _limited(solution, lambda: [probe.job(i, s, i) for i, s in enumerate(seconds)], 2)
    expect_equal(result, [0, 1, 2, 3, 4, 5], "gather_limited(jobs of 3, 1, 1, 1, 1, 1 s, limit=2)")
    expect_close(elapsed, 4.0, "virtual seconds for jobs of 3, 1, 1, 1, 1, 1 s with limit=2 "
                               "(while the 3 s job runs, the other slot serves the 1 s jobs one after another: 4 s; "
                               "5 s means batches of 2 waited for their slowest job)")


@check(weight=1, description="an exception from one coroutine reaches the caller of gather_limited")
def limited_errors(solution):
    raised = JobFailed("job 2 failed")

    async def job(n):
        await asyncio.sleep(1)
        if n == 2:
            raise raised
        return n

    with expect_raises(JobFailed, "gather_limited(4 jobs, limit=2) where job 2 raises JobFailed") as caught:
        _limited(solution, lambda: [job(n) for n in range(4)], 2)
    expect_is(caught.exception, raised, "the exception gather_limited raised (must be the job's own)")


@check(weight=2, description="run_in_threads returns the results in the order of funcs, calling each once")
def threads_results(solution):
    calls = []
    lock = Lock()
    done = [Event() for _ in range(4)]

    def make(i):
        def func():
            with lock:
                calls.append(i)
            if i + 1 < len(done):
                done[i + 1].wait(0.5)  # the later call finishes first
            done[i].set()
            return f"result-{i}"
        return func

    result = solution.run_in_threads([make(i) for i in range(4)], 4)
    expect_true(isinstance(result, list), f"run_in_threads returns a list (got {type(result).__name__})")
    expect_equal(result, ["result-0", "result-1", "result-2", "result-3"],
                 "run_in_threads(4 funcs, workers=4) when they finish in the order 3, 2, 1, 0")
    expect_equal(sorted(calls), [0, 1, 2, 3], "the funcs called (each exactly once)")
    expect_equal(solution.run_in_threads([], 2), [], "run_in_threads([], 2)")


@check(weight=3, description="run_in_threads runs up to `workers` calls at once, never more")
def threads_bounded(solution):
    together = Barrier(3, timeout=2)     # must open: 3 calls in flight at once
    too_many = Barrier(4, timeout=1)     # must not open: it needs 4
    lock = Lock()
    state = {"active": 0, "peak": 0, "four": False}

    def make(i):
        def func():
            with lock:
                state["active"] += 1
                state["peak"] = max(state["peak"], state["active"])
            try:
                together.wait()
                try:
                    too_many.wait()
                    state["four"] = True
                except BrokenBarrierError:
                    pass
                return i
            finally:
                with lock:
                    state["active"] -= 1
        return func

    try:
        result = solution.run_in_threads([make(i) for i in range(6)], 3)
    except BrokenBarrierError:
        fail("run_in_threads(6 funcs, workers=3): three calls were never in flight together; "
             "with workers=3, three calls must run at once in threads")
    expect_equal(result, [0, 1, 2, 3, 4, 5], "run_in_threads(6 funcs, workers=3)")
    expect_false(state["four"], "four calls were in flight at once with workers=3 (a barrier for four opened)")
    # how many more than 3 depends on thread timing: the same answer gets the same feedback
    expect_true(state["peak"] <= 3, "at most 3 calls at once with workers=3 (saw 4 or more)")


@check(weight=1, description="an exception from one call reaches the caller of run_in_threads")
def threads_errors(solution):
    raised = JobFailed("call 1 failed")

    def bad():
        raise raised

    with expect_raises(JobFailed, "run_in_threads([ok, bad, ok], 2) where bad raises JobFailed") as caught:
        solution.run_in_threads([lambda: 1, bad, lambda: 3], 2)
    expect_is(caught.exception, raised, "the exception run_in_threads raised (must be the call's own)")
