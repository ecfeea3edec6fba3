"""Runs an exercise's hidden checks on plain CPython, outside pygrade's sandbox.

    python3 -I cpython_runner.py EXERCISE_DIR SUBMISSION_FILE_OR_DIR MODULE

Prints ONE JSON object on stdout:
    {"status", "score", "max_score", "error",
     "checks": [{"name", "status", "score", "max_score", "message"}]}
with check statuses passed, failed, error, timeout, skipped (a unittest test that skipped
itself: max_score 0) or not-run (the submission did not import, or the grading's total time ran
out).

This is the "one CPython process per grading" baseline of `pygrade bench`, and the CPython side
of a GraalPy/CPython verdict cross-check. The checks import the sandbox's own checks API
(pygrade.py, beside this file), whose expectations this runner judges in place of the JVM
(plain data compared strictly; a check passes when it returned, observed something, and every
observation held); it also provides the unittest mode
(no @check in checks.py: each test method is a check of weight 1, run by the sandbox's own
runner, _pygrade_unittest.py, beside this file), and the exercise's sandbox
capabilities as far as CPython allows:
  - sandbox.asyncio: asyncio runs on pygrade's own virtual-time loop (_pygrade_asyncio.py,
    beside this file);
  - sandbox.files: the cwd is a fresh temporary folder, and paths under /tmp/ are redirected
    into it (so parallel runs never share a file);
  - threads / tracing not granted: starting a thread / sys.settrace raise, as in the sandbox.
What it does NOT do (differences it cannot bridge, by design of a plain CPython process):
  - no isolation: the candidate's code can read the host's files, open sockets, start
    processes; run only trusted code (fixtures) with it;
  - no tamper detection (a candidate that patches the checks' helpers is not caught) and no
    protection against __eq__ forgeries beyond comparing plain data by type;
  - no memory limit; the time limit is SIGALRM-based: it interrupts Python code and most
    blocking waits, not a long C call;
  - sandbox.files: only /tmp/ and relative paths are redirected; the rest of the host's file
    system stays visible.
"""

import builtins
import importlib
import importlib.abc
import importlib.util
import io
import json
import os
import signal
import sys
import tempfile
import time
import types

_REAL_STDOUT = sys.stdout
_REAL_EXIT = os._exit
_HERE = os.path.dirname(os.path.abspath(__file__))
_MAX_DEPTH = 200


# ---------------------------------------------------------------- the checks API

class _Observations:
    passes = 0
    failures = []


_obs = _Observations()


def _plain(value, depth=0):
    """A comparable form of plain data, made without calling candidate code. Anything not
    plain (or a subclass of a plain type) becomes a fresh object that equals nothing."""
    kind = type(value)
    if depth > _MAX_DEPTH:
        return object()
    if value is None or kind in (bool, int, float, complex, str, bytes):
        return (kind.__name__, value)
    if kind is list or kind is tuple:
        return (kind.__name__, tuple(_plain(item, depth + 1) for item in value))
    if kind is dict:
        return ("dict", frozenset((_plain(k, depth + 1), _plain(v, depth + 1)) for k, v in dict.items(value)))
    if kind is set or kind is frozenset:
        return (kind.__name__, frozenset(_plain(item, depth + 1) for item in value))
    return object()


def _contains_opaque(form):
    if type(form) is not tuple:
        return type(form) is object
    if len(form) == 2 and form[0] in ("list", "tuple"):
        return any(_contains_opaque(item) for item in form[1])
    if len(form) == 2 and form[0] in ("dict",):
        return any(_contains_opaque(k) or _contains_opaque(v) for k, v in form[1])
    if len(form) == 2 and form[0] in ("set", "frozenset"):
        return any(_contains_opaque(item) for item in form[1])
    return False


def _strict_equal(actual, expected):
    return _plain(actual) == _plain(expected)


def _loose_plain(value, depth=0):
    """Plain data as Python compares it (1 == 1.0 == True), or None when not plain."""
    kind = type(value)
    if depth > _MAX_DEPTH:
        raise ValueError
    if value is None or kind in (bool, int, float, complex, str, bytes):
        return value
    if kind is list or kind is tuple:
        return kind(_loose_plain(item, depth + 1) for item in value)
    if kind is dict:
        return {_loose_plain(k, depth + 1): _loose_plain(v, depth + 1) for k, v in dict.items(value)}
    if kind is set or kind is frozenset:
        return frozenset(_loose_plain(item, depth + 1) for item in value)
    raise ValueError


def _loose_equal(actual, expected):
    try:
        return _loose_plain(actual) == _loose_plain(expected)
    except (ValueError, RecursionError):
        return False


def _show(value):
    try:
        if not _contains_opaque(_plain(value)):
            return repr(value)
    except BaseException:
        pass
    try:
        return "<" + type(value).__name__ + " object>"
    except BaseException:
        return "<" + type(value).__name__ + " object>"


def _judge(kind, what, actual, expected):
    if kind == "equal" or kind == "equal_loose":
        same = _strict_equal(actual, expected) if kind == "equal" else _loose_equal(actual, expected)
        if same:
            return None
        got, want = _show(actual), _show(expected)
        if got == want or (kind == "equal" and type(actual) is not type(expected)):
            got += " (" + type(actual).__name__ + ")"
            want += " (" + type(expected).__name__ + ")"
        return f"{what}: expected {want}, got {got}"
    if kind == "not_equal_loose":
        if _loose_equal(actual, expected) or not _loose_equal(actual, actual):
            return f"{what}: expected a value different from {_show(expected)}, got {_show(actual)}"
        return None
    if kind == "close":
        want, tolerance = expected
        if type(actual) not in (int, float):
            return f"{what}: expected a number close to {want!r}, got {_show(actual)} ({type(actual).__name__})"
        return None if abs(float(actual) - float(want)) <= float(tolerance) else \
            f"{what}: expected {want!r} (within {tolerance!r}), got {actual!r}"
    if kind == "is":
        return None if actual is expected else \
            f"{what}: expected the very same object, got a different {type(actual).__name__}"
    if kind == "instance":
        ok = isinstance(expected, type) and isinstance(actual, expected)
        return None if ok else \
            f"{what}: expected an instance of {getattr(expected, '__name__', expected)}, got {type(actual).__name__}"
    if kind == "raises":
        name = getattr(expected, "__name__", "an exception")
        if actual is None:
            return f"{what}: expected {name} to be raised, but nothing was raised"
        if isinstance(expected, type) and isinstance(actual, expected):
            return None
        return f"{what}: expected {name}, but got {type(actual).__name__}: {actual}"
    if kind == "fail":
        return what
    return "the check could not be evaluated: unknown observation kind " + str(kind)


def _sink(kind, what, actual, expected):
    """The grader's side of pygrade.py's expectations, judged here in CPython: None when the
    observation holds, else the failure message (pygrade.py then raises CheckFailed)."""
    if kind == "raises" and isinstance(actual, _Timeout):
        raise actual  # the check's time ran out inside an expect_raises block: not an observation
    try:
        message = _judge(kind, what, actual, expected)
    except Exception as error:  # a malformed observation
        message = "the check could not be evaluated: " + str(error)
    if message is None:
        _obs.passes += 1
    else:
        _obs.failures.append(message)
    return message


def _load_api():
    """The sandbox's own checks API (pygrade.py, shipped beside this file), wired to _sink."""
    spec = importlib.util.spec_from_file_location("pygrade", os.path.join(_HERE, "pygrade.py"))
    api = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(api)
    api._sink = _sink
    return api


_api = _load_api()


# ---------------------------------------------------------------- unittest mode

class _TestLog:
    """What TestLog.java keeps for the sandbox's unittest runner (_pygrade_unittest.py, beside
    this file), judged here: failures, a skip, expected failures, and the fixtures' bookkeeping."""

    def __init__(self):
        self.fixtures = set()
        self.previous = None
        self.reset()

    def reset(self):
        self.started = self.expecting = self.expected_seen = False
        self.skipped = None

    def __call__(self, event, *args):
        text = str(args[0]) if args else ""
        if event == "start" and not self.started:
            self.started, self.expecting = True, bool(args and args[0])
        elif event in ("fail", "error"):
            _obs.failures.append(text)
        elif event in ("subtest", "expected"):
            if self.expecting:
                self.expected_seen = True
            else:
                _obs.failures.append(text)
        elif event == "skip":
            self.skipped = text if self.skipped is None else self.skipped
        elif event == "done":
            if self.expecting and not self.expected_seen:
                _obs.failures.append("unexpected success: the test is marked @expectedFailure, but it passed")
            else:
                _obs.passes += 1
        elif event == "fixture?":
            return text in self.fixtures
        elif event == "fixture!":
            self.fixtures.add(text)
        elif event == "previous?":
            return self.previous
        elif event == "previous!":
            self.previous = args[0] if args else None
        return None


_tests = _TestLog()


def _unittest_checks(source, candidate_files):
    """The tests of a checks.py that is a unittest module, run by the sandbox's own runner."""
    runner = types.ModuleType("_pygrade_unittest")
    runner.__file__ = "<pygrade unittest>"
    with open(os.path.join(_HERE, "_pygrade_unittest.py"), encoding="utf-8") as f:
        exec(compile(f.read(), runner.__file__, "exec"), runner.__dict__)
    runner.bind(_tests, lambda error: (), lambda filename: filename in candidate_files, "<hidden checks>", (), True)
    module = types.ModuleType("pygrade_hidden_checks")
    module.__file__ = "<hidden checks>"
    runner.load(source, module)
    runner.value_types()
    specs = []
    for class_name, method, doc in runner.plan_of(module):
        words = method[len("test"):].replace("_", " ").strip() or method
        specs.append((class_name + "." + method, doc or words, 1, runner.test(class_name, method)))
    return specs


# ---------------------------------------------------------------- the submission

def _submission_files(path, module):
    """module path ("pkg/mod.py") -> (display name, source), as the sandbox's reader lays it out."""
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            return {module + ".py": (os.path.basename(path), f.read())}
    raw = {}
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                full = os.path.join(root, name)
                with open(full, encoding="utf-8") as f:
                    raw[os.path.relpath(full, path).replace(os.sep, "/")] = (full, f.read())
    if module + ".py" in raw or module + "/__init__.py" in raw:
        return raw
    if "__init__.py" in raw:  # the folder given is the package itself
        return {module + "/" + key: value for key, value in raw.items()}
    return raw


class _SubmissionFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, files):
        self.files = files

    def find_spec(self, fullname, path=None, target=None):
        base = fullname.replace(".", "/")
        if base + "/__init__.py" in self.files:
            spec = importlib.util.spec_from_loader(fullname, self, is_package=True)
            spec.submodule_search_locations = [base]
            spec.origin = self.files[base + "/__init__.py"][0]
            return spec
        if base + ".py" in self.files:
            spec = importlib.util.spec_from_loader(fullname, self, is_package=False)
            spec.origin = self.files[base + ".py"][0]
            return spec
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        base = module.__name__.replace(".", "/")
        key = base + "/__init__.py" if (base + "/__init__.py") in self.files else base + ".py"
        display, source = self.files[key]
        module.__file__ = display
        exec(compile(source, display, "exec"), module.__dict__)


# ---------------------------------------------------------------- sandbox capabilities

def _redirect_tmp(root, exempt=()):
    """sandbox.files: paths under /tmp/ land in root/tmp/, relative ones in root (the cwd).
    Paths under exempt (the exercise, the submission, this runner) are the grader's own
    files and are never redirected, even where they lie under /tmp/ themselves."""
    root = os.path.realpath(root)
    os.makedirs(os.path.join(root, "tmp"), exist_ok=True)
    kept = tuple(os.path.realpath(path).rstrip("/") + "/" for path in (root,) + tuple(exempt))

    def mapped(path):
        if isinstance(path, (str, os.PathLike)) and not isinstance(path, bytes):
            text = os.fspath(path)
            if isinstance(text, str) and (text == "/tmp" or text.startswith("/tmp/")) \
                    and not (text + "/").startswith(kept):
                return os.path.join(root, text.lstrip("/"))
        return path

    def wrap(function):
        def wrapper(*args, **kwargs):
            return function(*((mapped(args[0]),) + args[1:] if args else ()), **kwargs)
        wrapper.__name__ = getattr(function, "__name__", "wrapper")
        return wrapper

    def wrap2(function):
        def wrapper(src, dst, *args, **kwargs):
            return function(mapped(src), mapped(dst), *args, **kwargs)
        return wrapper

    builtins.open = wrap(builtins.open)
    io.open = builtins.open
    for name in ("open", "stat", "lstat", "remove", "unlink", "mkdir", "makedirs", "listdir", "scandir",
                 "rmdir", "access", "truncate"):
        if hasattr(os, name):
            setattr(os, name, wrap(getattr(os, name)))
    for name in ("rename", "replace"):
        setattr(os, name, wrap2(getattr(os, name)))
    for name in ("exists", "isfile", "isdir", "getsize", "getmtime"):
        setattr(os.path, name, wrap(getattr(os.path, name)))


def _refuse_threads():
    import _thread
    import threading

    def refused(*args, **kwargs):
        raise RuntimeError("this exercise does not allow threads: solve it without starting any")
    for owner, name in ((_thread, "start_new_thread"), (_thread, "start_new"), (_thread, "start_joinable_thread"),
                        (threading, "_start_new_thread"), (threading, "_start_joinable_thread")):
        if hasattr(owner, name):
            setattr(owner, name, refused)


def _refuse_tracing():
    import threading

    def refused(*args, **kwargs):
        raise RuntimeError("tracing and profiling hooks are disabled in the pygrade sandbox")
    sys.settrace = sys.setprofile = refused
    threading.settrace = threading.setprofile = refused
    if hasattr(threading, "settrace_all_threads"):
        threading.settrace_all_threads = threading.setprofile_all_threads = refused


def _install_virtual_asyncio():
    spec = importlib.util.spec_from_file_location("_pygrade_asyncio", os.path.join(_HERE, "_pygrade_asyncio.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.install()


# ---------------------------------------------------------------- time limits

class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that `except Exception` in candidate code lets it by."""


def _alarm(signum, frame):
    raise _Timeout()


def _timed(seconds, function, *args):
    """Runs function(*args) under a wall-clock limit: ("returned", value) / ("raised", error) / ("timeout",)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        try:
            return ("returned", function(*args))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:
        return ("timeout",)
    except BaseException as error:
        return ("raised", error)


def _described(error):
    text = type(error).__name__
    try:
        message = str(error)
    except BaseException:
        message = "<the exception could not be printed>"
    if type(error) is SystemExit:
        return "your code called exit() (SystemExit" + (": " + message if message else "") + ")"
    return text + (": " + message if message else "")


# ---------------------------------------------------------------- one grading

def grade(exercise_dir, submission, module_name):
    with open(os.path.join(exercise_dir, "exercise.json"), encoding="utf-8") as f:
        # exercise.json may hold // comments on lines of their own (as `pygrade new` writes it)
        meta = json.loads("".join(line for line in f if not line.lstrip().startswith("//")))
    limits = meta.get("limits", {})
    sandbox = meta.get("sandbox", {})
    check_limit = float(limits.get("check_timeout_seconds", 5))
    total_limit = float(limits.get("total_timeout_seconds", 60))
    submission = os.path.abspath(submission)
    exercise_dir = os.path.abspath(exercise_dir)
    workdir = tempfile.mkdtemp(prefix="pygrade-cpython-")
    _cleanup.append(workdir)
    os.chdir(workdir)
    if sandbox.get("files"):
        _redirect_tmp(workdir, exempt=(exercise_dir, submission, _HERE))
    if sandbox.get("asyncio"):
        _install_virtual_asyncio()

    # The checks load first, as in the sandbox (they may install test doubles, e.g. a fake
    # `requests`, before the candidate imports), but with the submission already importable: a
    # unittest file given as checks may `import foo` at its top, as such files do.
    started = time.monotonic()
    sys.meta_path.insert(0, _SubmissionFinder(_submission_files(submission, module_name)))
    api = _api
    checks = types.ModuleType("pygrade_hidden_checks")
    checks.__file__ = "<hidden checks>"
    sys.modules["pygrade"] = api
    sys.stdout = io.StringIO()
    try:
        with open(os.path.join(exercise_dir, "checks.py"), encoding="utf-8") as f:
            source = f.read()
        loaded = _timed(check_limit, exec, compile(source, "<hidden checks>", "exec"), checks.__dict__)
    finally:
        del sys.modules["pygrade"]
    specs = list(api._registry) or ([] if loaded[0] != "returned" else _unittest_checks(
        source, {display for display, _ in _submission_files(submission, module_name).values()}))
    api._registry.clear()

    results = []
    max_score = float(sum(weight for _, _, weight, _ in specs))

    def finish(status, error):
        score = float(sum(r["score"] for r in results))
        return {"status": status, "score": score, "max_score": max_score, "error": error, "checks": results}

    def skip_all(message):
        for name, _, weight, _ in specs[len(results):]:
            results.append({"name": name, "status": "not-run", "score": 0.0, "max_score": float(weight),
                            "message": message})

    if loaded[0] != "returned":
        # a unittest file that imports the submission at its top fails here when the submission does
        error = ("loading the checks took longer than %gs" % check_limit if loaded[0] == "timeout"
                 else _described(loaded[1]) + " was raised while loading the checks (and the submission they import)")
        skip_all("not run: the checks did not load")
        return finish("timeout" if loaded[0] == "timeout" else "error", error)

    # what the sandbox closes once the checks are loaded
    if not sandbox.get("threads"):
        _refuse_threads()
    if not sandbox.get("tracing"):
        _refuse_tracing()
    os._exit = _exit_refused

    outcome = _timed(check_limit, importlib.import_module, module_name)
    if outcome[0] != "returned":
        error = ("importing the submission took longer than %gs" % check_limit if outcome[0] == "timeout"
                 else _described(outcome[1]) + " was raised while importing the submission")
        skip_all("not run: the submission did not import")
        return finish("timeout" if outcome[0] == "timeout" else "error", error)
    candidate = outcome[1]

    any_timeout = False
    for name, description, weight, function in specs:
        left = total_limit - (time.monotonic() - started)
        if left <= 0:
            skip_all("not run: the grading ran out of time")
            return finish("timeout", "the grading took longer than %gs in total" % total_limit)
        _obs.passes, _obs.failures = 0, []
        _tests.reset()
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        outcome = _timed(min(check_limit, left), function, candidate)
        status, message = "passed", ""
        if outcome[0] == "timeout":
            status, message = "timeout", "did not finish within %gs" % min(check_limit, left)
            any_timeout = True
        elif _obs.failures:
            status, message = "failed", _obs.failures[0]
        elif outcome[0] == "raised":
            error = outcome[1]
            status, message = ("failed", str(error)) if isinstance(error, api.CheckFailed) else ("error", _described(error))
        elif _tests.skipped is not None:
            status, message = "skipped", "skipped" + (": " + _tests.skipped if _tests.skipped else "")
        elif _obs.passes == 0:
            status, message = "error", "the check observed nothing, so it cannot pass"
        results.append({"name": name, "status": status, "score": float(weight) if status == "passed" else 0.0,
                        "max_score": 0.0 if status == "skipped" else float(weight), "message": message})
    if all(r["status"] in ("passed", "skipped") for r in results):
        return finish("passed", None)
    return finish("timeout" if any_timeout else "failed", None)


_cleanup = []


def _exit_refused(status=0):
    raise SystemExit(status)


def main(argv):
    if len(argv) != 4:
        print("usage: python3 -I cpython_runner.py EXERCISE_DIR SUBMISSION_FILE_OR_DIR MODULE", file=sys.stderr)
        return 2
    try:
        result = grade(argv[1], argv[2], argv[3])
    except BaseException as error:
        result = {"status": "internal-error", "score": 0.0, "max_score": 0.0,
                  "error": "the runner failed: " + _described(error), "checks": []}
    _REAL_STDOUT.write(json.dumps(result) + "\n")
    _REAL_STDOUT.flush()
    import shutil
    for folder in _cleanup:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    # Threads a candidate left running (or one a timeout abandoned) must not keep the process alive.
    _REAL_EXIT(code)
