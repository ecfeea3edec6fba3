"""cProfile for the pygrade sandbox, where GraalPy's own cannot feed pstats.

Installed as `cProfile` in contexts that allow tracing. It keeps cProfile's interface (Profile
with enable/disable, runcall, runctx, run, create_stats, print_stats, dump_stats, use as a
context manager; the module's run and runctx) and what pstats reads: after create_stats(),
`stats` maps (filename, first line, function name) to (primitive calls, total calls, own time,
cumulative time, {caller: calls}); built-in functions are ('~', 0, "<built-in method
module.name>") or ('~', 0, "<method 'name' of 'type' objects>"), as cProfile names them. It is
a profile hook written in Python (sys.setprofile), so it is slower than CPython's C profiler.
"""

import marshal as _marshal
import sys as _sys
import time as _time

__all__ = ["run", "runctx", "Profile"]


def _label(function):
    """cProfile's name for a built-in function or method."""
    owner = getattr(function, "__self__", None)
    name = getattr(function, "__name__", repr(function))
    if owner is None or type(owner).__name__ == "module":
        module = getattr(function, "__module__", None) or getattr(owner, "__name__", None)
        return "<built-in method %s.%s>" % (module, name) if module else "<built-in method %s>" % name
    return "<method '%s' of '%s' objects>" % (name, type(owner).__name__)


_DISABLE_KEY = ("~", 0, "<method 'disable' of '_lsprof.Profiler' objects>")


class Profile:
    """Profile(timer=None, timeunit=0.0, subcalls=True, builtins=True)"""

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        self._timer = timer or _time.perf_counter
        self._builtins = builtins
        self._data = {}    # key -> [primitive calls, calls, own time, cumulative time, {caller: calls}]
        self._stack = []   # [key, frame, start, time of sub-calls, built-in?, nested in itself?]
        self._active = {}  # key -> how many of its calls are on the stack
        self.stats = {}

    def enable(self, subcalls=True, builtins=True):
        self._builtins = builtins
        _sys.setprofile(self._event)

    def disable(self):
        _sys.setprofile(None)
        now = self._timer()
        while self._stack:
            self._pop(now)

    def _event(self, frame, event, arg):
        now = self._timer()
        if event == "call":
            code = frame.f_code
            if code is Profile.disable.__code__:
                self._push(_DISABLE_KEY, frame, now, True)
            else:
                self._push((code.co_filename, code.co_firstlineno, code.co_name), frame, now, False)
        elif event == "return":
            # a frame entered before enable() returns without an entry of its own
            if self._stack and self._stack[-1][1] is frame and not self._stack[-1][4]:
                self._pop(now)
        elif event == "c_call":
            if self._builtins and not (self._stack and self._stack[-1][0] is _DISABLE_KEY):
                self._push(("~", 0, _label(arg)), frame, now, True)
        elif self._stack and self._stack[-1][4] and self._stack[-1][1] is frame:  # c_return, c_exception
            self._pop(now)

    def _push(self, key, frame, now, builtin):
        entry = self._data.get(key)
        if entry is None:
            entry = self._data[key] = [0, 0, 0.0, 0.0, {}]
        nested = self._active.get(key, 0) > 0
        entry[1] += 1
        if not nested:
            entry[0] += 1
        if self._stack:
            caller = self._stack[-1][0]
            entry[4][caller] = entry[4].get(caller, 0) + 1
        self._active[key] = self._active.get(key, 0) + 1
        self._stack.append([key, frame, now, 0.0, builtin, nested])

    def _pop(self, now):
        key, _, start, inner, _, nested = self._stack.pop()
        self._active[key] -= 1
        elapsed = now - start
        entry = self._data[key]
        entry[2] += elapsed - inner
        if not nested:
            entry[3] += elapsed
        if self._stack:
            self._stack[-1][3] += elapsed

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = {key: (cc, nc, tt, ct, dict(callers)) for key, (cc, nc, tt, ct, callers) in self._data.items()}

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        with open(file, "wb") as out:
            self.create_stats()
            _marshal.dump(self.stats, out)

    def getstats(self):
        raise NotImplementedError("getstats() is not available in the pygrade sandbox: use pstats.Stats(profile)")

    def run(self, cmd):
        import __main__
        return self.runctx(cmd, __main__.__dict__, __main__.__dict__)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def run(statement, filename=None, sort=-1):
    import __main__
    return runctx(statement, __main__.__dict__, __main__.__dict__, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    profiler = Profile()
    try:
        profiler.runctx(statement, globals, locals)
    finally:
        if filename is not None:
            profiler.dump_stats(filename)
        else:
            profiler.print_stats(sort)
