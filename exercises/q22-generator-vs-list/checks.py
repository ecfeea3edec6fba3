import itertools
import types

from pygrade import check, expect_equal, expect_is, expect_true, fail


class _Counting:
    """Replaces solution.square for one check: counts calls, answers x * x."""

    def __init__(self, solution):
        self.solution = solution
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return x * x

    def __enter__(self):
        self.original = self.solution.square
        self.solution.square = self
        return self

    def __exit__(self, *exc_info):
        self.solution.square = self.original
        return False


@check(weight=1, description="square(x) returns x * x")
def square_function(solution):
    expect_equal(solution.square(4), 16, "square(4)")
    expect_equal(solution.square(-3), 9, "square(-3)")
    expect_equal(solution.square(0), 0, "square(0)")


@check(weight=2, description="squares_gen(n) returns a generator of the squares of 0 .. n-1")
def gen_values(solution):
    generator = solution.squares_gen(5)
    expect_true(isinstance(generator, types.GeneratorType),
                f"squares_gen(5) returns a generator (it returned a {type(generator).__name__})")
    expect_equal(list(generator), [0, 1, 4, 9, 16], "list(squares_gen(5))")
    expect_equal(list(generator), [], "list(squares_gen(5)) a second time (a generator is used up after one pass)")
    expect_equal(list(solution.squares_gen(0)), [], "list(squares_gen(0))")
    expect_equal(list(solution.squares_gen(1)), [0], "list(squares_gen(1))")


@check(weight=2, description="squares_list(n) returns a list of the squares of 0 .. n-1")
def list_values(solution):
    result = solution.squares_list(5)
    expect_equal(type(result).__name__, "list", "type of squares_list(5)")
    expect_equal(result, [0, 1, 4, 9, 16], "squares_list(5)")
    expect_equal(solution.squares_list(0), [], "squares_list(0)")
    expect_equal(solution.squares_list(12)[-1], 121, "squares_list(12)[-1]")


@check(weight=3, description="squares_gen is lazy: creating it computes nothing, each item pulled computes one square")
def gen_is_lazy(solution):
    with _Counting(solution) as counter:
        generator = solution.squares_gen(1000)
        expect_equal(counter.calls, 0, "calls of square() when squares_gen(1000) is created")
        next(generator)
        if counter.calls == 0:
            fail("squares_gen never called square(): compute each item with the module-level square(x)")
        expect_equal(counter.calls, 1, "calls of square() after pulling 1 item from squares_gen(1000)")
        expect_equal(len(list(itertools.islice(generator, 4))), 4, "number of items pulled next from squares_gen(1000)")
        expect_equal(counter.calls, 5, "calls of square() after pulling 5 items from squares_gen(1000)")
        huge = solution.squares_gen(10 ** 12)
        expect_equal(len(list(itertools.islice(huge, 3))), 3, "number of items pulled from squares_gen(10**12)")
        expect_equal(counter.calls, 8, "calls of square() after 3 more items, from squares_gen(10**12)")


@check(weight=2, description="squares_list is eager: every square is computed, once, before it returns")
def list_is_eager(solution):
    with _Counting(solution) as counter:
        result = solution.squares_list(50)
        expect_equal(counter.calls, 50,
                     "calls of square() by the time squares_list(50) has returned (all 50 squares, computed at once)")
        expect_equal(len(list(result)), 50, "number of items in squares_list(50)")
        expect_equal(counter.calls, 50, "calls of square() after reading the list (nothing more to compute)")
