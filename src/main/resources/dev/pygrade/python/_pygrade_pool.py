"""What lets a warm context be reused: a baseline of the interpreter's shared state,
and a proof, after each grading, that nothing a submission did survives it.

Loaded (like the harness) into a module that is not in sys.modules, once per context,
after the harness has been prepared and the usual standard library imported, before
any candidate code runs. baseline() answers two functions:

  forget()  removes what a grading legitimately added (its modules, caches it filled);
  verify()  answers None when the context is as the baseline recorded it, else what
            changed.

verify() reads only its own default arguments, never a global, and the host checks
its code and defaults by identity before each call (as for the harness's verifier).
The comparison is by identity (`is`), never by `==`, which candidate objects can forge.
It is wide rather than clever: every loaded module's namespace, every class and function
reachable from one, every mutable container reachable within two steps, and the
interpreter's settings. What it cannot see is guarded elsewhere: calling an API whose
registry lives in Java taints the context, which is then discarded, and threads are counted
in Java (ThreadRelay), so that verification runs only once a grading's threads have ended.
"""

import _thread
import atexit
import codecs
import collections
import gc
import itertools
import operator
import random
import sys
import time
import types
import weakref

# Caches that the standard library fills as it is used: emptied back to their baseline
# after each grading instead of verified. Each holds only derived data (compiled patterns,
# source lines, import finders, ABC subclass answers) that is recomputed on demand.
_CACHES = (
    ("re", "_cache"),
    ("re", "_cache2"),
    ("linecache", "cache"),
    ("sys", "path_importer_cache"),
    ("importlib._bootstrap", "_module_locks"),
    ("importlib._bootstrap", "_blocking_on"),
    ("encodings", "_cache"),
    ("threading", "_dangling"),
    ("inspect", "_filesbymodname"),
    ("inspect", "modulesbyfile"),
    ("inspect", "_shadowed_dict_cache"),
    ("typing", "_cleanups"),
    ("functools", "_dispatch_cache"),
    ("asyncio.coroutines", "_iscoroutine_typecache"),
    # Tasks a grading scheduled, until they are collected: asyncio.all_tasks() filters them by
    # loop, and every grading runs its own loop.
    ("_asyncio", "_scheduled_tasks"),
    ("asyncio.tasks", "_scheduled_tasks"),
    # Bookkeeping of threads. The pool reuses a context only once every thread its grading
    # started has ended (ThreadRelay's count, which candidate code cannot reach), so what is left
    # here belongs to dead threads: the threads that asked threading.current_thread() (a
    # grading's session thread, logging does), registered as dummy threads and never removed;
    # the locks of non-daemon threads (removed only at the next start); executors' work queues
    # (removed only when the thread objects are collected).
    ("threading", "_active"),
    ("threading", "_shutdown_locks"),
    ("concurrent.futures.thread", "_threads_queues"),
    # Every logging handler is registered in these (for a fork, at exit, and by name) until it
    # is collected; a handler still attached to a logger of the baseline is caught there.
    ("logging", "_at_fork_reinit_lock_weakset"),
    ("logging", "_handlerList"),
    ("logging", "_handlers"),
    # Loggers by name: getLogger() registers each new name for good. A fresh context has only
    # the baseline's; those loggers themselves are verified (a new logger that adopted one of
    # them as its child changed that one's parent, which is caught).
    ("logging", "Logger.manager.loggerDict"),
)
# Per-class caches of ABCs (answers of isinstance/issubclass), cleared like the above.
_ABC_CACHES = ("_abc_cache", "_abc_negative_cache")
# Names that change whenever an ABC cache is invalidated; the registries they version are
# verified themselves.
_ABC_VERSIONS = ("_abc_negative_cache_version", "_abc_invalidation_counter")

# Thread-local objects show each thread its own attributes; every grading runs on a thread of
# its own, so what one grading stores there is never what the next one reads.
_PER_THREAD = (_thread._local,)

_CONTAINERS = (list, dict, set, bytearray, collections.deque, weakref.WeakSet,
               weakref.WeakKeyDictionary, weakref.WeakValueDictionary)
_OPAQUE = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.MethodType,
           types.CodeType, str, bytes, int, float, complex, bool, type(None), tuple, frozenset, range,
           property, staticmethod, classmethod, types.MethodDescriptorType, types.WrapperDescriptorType,
           types.GetSetDescriptorType, types.MemberDescriptorType, types.MappingProxyType)


def _fingerprint(container):
    """Identity fingerprint of a mutable container's contents (a tuple of ints or objects)."""
    if isinstance(container, (dict, weakref.WeakKeyDictionary, weakref.WeakValueDictionary)):
        return tuple(container.keys()) + tuple(container.values())
    if isinstance(container, (set, weakref.WeakSet)):
        return tuple(sorted(map(id, container)))
    if isinstance(container, bytearray):
        return (bytes(container),)
    return tuple(container)


# The counters that number default names: threads ('Thread-3', 'Dummy-2'), executors
# ('ThreadPoolExecutor-0_1') and asyncio tasks ('Task-5'). In a fresh context they start at the
# same number for every grading, so a pooled context resets them after each one.
_NAME_COUNTERS = (
    ("threading", "_counter"),
    ("concurrent.futures.thread", "ThreadPoolExecutor._counter"),
    ("asyncio.tasks", "_task_name_counter"),
)


class _NameCounter:
    """Stands in for itertools.count(start).__next__, and can start again. Its class is
    verified with the baseline's classes, and forget() resets it through a descriptor it took
    at the baseline, so changing the class or the object is caught, never run."""
    __slots__ = ("_count",)

    def __init__(self, start):
        self._count = itertools.count(start)

    def __call__(self):
        return next(self._count)


def _install_name_counters():
    """Replaces each counter that is an itertools.count's __next__ by a _NameCounter that goes
    on from the same number; answers ((counter, start), ...)."""
    installed = []
    for module_name, path in _NAME_COUNTERS:
        owner = sys.modules.get(module_name)
        *owners, name = path.split(".")
        for attribute in owners:
            owner = getattr(owner, attribute, None)
        source = getattr(getattr(owner, name, None), "__self__", None)
        if type(source) is not itertools.count:
            continue
        start = int(repr(source)[len("count("):-1])  # its next number, without taking it
        counter = _NameCounter(start)
        setattr(owner, name, counter)
        installed.append((counter, start))
    return tuple(installed)


def _settings():
    """The interpreter settings a submission can change, as (name, value) pairs. Nothing here
    imports a module: one the grading removes again would be imported at every verification."""
    values = []
    for label, getter in (("recursion limit", sys.getrecursionlimit), ("switch interval", sys.getswitchinterval),
                          ("trace hook", sys.gettrace), ("profile hook", sys.getprofile),
                          ("gc enabled", gc.isenabled), ("gc thresholds", getattr(gc, "get_threshold", None)),
                          ("threads alive", getattr(_thread, "_count", None)),
                          ("int digit limit", getattr(sys, "get_int_max_str_digits", None))):
        if getter is not None:
            try:
                values.append((label, getter()))
            except Exception:
                pass
    try:
        values.append(("atexit callbacks", atexit._ncallbacks()))
    except Exception:
        pass
    try:
        for name in ("strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace",
                     "surrogateescape", "surrogatepass"):
            values.append(("codec error handler " + name, codecs.lookup_error(name)))
    except Exception:
        pass
    return tuple(values)


def _cache_targets():
    targets = []
    for module_name, path in _CACHES:
        module = sys.modules.get(module_name)
        cache = module
        for attribute in path.split(".") if module is not None else ():
            cache = getattr(cache, "__dict__", {}).get(attribute)
        if cache is not None:
            if type(getattr(cache, "data", None)) is dict:
                cache = cache.data  # importlib's own _WeakValueDictionary keeps its entries there
            if isinstance(cache, (dict, list, set, weakref.WeakSet, weakref.WeakValueDictionary,
                                  weakref.WeakKeyDictionary)):
                targets.append((cache, _fingerprint_restorer(cache)))
    return targets


def _fingerprint_restorer(cache):
    """A function that puts cache back to its present contents."""
    if isinstance(cache, (dict, weakref.WeakValueDictionary, weakref.WeakKeyDictionary)):
        saved = tuple(cache.items())

        def restore(cache=cache, saved=saved):
            cache.clear()
            cache.update(saved)
    else:
        saved = tuple(cache)

        def restore(cache=cache, saved=saved):
            cache.clear()
            if isinstance(cache, list):
                cache.extend(saved)
            else:
                cache.update(saved)
    return restore


def baseline():
    """Records the context's state; answers (forget, verify)."""
    name_counters = _install_name_counters()
    modules = dict(sys.modules)
    module_entries = []
    classes = {}
    functions = {}
    instances = {}
    containers = {}
    caches = _cache_targets()
    cache_ids = {id(cache) for cache, _ in caches}

    def visit(value, depth):
        kind = type(value)
        if kind is types.FunctionType:
            functions.setdefault(id(value), value)
            return
        if isinstance(value, type):
            if id(value) not in classes:
                classes[id(value)] = value
                members = value.__dict__.get("_value2member_map_")
                if type(members) is dict and id(members) not in cache_ids:
                    # an enum's cache of members by value, where flags add their combinations on demand
                    caches.append((members, _fingerprint_restorer(members)))
                    cache_ids.add(id(members))
                for name, member in list(value.__dict__.items()):
                    if name in _ABC_CACHES or name in _ABC_VERSIONS:
                        continue
                    inner = member.__func__ if isinstance(member, (staticmethod, classmethod)) else member
                    if isinstance(inner, property):
                        for accessor in (inner.fget, inner.fset, inner.fdel):
                            if type(accessor) is types.FunctionType:
                                functions.setdefault(id(accessor), accessor)
                        continue
                    visit(inner, depth)
            return
        if depth <= 0 or isinstance(value, _OPAQUE) or id(value) in cache_ids or isinstance(value, _PER_THREAD):
            return
        if isinstance(value, _CONTAINERS):
            if id(value) not in containers:
                containers[id(value)] = value
                items = value.values() if isinstance(value, (dict, weakref.WeakValueDictionary,
                                                             weakref.WeakKeyDictionary)) else value
                if not isinstance(value, bytearray):
                    for item in list(items):
                        visit(item, depth - 1)
            return
        namespace = getattr(value, "__dict__", None)
        if type(namespace) is dict and id(value) not in instances:
            instances[id(value)] = value
            for item in list(namespace.values()):
                visit(item, depth - 1)

    for name, module in modules.items():
        if not isinstance(module, types.ModuleType):
            continue
        module_entries.append((name, module, type(module), module.__dict__, tuple(module.__dict__),
                               tuple(module.__dict__.items())))
        for value in list(module.__dict__.values()):
            visit(value, 3)
    visit(_NameCounter, 3)  # reachable from threading as type(threading._counter)

    # Types with the immutable flag (str, dict, the exceptions...) refuse every change: they are
    # left out of verify() (about a quarter of the classes of a warm context).
    # What they hold was visited above all the same, so their containers stay verified.
    class_list = tuple(cls for cls in classes.values() if not _type_flags(cls) & _IMMUTABLE_TYPE_FLAG)
    abc_classes = tuple(cls for cls in class_list if not _SKIPPED_CLASS_KEYS.isdisjoint(cls.__dict__))
    abc_caches = tuple((cls.__dict__[name], _fingerprint_restorer(cls.__dict__[name]))
                       for cls in abc_classes for name in _ABC_CACHES
                       if isinstance(cls.__dict__.get(name), weakref.WeakSet))
    # (class, metaclass, MRO, keys, items to compare, keys of those items or None when all)
    class_entries = tuple((cls, type(cls), cls.__mro__, tuple(cls.__dict__),
                           tuple((k, v) for k, v in cls.__dict__.items() if k not in _SKIPPED_CLASS_KEYS),
                           tuple(k for k in cls.__dict__ if k not in _SKIPPED_CLASS_KEYS)
                           if not _SKIPPED_CLASS_KEYS.isdisjoint(cls.__dict__) else None)
                          for cls in class_list)

    function_list = tuple(functions.values())
    function_entries = []
    for f in function_list:
        closure = f.__closure__
        try:
            contents = tuple(cell.cell_contents for cell in closure) if closure else ()
        except ValueError:
            contents = None  # an empty cell (a name not yet bound): checked by count only
        function_entries.append((f, f.__defaults__ or (), tuple((f.__kwdefaults__ or {}).items()),
                                 len(closure or ()), contents, tuple(f.__dict__), tuple(f.__dict__.items())))
    special_functions = tuple(entry for entry in function_entries
                              if entry[1] or entry[2] or entry[3] or entry[5])
    plain_functions = tuple(entry[0] for entry in function_entries
                            if not (entry[1] or entry[2] or entry[3] or entry[5]))

    instance_entries = tuple((obj, type(obj), obj.__dict__, tuple(obj.__dict__.items()))
                             for obj in instances.values())
    container_entries = tuple((obj, type(obj), _fingerprint(obj)) for obj in containers.values())
    module_entries = tuple(module_entries)
    module_names = frozenset(modules)

    def forget(_modules=sys.modules, _names=module_names, _caches=tuple(caches) + abc_caches,
               _reseed=random._inst.seed, _counters=name_counters, _set_count=_NameCounter._count.__set__,
               _count=itertools.count, _sleep=time.sleep):
        """Removes what the grading added to sys.modules (and its parents' attributes), puts the
        standard library's caches back to their baseline, reseeds the shared random
        generator from the system, as a fresh context would be (a seed a grading set does
        not carry over), and starts the counters of default names again. Then it waits a
        moment: GraalPy runs weak-reference callbacks a little after the collection that cleared
        their objects, and one the grading left pending must run now, before the verification
        that would see what it changed, not during it or during the next grading. (Once the
        grading's modules are gone, a weak reference they alone held is never queued.)"""
        _reseed()
        for name in [name for name in _modules if name not in _names]:
            module = _modules.pop(name, None)
            parent, _, child = name.rpartition(".")
            if parent and parent in _names:
                owner = _modules.get(parent)
                if owner is not None and owner.__dict__.get(child) is module:
                    del owner.__dict__[child]
        for _, restore in _caches:
            restore()
        for counter, start in _counters:
            _set_count(counter, _count(start))
        _sleep(0.03)  # GraalPy hands queued callbacks over in batches at most 25 ms apart

    def verify(_modules=sys.modules, _module_count=len(modules), _module_entries=module_entries,
               _classes=class_entries, _functions=function_list, _codes=tuple(f.__code__ for f in function_list),
               _special=special_functions, _plain=plain_functions, _instances=instance_entries,
               _containers=container_entries, _settings=_settings(), _read_settings=_settings,
               _fingerprint=_fingerprint, _same=_same, _is=operator.is_, _all=all, _map=map, _len=len,
               _type=type, _tuple=tuple, _skipped=_SKIPPED_CLASS_KEYS, _code=operator.attrgetter("__code__"),
               _bare=_bare_function, _undo_lazy=_undo_lazy, _same_items=_same_items):
        if _len(_modules) != _module_count:
            return "sys.modules gained or lost entries"
        for name, module, kind, namespace, keys, items in _module_entries:
            if _modules.get(name) is not module or _type(module) is not kind or module.__dict__ is not namespace:
                return "the module " + name + " was replaced"
            if not _same_items(namespace, items):
                return "the module " + name + " gained, lost or rebound a name" + _names(namespace, keys)
        for cls, kind, mro, keys, items, item_keys in _classes:
            namespace = cls.__dict__
            now = cls.__mro__
            if _type(cls) is not kind or _len(now) != _len(mro) or not _all(_map(_is, now, mro)):
                return "the class " + cls.__qualname__ + " changed its bases or metaclass"
            if item_keys is None and _same_items(namespace, items):
                continue
            if (_len(namespace) != _len(keys) or not _all(_map(_is, namespace, keys))) \
                    and not _undo_lazy(cls, keys, _LAZY_CLASS_KEYS):
                return "the class " + cls.__qualname__ + " gained or lost an attribute" + _names(namespace, keys)
            if item_keys is None:
                if not _same_items(namespace, items):
                    return "the class " + cls.__qualname__ + " had an attribute rebound"
            elif not _all(_map(_is, _map(namespace.__getitem__, item_keys), (value for _, value in items))):
                return "the class " + cls.__qualname__ + " had an attribute rebound"
        if not _all(_map(_is, _map(_code, _functions), _codes)):
            return "a function of the standard library had its code replaced"
        for function, defaults, kwdefaults, cells, contents, keys, items in _special:
            now = function.__defaults__ or ()
            if _len(now) != _len(defaults) or not _all(_map(_is, now, defaults)):
                return "the defaults of " + function.__qualname__ + " were replaced"
            now = function.__kwdefaults__ or {}
            if _len(now) != _len(kwdefaults) or not _all(_map(_same, _tuple(now.items()), kwdefaults)):
                return "the keyword defaults of " + function.__qualname__ + " were replaced"
            closure = function.__closure__ or ()
            if _len(closure) != cells:
                return "the closure of " + function.__qualname__ + " was replaced"
            if contents is not None and cells:
                for cell, before in zip(closure, contents):
                    if cell.cell_contents is not before:
                        return "the closure of " + function.__qualname__ + " was changed"
            namespace = function.__dict__
            if not _same_items(namespace, items) and not (_undo_lazy(function, keys, _LAZY_FUNCTION_KEYS)
                                                          and _same_items(namespace, items)):
                return "the attributes of " + function.__qualname__ + " were changed" + _names(namespace, keys)
        if not _all(_map(_bare, _plain)):
            for function in _plain:
                if not _bare(function) and not (_undo_lazy(function, (), _LAZY_FUNCTION_KEYS) and _bare(function)):
                    return "a function of the standard library gained defaults, a closure or attributes" \
                        + " (" + function.__qualname__ + _names(function.__dict__, ()) + ")"
        for obj, kind, namespace, items in _instances:
            if _type(obj) is not kind or obj.__dict__ is not namespace or not _same_items(namespace, items):
                return "the attributes of a " + kind.__qualname__ + " object of the standard library changed"
        for obj, kind, before in _containers:
            now = _fingerprint(obj)
            if _type(obj) is not kind or _len(now) != _len(before) \
                    or not (_all(_map(_is, now, before)) or _all(_map(_same, now, before))):
                return "a " + kind.__name__ + " of the standard library was changed in place" + _where(obj)
        now = _read_settings()
        if _len(now) != _len(_settings):
            return "the interpreter's settings changed"
        for (label, before), (_, after) in zip(_settings, now):
            if not _same(before, after):
                return "the " + label + " changed"
        return None

    return forget, verify


_IMMUTABLE_TYPE_FLAG = 1 << 8  # Py_TPFLAGS_IMMUTABLETYPE (HarnessIntegrityTest proves GraalPy honours it)
_type_flags = type.__dict__["__flags__"].__get__  # type's own descriptor: no metaclass answers for it


def _bare_function(function):
    return not function.__defaults__ and not function.__kwdefaults__ and not function.__closure__ \
        and not function.__dict__


# Keys that GraalPy or the standard library add to a namespace on first read, holding only
# what they would compute again: copyreg caches a class's slot names in __slotnames__ the first
# time one of its objects is copied or pickled (logging's QueueHandler copies every LogRecord);
# GraalPy stores a function's __module__ and __annotations__ in its __dict__ when they are first
# read (functools.wraps reads both). Deleting them restores the baseline, while a value planted
# there would change the next grading: so they are deleted, never trusted.
_LAZY_CLASS_KEYS = frozenset(("__slotnames__",
                              # what importing a module left out of the warm set adds to a class
                              # of the baseline: typing marks collections.abc.ByteString deprecated,
                              # ast gives _ast.Constant its deprecated aliases
                              "_removal_version", "n", "s"))
_LAZY_FUNCTION_KEYS = frozenset(("__module__", "__annotations__"))


def _same_items(namespace, items, _len=len, _zip=zip):
    """Whether namespace holds exactly these (key, value) pairs, in this order, by identity.
    One pass over both (in GraalPy's interpreter about 1.8x faster than comparing keys and
    values separately with all(map(operator.is_, ...)), measured on the warm modules)."""
    if _len(namespace) != _len(items):
        return False
    for (key, value), (key_before, value_before) in _zip(namespace.items(), items):
        if key is not key_before or value is not value_before:
            return False
    return True


def _undo_lazy(owner, keys, lazy):
    """Whether owner's namespace has its baseline keys once the lazy keys it gained are deleted."""
    namespace = owner.__dict__
    gained = [key for key in list(namespace) if type(key) is str and key in lazy and key not in keys]
    if not gained:
        return False
    try:
        for key in gained:
            if isinstance(owner, type):
                type.__delattr__(owner, key)
            else:
                del namespace[key]
    except (TypeError, AttributeError, KeyError):
        return False
    return len(namespace) == len(keys) and all(map(operator.is_, namespace, keys))


def _names(namespace, keys):
    """ (names) for the message: the string keys in only one of namespace and keys, or empty."""
    try:
        now = {key for key in list(namespace) if type(key) is str}
        before = {key for key in keys if type(key) is str}
        differing = sorted(now ^ before)
        return " (" + ", ".join(differing[:5]) + ")" if differing else ""
    except Exception:
        return ""


def _where(container):
    """ (where.it.is) for the message: a path from a module to the container, or empty."""
    try:
        queue = [(name, module, 0) for name, module in list(sys.modules.items())]
        seen = set()
        while queue:
            path, value, depth = queue.pop(0)
            namespace = getattr(value, "__dict__", None)
            if depth > 3 or id(value) in seen or not hasattr(namespace, "items"):
                continue
            seen.add(id(value))
            for key, member in list(namespace.items()):
                if member is container:
                    return " (" + path + "." + str(key) + ")"
                if isinstance(member, dict):
                    for inner_key, inner in list(member.items()):
                        if inner is container:
                            return " (" + path + "." + str(key) + "[" + repr(inner_key) + "])"
                queue.append((path + "." + str(key), member, depth + 1))
    except Exception:
        pass
    return ""


_SKIPPED_CLASS_KEYS = frozenset(_ABC_CACHES + _ABC_VERSIONS)


def _same(a, b):
    """Identity, except for exact ints, floats, bools, strings and bytes (ids, sizes,
    settings), which compare by value; and tuples of those, item by item."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in (int, float, bool, str, bytes):
        return a == b
    if kind is tuple:
        return len(a) == len(b) and all(map(_same, a, b))
    return False


# What the bundled exercises, their checks and usual answers import: imported once per
# pooled context, before the baseline, so that gradings find them loaded. A module a
# grading imports beyond these is removed again after it (forget); if importing it changed
# a module of the baseline (an ABC registration, say), the context is discarded.
WARM_MODULES = (
    "abc", "collections", "collections.abc", "contextlib", "dataclasses", "datetime", "functools", "gc",
    "itertools", "json", "math", "operator", "random", "re", "time", "types", "typing", "weakref", "io", "os",
    "threading", "queue", "logging", "logging.handlers", "unittest", "heapq", "bisect", "copy", "enum",
    "string", "textwrap", "statistics", "fractions", "decimal", "numbers", "html", "inspect", "traceback",
)
# A name after a colon is read from the module once: concurrent.futures binds its executors,
# and unittest its asyncio test case, on first access (a module __getattr__), which would
# otherwise change the module in a grading.
WARM_FOR_THREADS = ("concurrent.futures", "concurrent.futures:ThreadPoolExecutor")
WARM_FOR_ASYNCIO = ("asyncio", "unittest:IsolatedAsyncioTestCase")
WARM_FOR_TRACING = ("profile", "pstats")


# What every pooled context holds besides its exercise's imports: what the checks API and
# candidates' answers to any exercise import most.
WARM_ALWAYS = ("io",)


def warm_names(threads=False, asyncio=False, tracing=False, exercise=None):
    """The modules a context of this kind is likely to need: with exercise (the modules its checks
    and reference import, comma-separated), those and WARM_ALWAYS; without, WARM_MODULES."""
    base = WARM_MODULES if exercise is None else \
        WARM_ALWAYS + tuple(name for name in str(exercise).split(",") if name)
    return base + (WARM_FOR_THREADS if threads else ()) + (WARM_FOR_ASYNCIO if asyncio else ()) \
        + (WARM_FOR_TRACING if tracing else ())


def warm_one(name):
    """Imports one of them (the host imports them one by one, pausing while gradings run)."""
    name, _, attribute = name.partition(":")
    try:
        __import__(name)
        if attribute:
            getattr(sys.modules[name], attribute)
    except (ImportError, AttributeError):
        pass
