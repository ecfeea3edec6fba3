import unittest
# Imported here so that a submission using them does not change the unittest package
# (importing a submodule or the lazy IsolatedAsyncioTestCase adds a name to the package,
# which the grader would take for tampering).
import unittest.mock

unittest.IsolatedAsyncioTestCase  # loads it now; bound to no name here on purpose

from pygrade import check, expect_equal, expect_true, fail


def _correct(a, b):
    return a + b


def _run(solution, implementation):
    """Runs the candidate's TestMath with solution.add swapped for implementation.
    Answers (tests run, names of the tests that failed or raised)."""
    cls = getattr(solution, "TestMath", None)
    if not (isinstance(cls, type) and issubclass(cls, unittest.TestCase)):
        fail("the module has no class TestMath(unittest.TestCase)")
    if not hasattr(solution, "add"):
        fail("the module has no function add(a, b) at module level")
    original = solution.add
    solution.add = implementation
    try:
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(cls)
        result = unittest.TestResult()
        suite.run(result)
    finally:
        solution.add = original
    broken = [test.id().rsplit(".", 1)[-1] for test, _ in list(result.failures) + list(result.errors)]
    return result.testsRun, broken, result


def _must_pass_correct(solution):
    run, broken, _ = _run(solution, _correct)
    if run == 0:
        fail("TestMath has no test methods (their names must start with test)")
    if broken:
        fail(f"your tests must first pass with a correct add, but {', '.join(sorted(broken))} did not")


def _catches(solution, mutant, description):
    _must_pass_correct(solution)
    run, broken, _ = _run(solution, mutant)
    if not broken:
        fail(f"all {run} of your tests pass when add(a, b) {description}: "
             f"no test notices this bug")
    expect_true(len(broken) > 0, f"some test fails when add(a, b) {description}")


@check(weight=1, description="add(a, b) adds integers and floats")
def add_works(solution):
    for a, b in ((2, 3), (-4, 10), (0, 0), (-7, -8)):
        expect_equal(solution.add(a, b), a + b, f"add({a}, {b})")
    expect_equal(solution.add(1.5, 2.25), 3.75, "add(1.5, 2.25)")


@check(weight=1, description="TestMath is a unittest.TestCase with at least three test methods")
def test_class(solution):
    cls = getattr(solution, "TestMath", None)
    expect_true(isinstance(cls, type) and issubclass(cls, unittest.TestCase),
                "TestMath exists and is a subclass of unittest.TestCase")
    names = list(unittest.defaultTestLoader.getTestCaseNames(cls))
    expect_true(len(names) >= 3, f"TestMath has at least three test_ methods (found {names})")


@check(weight=2, description="every test passes when add is correct")
def passes_on_correct_add(solution):
    run, broken, result = _run(solution, _correct)
    expect_true(run > 0, "TestMath has test methods the loader finds (their names start with test)")
    if broken:
        first_test, text = (list(result.failures) + list(result.errors))[0]
        last = text.strip().splitlines()[-1]
        fail(f"with a correct add, {len(broken)} of your {run} tests fail: "
             f"{', '.join(sorted(broken))} (first: {last})")
    expect_equal(broken, [], "tests that fail with a correct add")


@check(weight=1, description="some test fails when add subtracts")
def catches_subtraction(solution):
    _catches(solution, lambda a, b: a - b, "returns a - b")


@check(weight=1, description="some test fails when add multiplies")
def catches_multiplication(solution):
    _catches(solution, lambda a, b: a * b, "returns a * b")


@check(weight=1, description="some test fails when add is off by one")
def catches_off_by_one(solution):
    _catches(solution, lambda a, b: a + b + 1, "returns a + b + 1")


@check(weight=1, description="some test fails when add ignores the signs of negative numbers")
def catches_negatives(solution):
    _catches(solution, lambda a, b: abs(a) + abs(b), "returns abs(a) + abs(b)")


@check(weight=1, description="some test fails when add truncates floats to integers")
def catches_float_truncation(solution):
    _catches(solution, lambda a, b: int(a) + int(b), "returns int(a) + int(b)")


@check(weight=1, description="some test fails when add ignores its first argument")
def catches_ignored_argument(solution):
    _catches(solution, lambda a, b: b + b, "returns b + b")
