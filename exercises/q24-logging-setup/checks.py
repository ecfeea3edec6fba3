import logging
# Imported here so that a submission importing them does not change the logging package
# (importing a submodule adds a name to its package, which the grader takes for tampering).
import logging.config
import logging.handlers

from pygrade import capture_output, check, expect_equal, expect_is, expect_true, expect_type, fail


class _Recorder(logging.Handler):
    """A handler the checks put on the root logger to see what propagates to it."""

    def __init__(self):
        logging.Handler.__init__(self, logging.DEBUG)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _lines(out):
    """Every line written, wherever it went (the format check alone insists on stderr)."""
    return (out.stderr + out.stdout).splitlines()


def _count(lines, message):
    return len([line for line in lines if line.endswith(message)])


@check(weight=2, description="records are written to stderr as LEVEL:name:message, arguments formatted in")
def line_format(solution):
    with capture_output() as out:
        log = solution.setup_logger("q24.format", logging.DEBUG)
        log.warning("disk at %d%%", 91)
        log.error("card %s declined", "4242")
    expect_equal(out.stdout, "", "what was written to stdout (log to stderr, do not print)")
    expect_equal(out.stderr, "WARNING:q24.format:disk at 91%\nERROR:q24.format:card 4242 declined\n",
                 "stderr after setup_logger('q24.format', logging.DEBUG), "
                 "log.warning('disk at %d%%', 91), log.error('card %s declined', '4242')")


@check(weight=1, description="it returns logging.getLogger(name), at the given level, with one StreamHandler")
def named_logger(solution):
    with capture_output():
        log = solution.setup_logger("q24.named", logging.INFO)
    expect_is(log, logging.getLogger("q24.named"),
              "setup_logger('q24.named', logging.INFO) (should be logging.getLogger('q24.named'))")
    expect_equal(log.level, logging.INFO, "setup_logger('q24.named', logging.INFO).level")
    handlers = list(log.handlers)
    expect_equal(len(handlers), 1, "number of handlers on the logger setup_logger('q24.named', ...) returned")
    expect_type(handlers[0], logging.StreamHandler, "the logger's handler")


@check(weight=2, description="the level filters: records below it are dropped, the others written")
def levels(solution):
    for level, name, shown in ((logging.WARNING, "q24.levels.warning", ("warning", "error", "critical")),
                               (logging.DEBUG, "q24.levels.debug", ("debug", "info", "warning", "error", "critical"))):
        with capture_output() as out:
            log = solution.setup_logger(name, level)
            log.debug("debug")
            log.info("info")
            log.warning("warning")
            log.error("error")
            log.critical("critical")
        lines = _lines(out)
        written = [message for message in ("debug", "info", "warning", "error", "critical")
                   if _count(lines, message) > 0]
        expect_equal(written, list(shown),
                     f"which of debug/info/warning/error/critical came out after "
                     f"setup_logger({name!r}, logging.{logging.getLevelName(level)})")


@check(weight=2, description="calling setup_logger again adds no second handler: each message comes out once")
def no_duplicate_handlers(solution):
    with capture_output() as out:
        first = solution.setup_logger("q24.twice", logging.INFO)
        second = solution.setup_logger("q24.twice", logging.INFO)
        third = solution.setup_logger("q24.twice", logging.INFO)
        third.warning("once")
    expect_is(second, first, "the second setup_logger('q24.twice', ...) (should return the same logger)")
    expect_is(third, first, "the third setup_logger('q24.twice', ...) (should return the same logger)")
    expect_equal(len(list(first.handlers)), 1, "handlers on the logger after calling setup_logger three times")
    expect_equal(_count(_lines(out), "once"), 1,
                 "how many times log.warning('once') was written after three setup_logger calls")


@check(weight=1, description="calling setup_logger again applies the new level")
def new_level_applies(solution):
    with capture_output() as out:
        log = solution.setup_logger("q24.relevel", logging.DEBUG)
        solution.setup_logger("q24.relevel", logging.ERROR)
        log.info("info at ERROR")
        log.error("error at ERROR")
        solution.setup_logger("q24.relevel", logging.DEBUG)
        log.debug("debug at DEBUG")
    lines = _lines(out)
    expect_equal((_count(lines, "info at ERROR") > 0, _count(lines, "error at ERROR") > 0), (False, True),
                 "(info written?, error written?) after setup_logger(name, logging.DEBUG) "
                 "then setup_logger(name, logging.ERROR)")
    expect_true(_count(lines, "debug at DEBUG") > 0,
                "log.debug(...) is written after a third call setup_logger(name, logging.DEBUG)")


@check(weight=2, description="records do not propagate to the root logger's handlers (no double output)")
def no_propagation(solution):
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    try:
        with capture_output() as out:
            log = solution.setup_logger("q24.propagate", logging.INFO)
            log.warning("only here")
    finally:
        root.removeHandler(recorder)
    expect_equal(_count(_lines(out), "only here"), 1,
                 "how many times the logger's own handler wrote log.warning('only here')")
    if recorder.messages:
        fail(f"the root logger's handlers also received {recorder.messages!r}: "
             f"set propagate = False on the logger setup_logger returns")
    expect_equal(recorder.messages, [], "messages that reached the root logger's handlers")
