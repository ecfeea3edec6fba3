# checks.py: the hidden checks (docs/authoring.md, "checks.py"). Each @check receives the
# candidate's module; it passes when it made at least one expectation and all of them held.
# The `what` text of an expectation is what the candidate reads when it fails: name the call.
from pygrade import check, expect_close, expect_equal, expect_raises, expect_type


@check(weight=2, description="mean() of whole numbers")
def whole_numbers(solution):
    expect_equal(solution.mean([1, 2, 3, 4]), 2.5, "mean([1, 2, 3, 4])")
    expect_equal(solution.mean([7]), 7.0, "mean([7])")
    expect_equal(solution.mean([-2, 2, 3]), 1.0, "mean([-2, 2, 3])")


@check(weight=1, description="mean() returns a float")
def returns_float(solution):
    expect_type(solution.mean([2, 4]), float, "mean([2, 4])")


@check(weight=1, description="mean() of floats, within rounding")
def floats(solution):
    expect_close(solution.mean([0.1, 0.2, 0.3]), 0.2, "mean([0.1, 0.2, 0.3])", tolerance=1e-12)


@check(weight=1, description="mean([]) raises ValueError")
def empty(solution):
    expect_raises(ValueError, solution.mean, [], what="mean([])")
