"""The checks API: what an instructor's hidden checks import.

    from pygrade import check, expect_equal, expect_raises, capture_output

    @check(weight=2, description="fibonacci(10) is 55")
    def small_values(solution):
        expect_equal(solution.fibonacci(10), 55, "fibonacci(10)")

Every expectation is reported to the grader, which converts both sides to plain
data outside Python and compares them there: a candidate's object whose __eq__
always answers True, or a patched builtin, cannot make an expectation pass.
An expectation that fails stops the check by raising CheckFailed.

This module is only importable while the checks load; candidate code cannot
import it.
"""

from io import StringIO as _StringIO
import sys as _sys

# Set by the harness before the checks load: a host function that records an
# observation and answers None when it holds or the failure message when not.
_sink = None
# Filled by @check while the checks module loads; the harness takes it over.
_registry = []


class CheckFailed(Exception):
    """Raised by a failed expectation to end the check. The failure itself is
    already recorded by the grader; catching this changes nothing."""


def check(name=None, *, weight=1, description=None):
    """Registers a hidden check. The function receives the candidate's module.

    name: shown to the candidate (default: the function's name)
    weight: marks this check is worth (a positive number)
    description: one sentence saying what is checked, shown to the candidate
    """
    def register(function):
        doc = (function.__doc__ or "").strip().split("\n")[0]
        _registry.append((name or function.__name__, description or doc or function.__name__,
                          weight, function))
        return function
    if callable(name):  # used bare, as @check
        function, name = name, None
        return register(function)
    return register


def _observe(kind, what, actual, expected=None):
    message = _sink(kind, what, actual, expected)
    if message is not None:
        raise CheckFailed(message)


def expect_equal(actual, expected, what="value"):
    """actual must equal expected as plain data (same types, same contents)."""
    _observe("equal", what, actual, expected)


def expect_close(actual, expected, what="value", tolerance=1e-9):
    """actual must be a number within tolerance of expected."""
    _observe("close", what, actual, (expected, tolerance))


def expect_true(condition, what="condition"):
    """condition must be exactly True (a bool, not merely truthy)."""
    _observe("equal", what, condition, True)


def expect_false(condition, what="condition"):
    """condition must be exactly False."""
    _observe("equal", what, condition, False)


def expect_is(actual, expected, what="object"):
    """actual must be the very object expected (identity, not equality)."""
    _observe("is", what, actual, expected)


def expect_type(value, expected_type, what="value"):
    """value must be an instance of expected_type (subclasses count)."""
    _observe("instance", what, value, expected_type)


def fail(message):
    """Fails the check with a message for the candidate."""
    _observe("fail", message, None)


class expect_raises:
    """The call, or the body of the with-block, must raise expected (or a subclass).

        expect_raises(ValueError, solution.parse, "x", what="parse('x')")
        with expect_raises(TypeError, "Shape()"):
            solution.Shape()

    As a context manager, .exception holds what was raised.
    """

    def __init__(self, expected, what_or_function=None, *args, what=None, **kwargs):
        self.expected = expected
        self.exception = None
        if callable(what_or_function):
            self.what = what or getattr(what_or_function, "__name__", "call")
            with self:
                what_or_function(*args, **kwargs)
        else:
            self.what = what or what_or_function or "block"

    def __enter__(self):
        return self

    def __exit__(self, kind, exception, traceback):
        if exception is None:
            _observe("raises", self.what, None, self.expected)
            return False
        self.exception = exception
        _observe("raises", self.what, exception, self.expected)
        return True


class capture_output:
    """Captures what the block prints: .stdout and .stderr hold the text.

        with capture_output() as out:
            solution.greet()
        expect_equal(out.stdout, "hello\\n", "printed output")
    """

    def __init__(self):
        self.stdout = ""
        self.stderr = ""

    def __enter__(self):
        self._saved = (_sys.stdout, _sys.stderr)
        self._out, self._err = _StringIO(), _StringIO()
        _sys.stdout, _sys.stderr = self._out, self._err
        return self

    def __exit__(self, *exc_info):
        _sys.stdout, _sys.stderr = self._saved
        self.stdout = self._out.getvalue()
        self.stderr = self._err.getvalue()
        return False
