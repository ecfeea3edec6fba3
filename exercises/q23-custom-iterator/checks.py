from pygrade import check, expect_equal, expect_is, expect_raises, fail

LIMIT = 200  # no range in these checks has more values: more means it never stops


def _make(solution, start, end):
    try:
        return solution.MyRange(start, end)
    except Exception as error:
        fail(f"MyRange({start}, {end}) raised {type(error).__name__}: {error}")


def _drain(iterator, what):
    """next() until StopIteration, refusing to run forever."""
    values = []
    for _ in range(LIMIT + 1):
        try:
            values.append(next(iterator))
        except StopIteration:
            return values
    fail(f"{what} produced more than {LIMIT} values without raising StopIteration "
         f"(first ones: {values[:6]!r})")


def _loop(iterable, what):
    """A for-loop over iterable, refusing to run forever."""
    values = []
    for value in iterable:
        values.append(value)
        if len(values) > LIMIT:
            fail(f"a for-loop over {what} ran more than {LIMIT} times (first values: {values[:6]!r})")
    return values


@check(weight=1, description="iter(r) returns r itself")
def iter_returns_self(solution):
    r = _make(solution, 0, 3)
    expect_is(iter(r), r, "iter(r) for r = MyRange(0, 3) (an iterator's __iter__ returns self)")


@check(weight=2, description="it yields start, start + 1, ..., end - 1")
def values(solution):
    for start, end in [(0, 5), (3, 7), (-2, 2), (10, 11), (0, 60)]:
        expect_equal(_drain(iter(_make(solution, start, end)), f"MyRange({start}, {end})"),
                     list(range(start, end)), f"the values of MyRange({start}, {end})")


@check(weight=2, description="next(r) returns each value, then raises StopIteration")
def next_then_stop(solution):
    r = _make(solution, 10, 13)
    got = []
    for _ in range(3):
        try:
            got.append(next(r))
        except Exception as error:
            fail(f"call {len(got) + 1} of next(r) on r = MyRange(10, 13) raised {type(error).__name__}: {error}")
    expect_equal(got, [10, 11, 12], "three next(r) calls on r = MyRange(10, 13)")
    expect_raises(StopIteration, next, r, what="a fourth next(r) on r = MyRange(10, 13)")


@check(weight=2, description="an exhausted MyRange stays exhausted")
def stays_exhausted(solution):
    r = _make(solution, 0, 3)
    expect_equal(_loop(r, "MyRange(0, 3)"), [0, 1, 2], "a first for-loop over r = MyRange(0, 3)")
    expect_raises(StopIteration, next, r, what="next(r) after a for-loop used r up")
    expect_raises(StopIteration, next, r, what="next(r) once more after r was used up")
    expect_equal(_loop(r, "the used-up MyRange(0, 3)"), [],
                 "a second for-loop over the used-up r (a one-shot iterator does not restart)")


@check(weight=2, description="start >= end gives an empty iterator")
def empty_ranges(solution):
    for start, end in [(5, 5), (5, 2), (0, -3)]:
        it = iter(_make(solution, start, end))
        expect_raises(StopIteration, next, it, what=f"the first next() on MyRange({start}, {end})")
        expect_equal(_drain(it, f"MyRange({start}, {end})"), [], f"the values of MyRange({start}, {end})")


@check(weight=1, description="it works in for-loops, list() and sum()")
def loops_and_builtins(solution):
    expect_equal(_loop(_make(solution, 2, 6), "MyRange(2, 6)"), [2, 3, 4, 5], "a for-loop over MyRange(2, 6)")
    expect_equal(list(_make(solution, 2, 6)), [2, 3, 4, 5], "list(MyRange(2, 6))")
    expect_equal(sum(_make(solution, 1, 101)), 5050, "sum(MyRange(1, 101))")
    expect_equal([x * x for x in _make(solution, 0, 4)], [0, 1, 4, 9], "[x * x for x in MyRange(0, 4)]")


@check(weight=2, description="iteration continues where next() left off")
def partial_consumption(solution):
    r = _make(solution, 0, 6)
    try:
        first = (next(r), next(r))
    except Exception as error:
        fail(f"next(r) on r = MyRange(0, 6) raised {type(error).__name__}: {error}")
    expect_equal(first, (0, 1), "(next(r), next(r)) for r = MyRange(0, 6)")
    expect_equal(_loop(r, "MyRange(0, 6)"), [2, 3, 4, 5], "a for-loop over r after two next(r) calls")


@check(weight=1, description="each MyRange keeps its own position")
def independent_instances(solution):
    a, b = _make(solution, 0, 3), _make(solution, 0, 3)
    ia, ib = iter(a), iter(b)
    expect_equal((next(ia), next(ia)), (0, 1), "two next() calls on a = MyRange(0, 3)")
    expect_equal(next(ib), 0, "next() on b = MyRange(0, 3) after a advanced (b must not share a's position)")
    c = _make(solution, 7, 9)
    expect_equal(_drain(iter(c), "MyRange(7, 9)"), [7, 8], "MyRange(7, 9) made after a and b")
    expect_equal(next(ia), 2, "a's third value after b and c were used")
