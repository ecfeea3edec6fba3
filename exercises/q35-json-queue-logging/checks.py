import json
import logging
# Imported here so that a submission importing them does not change the logging package
# (importing a submodule adds a name to its package, which the grader takes for tampering).
import logging.config
import logging.handlers
import queue
import sys
import threading
from datetime import datetime, timezone

from pygrade import check, expect_equal, expect_true, expect_type, fail

CREATED = 1700000000.25
STAMP = datetime.fromtimestamp(CREATED, tz=timezone.utc).isoformat()


class _Collect(logging.Handler):
    """Keeps (formatted line, thread id) for each record it handles."""

    def __init__(self, formatter=None):
        logging.Handler.__init__(self, logging.DEBUG)
        self.lines = []
        if formatter is not None:
            self.setFormatter(formatter)

    def emit(self, record):
        self.lines.append((self.format(record), threading.get_ident()))


class _Opaque:
    def __str__(self):
        return "<opaque 7>"


def _record(**fields):
    base = {"name": "billing", "levelname": "INFO", "levelno": logging.INFO, "msg": "charged %s for %d items",
            "args": ("alice", 3), "created": CREATED}
    base.update(fields)
    return logging.makeLogRecord(base)


def _parse(line, what):
    if not isinstance(line, str):
        fail(f"{what} should be a str of JSON, it is {type(line).__name__}")
    try:
        return json.loads(line)
    except ValueError:
        fail(f"{what} is not valid JSON: {line!r}")


def _direct_logger(solution, name):
    """A plain logger whose handler formats with the candidate's JsonFormatter."""
    collect = _Collect(solution.JsonFormatter())
    logger = logging.getLogger(name)
    logger.handlers[:] = [collect]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger, collect


def _queue_setup(solution, name=None, level=logging.DEBUG):
    """setup_queue_logging(collect, name=name), or without name= when name is None."""
    collect = _Collect(solution.JsonFormatter())
    collect.setLevel(level)
    if name is None:
        call = "setup_queue_logging(handler)"
        pair = solution.setup_queue_logging(collect)
    else:
        call = f"setup_queue_logging(handler, name={name!r})"
        pair = solution.setup_queue_logging(collect, name=name)
    if not (isinstance(pair, tuple) and len(pair) == 2):
        fail(f"{call} should return a (logger, listener) pair, got {pair!r}")
    return pair[0], pair[1], collect


def _stop(listener):
    stop = getattr(listener, "stop", None)
    if stop is not None and getattr(listener, "_thread", None) is not None:
        stop()


@check(weight=2, description="JsonFormatter writes timestamp, level, logger and message as a JSON object")
def json_fields(solution):
    line = solution.JsonFormatter().format(_record())
    expect_equal(_parse(line, "JsonFormatter().format(record)"),
                 {"timestamp": STAMP, "level": "INFO", "logger": "billing", "message": "charged alice for 3 items"},
                 "the JSON object for a record of logger 'billing', INFO, msg 'charged %s for %d items' % "
                 "('alice', 3), created 1700000000.25")


@check(weight=2, description="fields given with extra= are added, standard LogRecord attributes are not")
def extra_fields(solution):
    logger, collect = _direct_logger(solution, "q35.extra")
    logger.warning("payment %s", "refused", extra={"request_id": "r-42", "attempt": 2, "tags": ["a", "b"]})
    expect_equal(len(collect.lines), 1, "lines written for one logger.warning(...)")
    entry = _parse(collect.lines[0][0], "the formatted line")
    entry.pop("timestamp", None)
    expect_equal(entry, {"level": "WARNING", "logger": "q35.extra", "message": "payment refused",
                         "request_id": "r-42", "attempt": 2, "tags": ["a", "b"]},
                 "the JSON object (timestamp left out) for logger.warning('payment %s', 'refused', "
                 "extra={'request_id': 'r-42', 'attempt': 2, 'tags': ['a', 'b']})")


@check(weight=1, description="one line per record, even for multi-line messages; unencodable extras become str")
def one_line(solution):
    line = solution.JsonFormatter().format(_record(msg="first line\nsecond line", args=None, thing=_Opaque()))
    expect_true(isinstance(line, str) and "\n" not in line, "the formatted record has no newline in it")
    entry = _parse(line, "the formatted record")
    expect_equal((entry.get("message"), entry.get("thing")), ("first line\nsecond line", "<opaque 7>"),
                 "(message, thing) for msg 'first line\\nsecond line' and an extra 'thing' whose str() is '<opaque 7>'")


@check(weight=1, description="asctime and message, set on the record by another formatter, are not extra fields")
def formatted_before(solution):
    record = _record()
    logging.Formatter("%(asctime)s %(levelname)s %(message)s").format(record)  # sets record.asctime, record.message
    entry = _parse(solution.JsonFormatter().format(record), "JsonFormatter().format(record)")
    expect_equal(sorted(entry), ["level", "logger", "message", "timestamp"],
                 "the keys of the JSON object for a record that a plain Formatter('%(asctime)s %(levelname)s "
                 "%(message)s') formatted first (as when the logger has a console handler too)")


@check(weight=1, description="a record with exc_info gets an 'exception' field with the traceback")
def exception_field(solution):
    try:
        1 / 0
    except ZeroDivisionError:
        info = sys.exc_info()
    formatter = solution.JsonFormatter()
    entry = _parse(formatter.format(_record(exc_info=info)), "the formatted record with exc_info")
    text = entry.get("exception")
    expect_true(isinstance(text, str) and "Traceback" in text and "ZeroDivisionError: division by zero" in text,
                f"the 'exception' field holds the formatted traceback (got {text!r})")
    entry = _parse(formatter.format(_record()), "a record without exc_info")
    expect_true("exception" not in entry, "a record without exc_info has no 'exception' field")


@check(weight=1, description="setup_queue_logging returns the logger with one QueueHandler and a QueueListener")
def queue_structure(solution):
    logging.getLogger("q35.structure").addHandler(logging.NullHandler())
    logger, listener, collect = _queue_setup(solution, "q35.structure")
    try:
        expect_true(logger is logging.getLogger("q35.structure"), "the logger is logging.getLogger(name)")
        handlers = list(logger.handlers)
        expect_equal(len(handlers), 1, "how many handlers the logger has (a NullHandler was there before the call)")
        expect_type(handlers[0], logging.handlers.QueueHandler, "the logger's handler (a QueueHandler or a subclass)")
        expect_type(listener, logging.handlers.QueueListener, "the listener")
        expect_true(handlers[0].queue is listener.queue, "the QueueHandler and the QueueListener share one queue")
        expect_true(collect in listener.handlers, "the listener passes records to the handler given")
        expect_equal((logger.level, logger.propagate), (logging.DEBUG, False), "(logger.level, logger.propagate)")
    finally:
        _stop(listener)


@check(weight=2, description="every record reaches the handler, in order, once listener.stop() returns")
def queue_delivery(solution):
    logger, listener, collect = _queue_setup(solution, "q35.delivery")
    try:
        for index in range(20):
            logger.info("event %d", index)
    finally:
        _stop(listener)
    messages = [_parse(line, "a line the handler wrote").get("message") for line, _ in collect.lines]
    expect_equal(messages, [f"event {index}" for index in range(20)],
                 "messages the handler received for logger.info('event %d', i), i = 0..19, after listener.stop()")


@check(weight=1, description="the handler runs in the listener's thread, not in the thread that logs")
def off_the_calling_thread(solution):
    logger, listener, collect = _queue_setup(solution, "q35.thread")
    try:
        logger.error("handled elsewhere")
    finally:
        _stop(listener)
    me = threading.get_ident()
    threads = [ident for _, ident in collect.lines]
    expect_true(len(threads) == 1 and threads[0] != me,
                f"one record handled, by another thread than the caller (handled {len(threads)} time(s), "
                f"{'in the calling thread' if me in threads else 'elsewhere'})")


@check(weight=1, description="extra fields survive the trip through the queue")
def extra_through_queue(solution):
    logger, listener, collect = _queue_setup(solution, "q35.queue_extra")
    try:
        logger.info("order %s shipped", "A-1", extra={"request_id": "r-7", "shard": 3})
    finally:
        _stop(listener)
    expect_equal(len(collect.lines), 1, "records the handler received")
    entry = _parse(collect.lines[0][0], "the line the handler wrote")
    expect_equal({key: entry.get(key) for key in ("message", "request_id", "shard")},
                 {"message": "order A-1 shipped", "request_id": "r-7", "shard": 3},
                 "message, request_id and shard of the JSON line after the queue")


@check(weight=1, description="the listener respects the handler's own level")
def handler_level_respected(solution):
    logger, listener, collect = _queue_setup(solution, "q35.level", level=logging.WARNING)
    try:
        logger.info("below the handler's level")
        logger.warning("at the handler's level")
    finally:
        _stop(listener)
    messages = [_parse(line, "a line the handler wrote").get("message") for line, _ in collect.lines]
    expect_equal(messages, ["at the handler's level"],
                 "messages received by a handler set to WARNING, for logger.info('below the handler's level') "
                 "then logger.warning('at the handler's level'), after listener.stop() (the listener must "
                 "honour the handler's level)")


@check(weight=1, description="without name=, setup_queue_logging sets up the logger named 'app'")
def default_name_app(solution):
    logger, listener, collect = _queue_setup(solution)
    try:
        got = f"the logger {logger.name!r}" if isinstance(logger, logging.Logger) else type(logger).__name__
        expect_true(logger is logging.getLogger("app"),
                    f"setup_queue_logging(handler), called without name=, returns logging.getLogger('app') "
                    f"(it returned {got})")
    finally:
        _stop(listener)
