"""The grader's side inside the sandbox.

The host (Java) drives it: setup() loads the checks API and the hidden checks,
import_candidate() imports the submission, run_check(i) runs one check. Every
answer to the host is plain data (tuples, str, int, None) made by this code.

Trust: this module and the checks are loaded before any candidate code runs.
Everything they rely on later is captured then, and verify() (made by
_make_verifier) proves to the host that none of it was changed. verify() uses
only its own default arguments, never a global, so it cannot be redirected;
the host checks its code and defaults by identity before each call.
"""

# Only modules GraalPy has loaded at start-up, or nearly: a cold `pygrade grade` pays for
# every import here (docs/bench.md has what importlib.abc, json and traceback cost).
import _contextvars
import _weakref
import builtins
import gc
import importlib
import sys
import types
import time as _time
from _thread import get_ident as _get_ident
from importlib.machinery import ModuleSpec as _ModuleSpec

_PRISTINE_BUILTINS = dict(builtins.__dict__)
_BaseException = BaseException
_SyntaxError = SyntaxError
_ModuleType = types.ModuleType
_getframe = sys._getframe
_settrace = sys.settrace
_setprofile = sys.setprofile
_stdout = sys.stdout
_stderr = sys.stderr
_stdin = sys.stdin
_TRACEBACK_ENDS = 10
_str = str
_repr = repr
_type = type
_compile = compile
_exec = exec
_import_module = importlib.import_module

HIDDEN_CHECKS_FILE = "<hidden checks>"
API_FILE = "<pygrade>"
UNITTEST_FILE = "<pygrade unittest>"
_HARNESS_FILE = __file__ if "__file__" in globals() else "<pygrade harness>"
_HIDDEN_FILES = frozenset((HIDDEN_CHECKS_FILE, API_FILE, UNITTEST_FILE, _HARNESS_FILE, "<pygrade bootstrap>"))


class _State:
    """What one grading holds: the checks, the submission, the candidate module."""
    api = None
    checks_module = None
    checks = ()
    files = None          # module path ("pkg/mod.py") -> (display name, source)
    lines = None          # display name -> source lines, for the frames of tracebacks
    module_name = None
    candidate_files = frozenset()
    unittest = None         # the unittest runner (_pygrade_unittest.py) when the checks are tests
    unittest_pending = None  # (source, file name) of a unittest file run once the answer is imported


_state = _State()
# The imported submission lives apart from _state, which is verified: the
# candidate may only ever swap its own module for another of its own.
_candidate = {}


def _seeded_module(name, filename):
    """A module whose globals already hold the builtins as they were before any
    candidate code ran, so a patched builtin never reaches the checks."""
    module = _ModuleType(name)
    for key, value in _PRISTINE_BUILTINS.items():
        if not key.startswith("__") or key in ("__build_class__", "__import__"):
            module.__dict__[key] = value
    module.__file__ = filename
    return module


def _describe_exception(error):
    """(type name, message, candidate-visible traceback lines) of an exception."""
    kind = _type(error).__name__
    try:
        message = _str(error)
    except _BaseException:
        message = "<the exception could not be printed>"
    frames = []
    try:
        # Only both ends of a deep traceback: reading the source lines of 10,000 recursive
        # frames would cost the check its time.
        entries = []
        tb = error.__traceback__
        while tb is not None:
            entries.append((tb.tb_frame, tb.tb_lineno))
            tb = tb.tb_next
        if len(entries) > 2 * _TRACEBACK_ENDS:
            entries = entries[:_TRACEBACK_ENDS] + entries[-_TRACEBACK_ENDS:]
        for frame, lineno in entries:
            code = frame.f_code
            if code.co_filename in _state.candidate_files:
                frames.append((code.co_filename, lineno, code.co_name, _source_line(code.co_filename, lineno)))
    except _BaseException:
        pass
    if isinstance(error, _SyntaxError) and error.filename in _state.candidate_files:
        frames.append((error.filename, error.lineno or 0, "<module>", (error.text or "").rstrip()))
    return (kind, message, tuple(frames))


def safe_repr(value, _type=type, _str=str, _base=BaseException, _limit=200):
    """repr() of a value that is not plain data, for a failure message (the host calls it while
    a check runs, under its time limit): the object's own __repr__, cut short; None when it
    fails or answers something other than a str."""
    try:
        text = _type(value).__repr__(value)
    except _base:
        return None
    if _type(text) is not _str:
        return None
    return text if text.__len__() <= _limit else text[:_limit] + "..."


def _source_line(filename, lineno):
    """The stripped source line of a submission's file, or empty."""
    lines = _state.lines.get(filename) if _state.lines is not None else None
    if lines is None or not 1 <= lineno <= len(lines):
        return ""
    return lines[lineno - 1].strip()


def prepare(relay, thread_relay, allow_tracing, allow_threads, allow_files, asyncio_source, cprofile_source=None):
    """Once per context, before any candidate code: hardens the interpreter for the
    context's capabilities. APIs whose effect cannot be verified afterwards (codec and
    audit-hook registries, signal handlers, atexit) are routed through relay(name, call), a
    host function that marks the context as not reusable and calls call(original); thread
    starts go through thread_relay(name, function, args), a host function that starts and
    counts the thread. The originals are answered to the host and kept only there.
    With asyncio_source, asyncio runs on the virtual-time loop it defines; with cprofile_source,
    `cProfile` is the profiler it defines (GraalPy's own cannot feed pstats)."""
    if cprofile_source is not None:
        cprofile = _seeded_module("cProfile", "<pygrade cProfile>")
        _exec(_compile(cprofile_source, "<pygrade cProfile>", "exec"), cprofile.__dict__)
        sys.modules["cProfile"] = cprofile
    if asyncio_source is not None:
        virtual_loop = _ModuleType("_pygrade_asyncio")
        _exec(_compile(asyncio_source, "<pygrade asyncio>", "exec"), virtual_loop.__dict__)
        virtual_loop.install()
    _harden(allow_tracing, allow_threads, allow_files)
    return _guard_unverifiable(relay, thread_relay, allow_threads)


def setup(sink, tests_log, api_source, unittest_source, checks_source, module_name, *files):
    """Loads the checks API and the hidden checks of one grading; answers the checks as
    ((name, description, weight), ...). files: the submission's, as module path ("pkg/mod.py"),
    display name, source, module path, ... (plain strings: no JSON parser to import).
    Checks that are unittest tests report to tests_log, through the runner unittest_source."""
    _adopt_main_thread()
    _state.context = _contextvars.Context()
    events = sys.modules.get("asyncio.events")
    if events is not None:
        # asyncio's running loop is thread-local state, and a context's gradings share a thread
        events._set_running_loop(None)
    api = _seeded_module("pygrade", API_FILE)
    _exec(_compile(api_source, API_FILE, "exec"), api.__dict__)
    api._sink = sink
    _state.api = api
    checks = _seeded_module("pygrade_hidden_checks", HIDDEN_CHECKS_FILE)
    # sys is hardened before any checks load; checks that must walk frames (the unittest
    # adapter) get the unfiltered _getframe here, where only grader code can see it
    checks._pygrade_getframe = _getframe
    sys.modules["pygrade"] = api
    try:
        _exec(_compile(checks_source, HIDDEN_CHECKS_FILE, "exec"), checks.__dict__)
    finally:
        del sys.modules["pygrade"]
    specs = tuple(api._registry)
    api._registry.clear()
    _state.files = {_str(files[i]): (_str(files[i + 1]), _str(files[i + 2])) for i in range(0, len(files), 3)}
    _state.candidate_files = frozenset(entry[0] for entry in _state.files.values())
    _state.unittest = None
    _state.unittest_pending = None
    if not specs:
        checks, specs = _unittest_checks(checks, _str(checks_source), tests_log, _str(unittest_source))
    _state.checks_module = checks
    _state.checks = specs
    _state.module_name = module_name
    _state.lines = {display: source.splitlines(True) for display, source in _state.files.values()}
    # Tracebacks that candidate code or the checks format read source lines from linecache
    # when it is loaded (a warm context); otherwise the finder's get_source serves it later.
    linecache = sys.modules.get("linecache")
    if linecache is not None:
        for display, lines in _state.lines.items():
            linecache.cache[display] = (sum(map(len, lines)), None, lines, display)
    return tuple((name, description, float(weight)) for name, description, weight, _ in specs)


def _adopt_main_thread():
    """Registers the grading's thread as threading's main thread. Every grading of a context
    runs on the context's one thread, which is threading's main thread; should a grading ever
    run elsewhere, threading would call its thread 'Dummy-1' (the pool restores threading._active)."""
    threading = sys.modules.get("threading")
    if threading is not None:
        main = threading.__dict__.get("_main_thread")
        active = threading.__dict__.get("_active")
        if main is not None and _type(active) is dict:
            active[_get_ident()] = main


def finish():
    """Ends a grading in a context that may be reused: drops everything the grading held
    (the pool then removes the modules it imported and verifies the rest)."""
    _restore_stdio()
    meta_path = sys.meta_path
    for index in range(len(meta_path) - 1, -1, -1):
        if meta_path[index] is _finder:
            del meta_path[index]
    _candidate.clear()
    _state.api = None
    _state.checks_module = None
    _state.checks = ()
    _state.files = None
    _state.lines = None
    _state.module_name = None
    _state.candidate_files = frozenset()
    _state.unittest = None
    _state.unittest_pending = None


# (module, attribute) pairs whose effect lives outside anything Python can read back.
_UNVERIFIABLE = (
    ("_codecs", "register"), ("_codecs", "unregister"), ("_codecs", "register_error"),
    ("sys", "addaudithook"), ("signal", "signal"), ("atexit", "register"), ("atexit", "unregister"),
)


def _guard_unverifiable(relay, thread_relay, allow_threads):
    """Replaces each unverifiable API and thread start, wherever a loaded module holds it, by a
    function that goes through a relay; answers {name: original} for the host, which alone
    keeps them."""
    originals = {}
    replacements = []  # (original, guarded)
    targets = list(_UNVERIFIABLE)
    if allow_threads:
        targets += [("_thread", "start_new_thread"), ("_thread", "start_new")]
    for module_name, attribute in targets:
        module = sys.modules.get(module_name)
        if module is None or not hasattr(module, attribute):
            continue
        original = getattr(module, attribute)
        if any(original is known for known, _ in replacements):
            continue  # an alias of an API already guarded
        name = module_name + "." + attribute
        if module_name == "_thread":
            guarded = _counted_thread_start(thread_relay, name)
        else:
            guarded = _relayed(relay, name)
        replacements.append((original, guarded))
        originals[name] = original
    # One pass over every loaded module's namespace (not one per API: a warm context holds
    # thousands of names), replacing each reference to an original by its guard.
    kinds = frozenset(type(original) for original, _ in replacements)
    for owner in list(sys.modules.values()):
        namespace = getattr(owner, "__dict__", None)
        if type(namespace) is dict:
            for key, value in list(namespace.items()):
                if type(value) in kinds:
                    for original, guarded in replacements:
                        if value is original:
                            namespace[key] = guarded
                            break
    return originals


def _relayed(relay, name):
    def guarded(*args, **kwargs):
        return relay(name, lambda original: original(*args, **kwargs))
    guarded.__name__ = name.rpartition(".")[2]
    return guarded


def _unittest_checks(checks, checks_source, tests_log, runner_source):
    """Checks made of unittest tests, one check of weight 1 per test, run by _pygrade_unittest.py:
    the tests of an exercise's checks.py that has no @check (run again here, with the runner's
    compilation), or those of an existing unittest file (grade --checks: the adapter names it in
    _pygrade_unittest_file, and it runs once the answer is imported). Answers (checks module,
    specs)."""
    runner = _seeded_module("_pygrade_unittest", UNITTEST_FILE)
    _exec(_compile(runner_source, UNITTEST_FILE, "exec"), runner.__dict__)
    spec = checks.__dict__.get("_pygrade_unittest_file")
    if spec is not None:
        test_file, source = _str(spec[0]), _str(spec[1])
        runner.bind(tests_log, _candidate_frames, _is_candidate_file, test_file, source.splitlines(), False)
        tests = runner.plan(source, test_file)
        _state.unittest_pending = (source, test_file)
    else:
        runner.bind(tests_log, _candidate_frames, _is_candidate_file, HIDDEN_CHECKS_FILE, (), True)
        checks = runner.load(checks_source, _seeded_module("pygrade_hidden_checks", HIDDEN_CHECKS_FILE))
        tests = runner.plan_of(checks)
    runner.value_types()
    _state.unittest = runner
    specs = []
    for class_name, method, doc in tests:
        # without a docstring, the method's name read as words: test_year_2015 -> "year 2015"
        words = method[len("test"):].replace("_", " ").strip() or method
        specs.append((class_name + "." + method, doc or words, 1, runner.test(class_name, method)))
    return checks, tuple(specs)


def _candidate_frames(error):
    return _describe_exception(error)[2]


def _is_candidate_file(filename):
    return filename in _state.candidate_files


def _load_pending_tests():
    """Runs the unittest file of grade --checks, now that the answer is imported (its top level
    imports the answer). Answers None, or what it raised as (type, message, frames)."""
    source, test_file = _state.unittest_pending
    name = test_file[:-3] if test_file.endswith(".py") else test_file
    try:
        _state.unittest.load(source, _seeded_module(name.replace("/", "."), test_file))
    except _BaseException as error:
        kind, message, frames = _describe_exception(error)
        located = []
        tb = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == test_file:
                located.append((test_file, tb.tb_lineno, tb.tb_frame.f_code.co_name,
                                _line_of(source, tb.tb_lineno)))
            tb = tb.tb_next
        if isinstance(error, _SyntaxError) and error.filename == test_file:
            located.append((test_file, error.lineno or 0, "<module>", (error.text or "").strip()))
        return (kind, message, tuple(located[-1:]) + frames)
    return None


def _line_of(source, lineno):
    lines = source.splitlines()
    return lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""


def _filtered_getframe(depth=0, _getframe=_getframe, _hidden=_HIDDEN_FILES):
    """sys._getframe for candidate code: it never hands out a frame of the grader."""
    frame = _getframe(depth + 1)
    probe = _getframe(1)
    for _ in range(depth + 1):
        if probe is None or probe.f_code.co_filename in _hidden:
            raise ValueError("call stack is not deep enough")
        probe = probe.f_back
    if frame.f_code.co_filename in _hidden:
        raise ValueError("call stack is not deep enough")
    return frame


def _no_current_frames():
    return {}


def _tracing_refused(*args, **kwargs):
    raise RuntimeError("tracing and profiling hooks are disabled in the pygrade sandbox")


def _exit_refused(status=0):
    raise SystemExit(status)


def _harden(allow_tracing, allow_threads, allow_files):
    """Closes what candidate code could use to reach the grader or end the run. os and threading
    copy what they need from posix and _thread when they are imported, so only those two are
    imported here (builtins, free); os and threading themselves are patched when already loaded
    (a warm context), which spares a cold grading some 0.7 s of importing them."""
    import posix
    import _thread
    os = sys.modules.get("os")
    threading = sys.modules.get("threading")
    sys.setrecursionlimit = _capped_recursion_limit
    sys.getsizeof = _estimated_getsizeof
    gc.collect = _settled_collect
    if not allow_files:
        # Without a file system GraalPy answers getcwd with a host error that ends the context
        # (os.path.abspath calls it): a Python error the candidate can read instead.
        for owner in (posix, os):
            if owner is not None:
                owner.getcwd = _no_file_system
                owner.getcwdb = _no_file_system
    if not allow_threads:
        # GraalPy answers a thread start in a context without threads with a host error that
        # ends the context; candidates get a Python exception they can read instead.
        for owner, name in ((_thread, "start_new_thread"), (_thread, "start_new"),
                            (_thread, "start_joinable_thread"), (threading, "_start_new_thread"),
                            (threading, "_start_joinable_thread")):
            if owner is not None and hasattr(owner, name):
                setattr(owner, name, _threads_refused)
    sys._getframe = _filtered_getframe
    sys._current_frames = _no_current_frames
    if not allow_tracing:
        sys.settrace = _tracing_refused
        sys.setprofile = _tracing_refused
        if allow_threads:
            # threading.settrace hands a hook to every thread it starts: refused. Where threads
            # are refused it can hand none, so threading is left as a fresh context would first
            # import it (the same in both isolation modes; a pooled context's baseline still sees
            # a hook left in threading).
            if threading is None:
                import threading
            threading.settrace = _tracing_refused
            threading.setprofile = _tracing_refused
            if hasattr(threading, "settrace_all_threads"):
                threading.settrace_all_threads = _tracing_refused
                threading.setprofile_all_threads = _tracing_refused
    for owner in (posix, os):
        if owner is not None:
            owner._exit = _exit_refused


class _CollectProbe:
    __slots__ = ("__weakref__",)


def _settled_collect(generation=2, _collect=gc.collect, _ref=_weakref.ref, _sleep=_time.sleep,
                     _monotonic=_time.monotonic, _probe=_CollectProbe):
    """gc.collect as CPython's: when it returns, the weak-reference callbacks of what it freed
    have run (a WeakSet or WeakValueDictionary has dropped its dead entries). GraalPy hands them
    to a queue that a thread drains in batches at most 25 ms apart, late on a loaded machine;
    this waits, at most a second, until the callback of a probe freed by the same collection has
    run, then for one more batch (the probe's may come before the others')."""
    ran = []
    probe = _probe()
    marker = _ref(probe, ran.append)
    del probe
    result = _collect(generation)
    deadline = _monotonic() + 1.0
    while not ran and _monotonic() < deadline:
        _sleep(0.001)
    _sleep(0.03)
    del marker
    return result


def _counted_thread_start(thread_relay, name):
    """A thread start that goes through the host's thread relay, which starts it with the
    original (kept only in Java) and counts it alive until its function ends: a context whose
    threads have all ended can be reused, one with a thread still running cannot. The relay
    also caps the threads alive at once (a thread bomb gets a RuntimeError); the grading's time
    limit and the context's close stop the threads that did start."""

    def start_new_thread(function, args, kwargs=None):
        if kwargs is not None and not isinstance(kwargs, dict):
            raise TypeError("optional 3rd arg must be a dictionary")
        if kwargs:
            def run(*run_args, _function=function, _kwargs=dict(kwargs)):
                return _function(*run_args, **_kwargs)
        else:
            run = function
        ident = thread_relay(name, run, args)
        if isinstance(ident, str):  # the relay's refusal: it holds the cap, and words it
            # CPython frees an executor nobody references at once, and its idle threads end;
            # GraalPy frees it at a collection: collect, and let such threads end, before refusing
            _settled_collect()
            deadline = _time.monotonic() + 0.5
            while isinstance(ident, str) and _time.monotonic() < deadline:
                _time.sleep(0.01)
                ident = thread_relay(name, run, args)
            if isinstance(ident, str):
                raise RuntimeError(ident)
        return ident

    start_new_thread.__name__ = name.rpartition(".")[2]
    return start_new_thread


MAX_RECURSION_LIMIT = 10000

# CPython's sizes (64-bit) by exact type: (base bytes, bytes per item, how to count items).
_SIZES = {
    type(None): (16, 0, None), float: (24, 0, None), complex: (32, 0, None), bytes: (33, 1, len),
    bytearray: (57, 1, len), tuple: (40, 8, len), list: (56, 8, len), range: (48, 0, None),
}


def _estimated_getsizeof(value, default=None, _type=type, _len=len, _sizes=_SIZES):
    """sys.getsizeof as an estimate of CPython's answer (GraalPy cannot measure one object: its
    own getsizeof ends the interpreter). Containers count their item pointers and tables, not the
    items, as CPython's does; an instance counts its slots, its __dict__ is an object of its own."""
    kind = _type(value)
    if kind is bool or kind is int:
        return 24 + 4 * max(1, ((value if value > 0 else -value).bit_length() + 29) // 30)
    if kind is str:
        widest = max(map(ord, value), default=0)
        if widest < 128:
            return 49 + _len(value)
        return 73 + _len(value) if widest < 256 else 74 + 2 * _len(value) if widest < 65536 \
            else 76 + 4 * _len(value)
    if kind is dict:
        if not value:
            return 64
        table = 8
        while table * 2 // 3 < _len(value):
            table *= 2
        return 96 + table * (1 if table <= 128 else 2 if table <= 32768 else 4) + (table * 2 // 3) * 24
    if kind is set or kind is frozenset:
        table = 8
        for used in range(1, _len(value) + 1):
            if used * 5 >= (table - 1) * 3:
                wanted = used * 4 if used <= 50000 else used * 2
                while table <= wanted:
                    table *= 2
        return 216 if table == 8 else 216 + 16 * table
    entry = _sizes.get(kind)
    if entry is not None:
        base, per_item, count = entry
        return base + per_item * (count(value) if count is not None else 0)
    if kind.__name__ in ("generator", "coroutine", "async_generator"):
        return 200
    slots = 0
    for klass in kind.__mro__:
        names = klass.__dict__.get("__slots__", ())
        slots += 1 if _type(names) is str else _len(names)
    return 32 + 8 * slots + (24 if "__dict__" in dir(kind) else 0)


def _capped_recursion_limit(limit, _set=sys.setrecursionlimit):
    """sys.setrecursionlimit, at most MAX_RECURSION_LIMIT: deeper recursion takes GraalPy's
    interpreter seconds per overflow before the RecursionError, eating the grading's time."""
    _set(limit if limit <= MAX_RECURSION_LIMIT else MAX_RECURSION_LIMIT)


def _no_file_system(*args, **kwargs):
    raise PermissionError(1, "this exercise has no file system: there is no working directory")


def _threads_refused(*args, **kwargs):
    raise RuntimeError("this exercise does not allow threads: solve it without starting any")


class _SubmissionFinder:
    """Imports the submission's files (one file, or a folder of modules and packages): a meta
    path finder and loader by protocol (importlib.abc's base classes cost a cold start 0.3 s)."""

    def _file(self, fullname):
        """(module path, (display name, source)) of a submission's module or package, or None."""
        files = _state.files or {}
        base = fullname.replace(".", "/")
        for key in (base + "/__init__.py", base + ".py"):
            if key in files:
                return key, files[key]
        return None

    def find_spec(self, fullname, path=None, target=None):
        found = self._file(fullname)
        if found is None:
            return None
        key, (display, _) = found
        package = key.endswith("/__init__.py")
        spec = _ModuleSpec(fullname, self, is_package=package)
        if package:
            spec.submodule_search_locations = [key[:-len("/__init__.py")]]
        spec.origin = display
        return spec

    def create_module(self, spec):
        return None

    def get_source(self, fullname):
        """linecache's lazy source of a submission's module (formatted tracebacks show its lines)."""
        found = self._file(fullname)
        return found[1][1] if found is not None else None

    def exec_module(self, module):
        _, (display, source) = self._file(module.__name__)
        module.__file__ = display
        _exec(_compile(source, display, "exec"), module.__dict__)


_finder = _SubmissionFinder()


def import_candidate():
    """Imports the submission. Answers ("ok",) or ("syntax", file, line, column,
    text, message) or ("raised", (type, message, frames)). Like every check, it runs in the
    grading's own contextvars context: a context's gradings all run on its one thread, and a
    context variable one of them set (decimal's context, say) must not reach the next."""
    return _state.context.run(_import_candidate)


def _import_candidate():
    sys.meta_path.insert(0, _finder)
    try:
        _candidate["module"] = _import_module(_state.module_name)
        if _state.unittest_pending is not None:
            problem = _load_pending_tests()
            return ("ok", True) if problem is None else ("tests", problem)
        return ("ok",)
    except _SyntaxError as error:
        if error.filename in _state.candidate_files:
            return ("syntax", error.filename, error.lineno or 0, error.offset or 0,
                    (error.text or "").rstrip("\n"), error.msg or "invalid syntax")
        return ("raised", _describe_exception(error))
    except _BaseException as error:
        return ("raised", _describe_exception(error))
    finally:
        _restore_stdio()


def _restore_stdio():
    try:
        _stdout.flush()
        _stderr.flush()
    except _BaseException:
        pass
    sys.stdout, sys.stderr, sys.stdin = _stdout, _stderr, _stdin


def run_check(index):
    """Runs check number index. Answers ("returned",) or ("failed", message)
    or ("raised", (type, message, frames))."""
    return _state.context.run(_run_check, index)


def _run_check(index):
    _restore_stdio()
    function = _state.checks[index][3]
    try:
        function(_candidate.get("module"))
        return ("returned",)
    except _state.api.CheckFailed as failure:
        return ("failed", _str(failure))
    except _BaseException as error:
        return ("raised", _describe_exception(error))
    finally:
        _restore_stdio()


def _functions_of(namespace):
    """The Python functions of namespace, and those of the classes it holds. Types with the
    immutable flag are skipped: nothing can be added to them, and GraalPy's hold no Python
    function (none in the 237 that the warm standard library reaches; HarnessIntegrityTest
    proves it for every loaded module). Reading their namespaces (str, type, BaseException...)
    cost some 14 ms of every grading, in a warm context too, for no function at all."""
    found = []
    for value in list(namespace.values()):
        if isinstance(value, types.FunctionType):
            found.append(value)
        elif isinstance(value, _type) and _mutable_type(value):
            for member in list(value.__dict__.values()):
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if isinstance(member, types.FunctionType):
                    found.append(member)
    return found


def make_verifier():
    """Snapshots everything the checks rely on; answers verify(), which tells
    what changed since (a message) or None."""
    api = _state.api
    checks = _state.checks_module
    harness = globals()
    containers = [("builtins", builtins.__dict__), ("pygrade", api.__dict__), ("checks", checks.__dict__),
                  ("harness", harness), ("harness state", _state.__dict__)]
    # Modules the checks imported, and classes they (or the grader) name directly:
    # a candidate must not be able to swap threading.Barrier under a check. Each class once
    # (the three namespaces share the builtins' classes), and only those whose attributes
    # can be set at all: str, int and the other immutable types cannot be changed, and they
    # were most of the entries verified at every expectation.
    classes = []
    for namespace in (api.__dict__, checks.__dict__, harness):
        for value in list(namespace.values()):
            if isinstance(value, _type) and _mutable_type(value) and not any(value is seen for seen in classes):
                classes.append(value)
                containers.append(("class " + value.__qualname__, value.__dict__))
    for value in list(checks.__dict__.values()):
        if isinstance(value, _ModuleType) and value is not builtins:
            containers.append(("module " + value.__name__, value.__dict__, value.__name__ + "."))
    functions = _functions_of(api.__dict__) + _functions_of(checks.__dict__) + _functions_of(harness)
    functions += [spec[3] for spec in _state.checks]
    loose = ()
    if _state.unittest is not None:
        more_containers, more_functions, loose = _unittest_snapshot(_state.unittest)
        containers += more_containers
        functions += more_functions

    def cells(function):
        contents = []
        for cell in function.__closure__ or ():
            try:
                contents.append(cell.cell_contents)
            except ValueError:
                contents.append(_EMPTY)
        return tuple(contents)

    # A module gains names legitimately when one of its submodules is imported
    # (import logging.handlers adds logging.handlers): such a name may appear, nothing else.
    container_snapshot = tuple((entry[0], entry[1], len(entry[1]), tuple(entry[1].items()),
                                entry[2] if len(entry) > 2 else None, frozenset(entry[1]))
                               for entry in containers)
    function_snapshot = tuple((f, f.__code__, f.__defaults__, dict(f.__kwdefaults__ or {}) if f.__kwdefaults__ is not None else None, f.__closure__, cells(f))
                              for f in functions)
    sys_snapshot = (sys.meta_path, _finder, sys.gettrace, sys.getprofile)

    def verify(_containers=container_snapshot, _functions=function_snapshot, _sys_state=sys_snapshot,
               _loose=loose, _missing=_EMPTY, _empty=_EMPTY, _no_items={}, _ValueError=ValueError,
               _Module=_ModuleType, _type=type, _str=str, _protected=_protected_value):
        for label, ns, size, items, submodule_prefix, names in _containers:
            if ns.__len__() != size:
                if submodule_prefix is None:
                    return label + " gained or lost names"
                for key in tuple(ns):
                    if key not in names:
                        value = ns.get(key, _missing)
                        if _type(value) is not _Module or _type(key) is not _str \
                                or value.__name__ != submodule_prefix + key:
                            return label + " gained a name that is not one of its submodules: " + _str(key)
            for key, value in items:
                if ns.get(key, _missing) is not value:
                    return label + "." + key + " was replaced"
        for function, code, defaults, kwdefaults, closure, contents in _functions:
            if function.__code__ is not code:
                return "function " + function.__name__ + " was rewritten"
            # GraalPy answers a new tuple (and dict) on each read: compare their items
            now = function.__defaults__
            if (now is None) is not (defaults is None) or (now is not None and now.__len__() != defaults.__len__()):
                return "function " + function.__name__ + " had its defaults rewritten"
            index = 0
            for item in now or ():
                if item is not defaults[index]:
                    return "function " + function.__name__ + " had its defaults rewritten"
                index += 1
            now = function.__kwdefaults__
            if (now is None) is not (kwdefaults is None) or (now is not None and now.__len__() != kwdefaults.__len__()):
                return "function " + function.__name__ + " had its keyword defaults rewritten"
            for key, item in (now or _no_items).items():
                if kwdefaults.get(key, _missing) is not item:
                    return "function " + function.__name__ + " had its keyword defaults rewritten"
            # __closure__ itself cannot be assigned, but GraalPy answers a new tuple on each read
            # (seen for methods whose zero-argument super() needs a __class__ cell): compare
            # what the cells hold, by identity
            closure = function.__closure__
            if (closure.__len__() if closure is not None else 0) != contents.__len__():
                return "function " + function.__name__ + " had its closure rewritten"
            index = 0
            for cell in closure or ():
                try:
                    now = cell.cell_contents
                except _ValueError:
                    now = _empty
                if now is not contents[index]:
                    return "function " + function.__name__ + " had its closure rewritten"
                index += 1
        for label, ns, items, names in _loose:
            for key, value in items:
                if ns.get(key, _missing) is not value:
                    return label + "." + _str(key) + " was replaced"
            for key, value in tuple(ns.items()):
                if key not in names and _protected(key, value):
                    return label + " gained " + _str(key)
        meta_path, finder, gettrace, getprofile = _sys_state
        if gettrace() is not None or getprofile() is not None:
            return "a trace or profile hook was left installed"
        return None

    return verify


# What a test file's namespaces may not gain or change (their data may change: a setUpClass sets
# class attributes): code, classes and descriptors, and the names unittest reads as decorations.
_UNITTEST_NAMES = frozenset(("__unittest_skip__", "__unittest_skip_why__", "__unittest_expecting_failure__"))


def _protected_value(key, value, _callable=callable, _isinstance=isinstance,
                     _descriptors=(staticmethod, classmethod, property), _names=_UNITTEST_NAMES):
    return key in _names or _callable(value) or _isinstance(value, _descriptors)


def _unittest_snapshot(runner):
    """What unittest checks rely on besides the checks module: the runner, unittest's own modules
    and classes, the standard library's value types it compares with their own ==, and the test
    file once loaded (its code and classes; the data they hold may change). Answers (containers,
    functions, loose entries)."""
    containers = [("unittest runner", runner.__dict__)]
    if "module" in runner._loaded:
        # the test file is loaded (an exercise's: at setup; grade --checks: with the answer)
        containers.append(("unittest loaded", runner._loaded))
    functions = _functions_of(runner.__dict__)
    seen = []
    for name in ("unittest", "unittest.case", "unittest.util", "unittest.result", "unittest.suite",
                 "unittest.loader", "unittest.async_case"):
        module = sys.modules.get(name)
        if module is not None:
            containers.append(("module " + name, module.__dict__, name + "."))
            functions += _functions_of(module.__dict__)
            for value in list(module.__dict__.values()):
                if isinstance(value, _type) and _mutable_type(value) and not any(value is c for c in seen):
                    seen.append(value)
                    containers.append(("class " + name + "." + value.__qualname__, value.__dict__))
    for cls in tuple(runner._values) + tuple(runner._dicts):
        if _mutable_type(cls) and not any(cls is c for c in seen):
            seen.append(cls)
            containers.append(("class " + cls.__module__ + "." + cls.__qualname__, cls.__dict__))
            functions += _functions_of({"": cls})
    loose = []
    module = runner._loaded.get("module")
    if module is not None:
        namespace = module.__dict__
        owned = [value for value in list(namespace.values())
                 if (isinstance(value, types.FunctionType) and value.__globals__ is namespace)
                 or (isinstance(value, _type) and value.__dict__.get("__module__") == module.__name__)]
        functions += _functions_of({str(index): value for index, value in enumerate(owned)})
        for label, ns in [("test module", namespace)] + [("test class " + cls.__qualname__, cls.__dict__)
                                                        for cls in owned if isinstance(cls, _type)]:
            items = tuple((key, value) for key, value in ns.items() if _protected_value(key, value))
            loose.append((label, ns, items, frozenset(key for key, _ in items)))
    return containers, functions, tuple(loose)


_IMMUTABLE_TYPE_FLAG = 1 << 8  # Py_TPFLAGS_IMMUTABLETYPE


def _mutable_type(cls, _flags=type.__dict__["__flags__"].__get__):
    """Whether attributes of cls can be set, deleted or rebound (GraalPy raises TypeError for
    every type with the immutable flag, as CPython does; HarnessIntegrityTest proves both
    sides). Read through type's own descriptor: a metaclass cannot answer for it."""
    return not (_flags(cls) & _IMMUTABLE_TYPE_FLAG)


class _Empty:
    __slots__ = ()


_EMPTY = _Empty()
