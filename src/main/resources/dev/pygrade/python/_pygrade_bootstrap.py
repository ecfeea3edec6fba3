# Evaluated first in every context: answers a function that loads the grader's
# own Python files as modules that are NOT in sys.modules, so candidate code
# cannot import them. Each module's globals start with the builtins as they are
# now, before any candidate code ran: a builtin patched later never reaches them.
def _pygrade_load(name, source, filename):
    import builtins
    import types
    module = types.ModuleType(name)
    for key, value in builtins.__dict__.items():
        if not key.startswith("__") or key in ("__build_class__", "__import__"):
            module.__dict__[key] = value
    module.__file__ = filename
    exec(compile(source, filename, "exec"), module.__dict__)
    return module


_pygrade_load
