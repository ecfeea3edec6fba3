# Evaluated first in every context: answers a function that loads the grader's
# own Python files as modules that are NOT in sys.modules, so candidate code
# cannot import them.
def _pygrade_load(name, source, filename):
    import types
    module = types.ModuleType(name)
    module.__file__ = filename
    exec(compile(source, filename, "exec"), module.__dict__)
    return module


_pygrade_load
