import asyncio

from pygrade import check, expect_close, expect_equal, expect_is, expect_true, fail


def _value_after(value, delay, log=None):
    async def fetch():
        await asyncio.sleep(delay)
        if log is not None:
            log.append(value)
        return value
    return fetch


def _error_after(error, delay):
    async def fetch():
        await asyncio.sleep(delay)
        raise error
    return fetch


def _run(solution, factories):
    """Runs fetch_many in a fresh loop: answers (outcome, virtual seconds it took)."""
    async def main():
        loop = asyncio.get_running_loop()
        start = loop.time()
        outcome = await solution.fetch_many(factories)
        return outcome, loop.time() - start
    return asyncio.run(main())


def _split(outcome, what):
    if type(outcome) is not tuple or len(outcome) != 2:
        fail(f"{what} returned {outcome!r}: it must return a tuple (results, errors)")
    results, errors = outcome
    if type(results) is not list or type(errors) is not list:
        fail(f"{what} returned ({type(results).__name__}, {type(errors).__name__}): results and errors must be lists")
    return results, errors


@check(weight=2, description="all fetches succeed: results in factory order, no errors")
def all_succeed(solution):
    factories = [_value_after("a", 1), _value_after("b", 2), _value_after("c", 3)]
    results, errors = _split(_run(solution, factories)[0], "fetch_many of 3 fetches returning 'a', 'b', 'c'")
    expect_equal(results, ["a", "b", "c"], "results of fetch_many of 3 fetches returning 'a', 'b', 'c'")
    expect_equal(len(errors), 0, "number of errors when no fetch fails")
    results, errors = _split(_run(solution, [])[0], "fetch_many([])")
    expect_equal((results, errors), ([], []), "fetch_many([])")


@check(weight=1, description="results follow the order of the factories, not the order the fetches finish in")
def order_kept(solution):
    factories = [_value_after(1, 3), _value_after(2, 1), _value_after(3, 2), _value_after(4, 0)]
    results, errors = _split(_run(solution, factories)[0], "fetch_many of fetches finishing 4th, 2nd, 3rd, 1st")
    expect_equal(results, [1, 2, 3, 4], "results of fetch_many of fetches returning 1, 2, 3, 4 that finish in the order 4, 2, 3, 1")


@check(weight=3, description="the fetches run concurrently: five 1-second fetches take 1 second of (virtual) time, not 5")
def concurrent(solution):
    factories = [_value_after(n, 1) for n in range(5)]
    outcome, elapsed = _run(solution, factories)
    results, errors = _split(outcome, "fetch_many of five 1-second fetches")
    expect_equal(results, [0, 1, 2, 3, 4], "results of fetch_many of five 1-second fetches")
    expect_close(elapsed, 1.0, "seconds (event-loop time) fetch_many of five 1-second fetches took", tolerance=1e-6)
    outcome, elapsed = _run(solution, [_value_after("x", 2), _value_after("y", 3), _value_after("z", 1)])
    expect_close(elapsed, 3.0, "seconds fetch_many of fetches taking 2 s, 3 s and 1 s took", tolerance=1e-6)


@check(weight=3, description="errors are collected, in factory order, as the very exceptions raised; successes still come back")
def errors_collected(solution):
    first = ValueError("no data")
    second = KeyError("missing")
    factories = [_value_after("a", 2), _error_after(first, 1), _value_after("b", 1), _error_after(second, 0)]
    results, errors = _split(_run(solution, factories)[0], "fetch_many of [ok 'a', ValueError, ok 'b', KeyError]")
    expect_equal(results, ["a", "b"], "results of fetch_many of [ok 'a', ValueError, ok 'b', KeyError]")
    expect_equal([type(error).__name__ for error in errors], ["ValueError", "KeyError"],
                 "types of the errors of fetch_many of [ok 'a', ValueError, ok 'b', KeyError] (factory order)")
    expect_is(errors[0], first, "errors[0] (should be the very ValueError the fetch raised)")
    expect_is(errors[1], second, "errors[1] (should be the very KeyError the fetch raised)")


@check(weight=1, description="a failure does not stop the other fetches: fetch_many returns after all of them finished")
def failure_does_not_stop_others(solution):
    finished = []
    factories = [_error_after(RuntimeError("early"), 0), _value_after("slow", 2, finished),
                 _value_after("slower", 4, finished)]
    outcome, elapsed = _run(solution, factories)
    expect_equal(finished, ["slow", "slower"],
                 "fetches that ran to the end when the first one fails at once (the others must still finish)")
    expect_true(elapsed >= 4.0 - 1e-6,
                f"fetch_many returned after the longest fetch (4 s) had finished; it returned after {elapsed} s")
