from threading import BrokenBarrierError, Condition, Event, Lock
from time import monotonic

from pygrade import check, expect_equal, expect_false, expect_is, expect_raises, expect_true, fail


class FetchFailed(Exception):
    """What the checks' fake fetch raises for a key that cannot be fetched."""


def _call(solution, fetch, keys, what, **kwargs):
    try:
        return solution.fetch_all(fetch, keys, **kwargs)
    except BrokenBarrierError:
        fail(f"{what}: the calls did not overlap. fetch(key) waits on a barrier that only opens "
             "when enough calls are in flight at the same time (8 by default), and it timed out: "
             "run the calls in threads, not one after another")


@check(weight=2, description="returns {key: fetch(key)}, calling fetch exactly once per key")
def results(solution):
    calls = []
    lock = Lock()

    def fetch(key):
        with lock:
            calls.append(key)
        return key.upper() + "!"

    keys = ["alpha", "beta", "gamma"]
    got = solution.fetch_all(fetch, keys)
    expect_true(isinstance(got, dict), f"fetch_all returns a dict (it returned {type(got).__name__})")
    # which result goes with which key is result_per_key's: here the calls finish in whatever
    # order the threads run, and a verdict must not depend on that
    expect_equal(sorted(got), sorted(keys), "the keys of fetch_all(fetch, ['alpha', 'beta', 'gamma'])")
    expect_equal(sorted(got.values()), ["ALPHA!", "BETA!", "GAMMA!"],
                 "the values of fetch_all(fetch, ['alpha', 'beta', 'gamma']) with fetch(k) = k.upper() + '!'")
    expect_equal(sorted(calls), sorted(keys), "the keys fetch was called with (each key once)")


@check(weight=1, description="no keys: returns {} without calling fetch")
def empty(solution):
    calls = []
    got = solution.fetch_all(calls.append, [])
    expect_equal(got, {}, "fetch_all(fetch, [])")
    expect_equal(calls, [], "the calls made to fetch for no keys")


class _InFlight:
    """Counts the fetch calls in flight. A call waits until `size` calls are in flight at
    once (for at most `gather` seconds: past that it raises BrokenBarrierError, the calls do
    not overlap), then stays `grace` seconds more, timed from the moment the group filled, so
    that a call beyond `size` has time to show up. Timing the grace from the moment the group
    filled, not from the first call, keeps slow thread starts on a loaded machine from hiding
    an extra call."""

    def __init__(self, size, gather=3.0, grace=0.75):
        self.size = size
        self.gather = gather
        self.grace = grace
        self.condition = Condition()
        self.active = 0
        self.peak = 0
        self.group = 0  # each released group of calls gets a new number
        self.filled_at = None

    def call(self):
        with self.condition:
            self.active += 1
            self.peak = max(self.peak, self.active)
            if self.active >= self.size and self.filled_at is None:
                self.filled_at = monotonic()
            self.condition.notify_all()
            group = self.group
            give_up = monotonic() + self.gather
            while self.group == group and self.peak <= self.size:
                now = monotonic()
                if self.filled_at is not None:
                    if now >= self.filled_at + self.grace:
                        self.group += 1
                        self.filled_at = None
                        self.condition.notify_all()
                        break
                    self.condition.wait(self.filled_at + self.grace - now)
                elif now >= give_up:
                    self.active -= 1
                    raise BrokenBarrierError
                else:
                    self.condition.wait(give_up - now)

    def done(self):
        with self.condition:
            self.active -= 1


@check(weight=3, description="the calls overlap: 8 calls are all in flight at once, never 9 (default max_workers=8)")
def overlap(solution):
    keys = list(range(16))
    flight = _InFlight(8)

    def fetch(key):
        flight.call()  # returns once 8 calls were in flight at once (and a ninth had time to come)
        try:
            return key * 10
        finally:
            flight.done()

    got = _call(solution, fetch, keys, "fetch_all(fetch, 16 keys)")
    expect_equal(sorted(got), keys, "the keys of fetch_all(fetch, [0, ..., 15]) when the calls overlap")
    expect_equal(sorted(got.values()), [key * 10 for key in keys],
                 "the values of fetch_all(fetch, [0, ..., 15]) when the calls overlap")
    # how many more than 8 came depends on thread timing: the same answer gets the same feedback
    expect_false(flight.peak > 8, "nine calls were in flight at once with the default max_workers=8")


@check(weight=2, description="each result belongs to its own key even when the calls finish in reverse order")
def result_per_key(solution):
    keys = ["a", "b", "c", "d"]
    done = {key: Event() for key in keys}

    def fetch(key):
        index = keys.index(key)
        if index + 1 < len(keys):
            done[keys[index + 1]].wait(0.5)  # the later key finishes first
        done[key].set()
        return "page-" + key

    got = solution.fetch_all(fetch, keys)
    expect_equal(got, {key: "page-" + key for key in keys},
                 "fetch_all(fetch, ['a', 'b', 'c', 'd']) when the calls finish in the order d, c, b, a "
                 "(match results to keys by their future, not by completion order)")


@check(weight=2, description="max_workers is respected: with max_workers=2, two calls overlap but never three")
def bounded(solution):
    keys = list(range(4))
    flight = _InFlight(2, grace=0.5)

    def fetch(key):
        flight.call()  # two calls must be in flight together; a third must not come
        try:
            return -key
        finally:
            flight.done()

    try:
        got = solution.fetch_all(fetch, keys, max_workers=2)
    except BrokenBarrierError:
        fail("fetch_all(fetch, 4 keys, max_workers=2): two calls were never in flight together; "
             "with max_workers=2 two calls must overlap")
    expect_equal(sorted(got), keys, "the keys of fetch_all(fetch, [0, 1, 2, 3], max_workers=2)")
    expect_equal(sorted(got.values()), [-3, -2, -1, 0], "the values of fetch_all(fetch, [0, 1, 2, 3], max_workers=2)")
    expect_true(flight.peak <= 2, "at most 2 calls in flight with max_workers=2 (saw 3 or more at once)")


@check(weight=2, description="an exception raised by one call reaches the caller of fetch_all")
def errors(solution):
    raised = FetchFailed("key 3: 503 Service Unavailable")

    def fetch(key):
        if key == 3:
            raise raised
        return key

    with expect_raises(FetchFailed, "fetch_all(fetch, [1, 2, 3, 4]) where fetch(3) raises FetchFailed") as caught:
        solution.fetch_all(fetch, [1, 2, 3, 4])
    expect_is(caught.exception, raised, "the exception fetch_all raised (must be the one fetch(3) raised)")
