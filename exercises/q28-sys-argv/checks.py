import sys

from pygrade import capture_output, check, expect_equal, fail

_DEFAULT = object()


def _run(solution, args=_DEFAULT, sys_argv=None):
    """Calls main (with args, or with none), with sys.argv set to sys_argv for the call.
    Answers (what, returned, stdout, stderr); sys.argv is restored before any expectation."""
    shown = "main()" if args is _DEFAULT else "main(%r)" % (list(args),)
    what = shown if sys_argv is None else "%s with sys.argv = %r" % (shown, list(sys_argv))
    saved = sys.argv
    if sys_argv is not None:
        sys.argv = list(sys_argv)
    exited, code = False, None
    try:
        with capture_output() as out:
            try:
                returned = solution.main() if args is _DEFAULT else solution.main(list(args))
            except SystemExit as stop:
                exited, code = True, stop.code
    finally:
        sys.argv = saved
    if exited:
        fail("%s called sys.exit(%r); main must return the exit code, not exit" % (what, code))
    return what, returned, out.stdout, out.stderr


def _expect_sum(solution, args, total, sys_argv=None):
    what, returned, stdout, stderr = _run(solution, args, sys_argv)
    expect_equal((returned, stdout, stderr), (0, "%d\n" % total, ""),
                 "(exit code, stdout, stderr) of %s" % what)


def _expect_usage(solution, args, sys_argv=None):
    what, returned, stdout, stderr = _run(solution, args, sys_argv)
    expect_equal((returned, stdout, stderr[:6]), (2, "", "usage:"),
                 "(exit code, stdout, first 6 characters of stderr) of %s (stderr was %r)" % (what, stderr[:80]))


@check(weight=2, description="main(argv) prints the sum of the given integers and returns 0")
def sums_given_argv(solution):
    _expect_sum(solution, ["1", "2", "3"], 6)
    _expect_sum(solution, ["40"], 40)
    _expect_sum(solution, ["0", "0"], 0)


@check(weight=2, description="main() reads sys.argv[1:] at the time of the call")
def reads_sys_argv(solution):
    _expect_sum(solution, _DEFAULT, 15, sys_argv=["sum_ints.py", "7", "8"])
    _expect_sum(solution, _DEFAULT, 100, sys_argv=["sum_ints.py", "100"])
    _expect_sum(solution, _DEFAULT, 11, sys_argv=["/usr/local/bin/sum_ints", "1", "2", "3", "5"])


@check(weight=1, description="an explicit argv wins over sys.argv, even an empty one")
def explicit_argv_wins(solution):
    _expect_sum(solution, ["1", "1"], 2, sys_argv=["sum_ints.py", "50", "50"])
    _expect_usage(solution, [], sys_argv=["sum_ints.py", "50", "50"])


@check(weight=1, description="negative and very large integers are summed exactly")
def negative_and_large(solution):
    _expect_sum(solution, ["-5", "-6"], -11)
    _expect_sum(solution, ["10", "-3"], 7)
    big = "123456789012345678901234567890"
    _expect_sum(solution, [big, "1"], int(big) + 1)


@check(weight=2, description="a non-integer argument gives a usage message on stderr and exit code 2")
def usage_on_bad_argument(solution):
    _expect_usage(solution, ["1", "x"])
    _expect_usage(solution, ["1.5"])
    _expect_usage(solution, ["2", "3", "four"])
    _expect_usage(solution, _DEFAULT, sys_argv=["sum_ints.py", "3", "3.0"])


@check(weight=1, description="no argument at all gives a usage message on stderr and exit code 2")
def usage_on_no_argument(solution):
    _expect_usage(solution, [], sys_argv=["sum_ints.py"])
    _expect_usage(solution, _DEFAULT, sys_argv=["sum_ints.py"])
