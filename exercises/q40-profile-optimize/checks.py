import random

from pygrade import check, expect_equal, fail


def _slow_dedupe(items):
    """The seed's O(n^2) version: the definition of the right answer."""
    result = []
    for item in items:
        if item not in result:
            result.append(item)
    return result


@check(weight=2, description="fast_dedupe keeps the first occurrence of each item, in order")
def small_cases(solution):
    cases = [[], [1], [3, 1, 3, 2, 1], [5, 5, 5, 5], ["b", "a", "b", "c", "a"],
             [(1, 2), (2, 1), (1, 2)], [None, 0, None, "", 0]]
    for items in cases:
        expect_equal(solution.fast_dedupe(list(items)), _slow_dedupe(items), "fast_dedupe(%r)" % (items,))


def _plain_equal(a, b):
    """Equality that never calls a candidate's method: exact builtin types only."""
    if type(a) is not type(b):
        return False
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(_plain_equal(x, y) for x, y in zip(a, b))
    return a == b  # both are exactly int, str, float, bool or None here


@check(weight=3, description="fast_dedupe matches the slow reference on 120 random inputs")
def matches_slow_reference(solution):
    rng = random.Random(40)
    outs, wants = [], []
    for case in range(120):
        size = rng.randrange(0, 40)
        pool = rng.choice([3, 10, 50])
        kind = case % 3
        if kind == 0:
            items = [rng.randrange(pool) for _ in range(size)]
        elif kind == 1:
            items = [rng.choice("abcdefghij"[:max(1, pool // 5)]) * rng.randrange(1, 3) for _ in range(size)]
        else:
            items = [(rng.randrange(pool), rng.randrange(2)) for _ in range(size)]
        out, want = solution.fast_dedupe(list(items)), _slow_dedupe(items)
        if not _plain_equal(out, want):
            expect_equal(out, want, "fast_dedupe(%r)" % (items,))  # fails, naming the input
        outs.append(out)
        wants.append(want)
    # one expectation for all the inputs: each costs an integrity check on this slow interpreter
    expect_equal(outs, wants, "fast_dedupe on each of the 120 random inputs")


class _CPythonOrderSet(set):
    """A set that iterates in another order than insertion, as CPython's sets may (GraalPy's
    keep insertion order): membership tests and adding are a set's own."""

    def __iter__(self):
        return reversed(list(set.__iter__(self)))


@check(weight=1, description="the order of the result never comes from a set's iteration order")
def no_set_order(solution):
    # the answer's module-level name `set` is, for this call, a set that does not iterate in
    # insertion order (a set display or comprehension is still GraalPy's own)
    had = "set" in vars(solution)
    saved = vars(solution).get("set")
    solution.set = _CPythonOrderSet
    try:
        got = solution.fast_dedupe(["c", "a", "c", "b", "a", "d"])
    finally:
        if had:
            solution.set = saved
        else:
            del solution.set
    expect_equal(got, ["c", "a", "b", "d"], "fast_dedupe(['c', 'a', 'c', 'b', 'a', 'd']) when set() does not keep "
                                            "insertion order (as on CPython)")


@check(weight=1, description="equal values (1, 1.0, True) are one value, and the first one is kept as it is")
def equal_values(solution):
    for items in ([1.0, 1, True, 2], [True, 1, 0, False, 0.0], [2, 2.0, 3.0, 3]):
        expect_equal(solution.fast_dedupe(list(items)), _slow_dedupe(items), "fast_dedupe(%r)" % (items,))


@check(weight=1, description="fast_dedupe returns a new list and leaves the caller's list alone")
def new_list_input_untouched(solution):
    items = [4, 4, 2, 4, 1]
    result = solution.fast_dedupe(items)
    expect_equal(items, [4, 4, 2, 4, 1], "the list passed to fast_dedupe, after the call")
    expect_equal(result, [4, 2, 1], "fast_dedupe([4, 4, 2, 4, 1])")
    if result is items:
        fail("fast_dedupe returned the very list it was given; return a new list")


@check(weight=1, description="fast_dedupe accepts any iterable: tuple, string, generator")
def any_iterable(solution):
    expect_equal(solution.fast_dedupe((2, 1, 2)), [2, 1], "fast_dedupe((2, 1, 2))")
    expect_equal(solution.fast_dedupe("mississippi"), ["m", "i", "s", "p"], "fast_dedupe('mississippi')")
    expect_equal(solution.fast_dedupe(n % 4 for n in range(10)), [0, 1, 2, 3],
                 "fast_dedupe(n % 4 for n in range(10)) (a generator)")


LARGE = 60_000
DISTINCT = 40_000


@check(weight=3, description="fast_dedupe is linear: 60,000 items (40,000 distinct) at once")
def large_input_fast(solution):
    # strings, not ints: GraalPy scans a list of ints so fast that a quadratic answer would pass
    items = ["key-%05d" % ((i * 7919) % DISTINCT) for i in range(LARGE)]
    result = solution.fast_dedupe(items)
    if type(result) is not list:
        fail("fast_dedupe(60,000 items) returned %s, not a list" % type(result).__name__)
    want = list(dict.fromkeys(items))
    expect_equal(len(result), DISTINCT, "len(fast_dedupe(60,000 items with 40,000 distinct))")
    expect_equal(result[:10], want[:10], "the first 10 items of fast_dedupe(60,000 items)")
    expect_equal(result[-10:], want[-10:], "the last 10 items of fast_dedupe(60,000 items)")
    mismatch = next((i for i in range(DISTINCT) if type(result[i]) is not str or result[i] != want[i]), None)
    if mismatch is not None:
        fail("fast_dedupe(60,000 items)[%d] is %r, the first occurrence order says %r"
             % (mismatch, result[mismatch], want[mismatch]))
