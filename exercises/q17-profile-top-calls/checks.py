from pygrade import check, expect_equal, expect_true, fail

# The profiled functions below call no built-in functions (loops count by hand), so the
# profile holds only them (plus, at count 1, whatever the profiler itself records).


def fib(k):
    if k < 2:
        return k
    return fib(k - 1) + fib(k - 2)


def helper_a():
    return 1


def helper_b():
    return 2


def helper_c():
    return 3


def outer():
    i = 0
    while i < 5:
        helper_a()
        i += 1
    i = 0
    while i < 3:
        helper_b()
        i += 1
    helper_c()
    helper_c()


def alpha():
    pass


def beta():
    pass


def gamma():
    pass


def delta():
    pass


def tied():
    # First calls in the order beta, gamma, alpha: a sort that keeps first-seen order is wrong.
    i = 0
    while i < 4:
        beta()
        gamma()
        alpha()
        i += 1
    delta()
    delta()


def tick():
    pass


def count_to(limit, step_size):
    i = 0
    while i < limit:
        tick()
        i += step_size
    return i


def _plain(result, what):
    """The result as a list of (str, int) tuples for comparison; the exact types are checked elsewhere."""
    if not isinstance(result, (list, tuple)):
        fail(f"{what} returned a {type(result).__name__}, expected a list of (name, count) tuples")
    plain = []
    for item in result:
        try:
            name, count = item
        except (TypeError, ValueError):
            fail(f"{what} returned an item {item!r}: each item must be a (name, count) pair")
        plain.append((name, count))
    return plain


@check(weight=2, description="top_calls returns a list of (name, count) tuples, most calls first")
def return_format(solution):
    result = solution.top_calls(outer)
    expect_equal(type(result).__name__, "list", "type of top_calls(outer)")
    for item in result:
        expect_equal(type(item).__name__, "tuple", f"type of the item {item!r} of top_calls(outer)")
    expect_equal(result, [("helper_a", 5), ("helper_b", 3), ("helper_c", 2)],
                 "top_calls(outer) where outer calls helper_a 5 times, helper_b 3 times, helper_c twice")


@check(weight=2, description="the counts are right and sorted, for several values of n")
def counts_and_n(solution):
    expect_equal(_plain(solution.top_calls(outer, n=1), "top_calls(outer, n=1)"), [("helper_a", 5)],
                 "top_calls(outer, n=1)")
    expect_equal(_plain(solution.top_calls(outer, n=2), "top_calls(outer, n=2)"), [("helper_a", 5), ("helper_b", 3)],
                 "top_calls(outer, n=2)")
    expect_equal(_plain(solution.top_calls(outer), "top_calls(outer)"),
                 [("helper_a", 5), ("helper_b", 3), ("helper_c", 2)], "top_calls(outer) (n defaults to 3)")


@check(weight=2, description="recursive calls are counted in full (fib(10) makes 177 calls of fib)")
def recursion_counted(solution):
    expect_equal(_plain(solution.top_calls(fib, 10, n=1), "top_calls(fib, 10, n=1)"), [("fib", 177)],
                 "top_calls(fib, 10, n=1) (fib(10) calls fib 177 times in all, 176 of them recursively)")
    expect_equal(_plain(solution.top_calls(fib, 6, n=1), "top_calls(fib, 6, n=1)"), [("fib", 25)],
                 "top_calls(fib, 6, n=1)")


@check(weight=2, description="functions with the same count are ordered by name")
def ties_by_name(solution):
    expect_equal(_plain(solution.top_calls(tied), "top_calls(tied)"), [("alpha", 4), ("beta", 4), ("gamma", 4)],
                 "top_calls(tied) where beta, gamma and alpha are each called 4 times (first in that order) and delta twice")
    expect_equal(_plain(solution.top_calls(tied, n=4), "top_calls(tied, n=4)"),
                 [("alpha", 4), ("beta", 4), ("gamma", 4), ("delta", 2)], "top_calls(tied, n=4)")


@check(weight=2, description="positional arguments reach func, and every call profiles afresh")
def args_and_fresh_runs(solution):
    expect_equal(_plain(solution.top_calls(count_to, 6, 1, n=1), "top_calls(count_to, 6, 1, n=1)"), [("tick", 6)],
                 "top_calls(count_to, 6, 1, n=1) (count_to(6, 1) calls tick 6 times)")
    expect_equal(_plain(solution.top_calls(count_to, 6, 2, n=1), "top_calls(count_to, 6, 2, n=1)"), [("tick", 3)],
                 "top_calls(count_to, 6, 2, n=1) right after the previous call (count_to(6, 2) calls tick 3 times)")
    expect_equal(_plain(solution.top_calls(count_to, 6, 2, n=1), "top_calls(count_to, 6, 2, n=1)"), [("tick", 3)],
                 "top_calls(count_to, 6, 2, n=1) a second time: counts must not carry over")
