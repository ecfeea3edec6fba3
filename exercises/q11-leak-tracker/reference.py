import gc
import weakref


class LeakTracker:
    """Watches objects through weak references, so watching never keeps them alive.
    alive() runs the cyclic garbage collector first: objects that only reference each
    other (cycles) are unreachable and get freed, so they do not count as leaks."""

    def __init__(self):
        self._refs = {}  # id(obj) -> weakref.ref(obj); works for unhashable objects too

    def track(self, obj):
        key = id(obj)
        if key in self._refs and self._refs[key]() is obj:
            return
        self._refs[key] = weakref.ref(obj, lambda _ref, key=key, refs=self._refs: refs.pop(key, None)
                                      if refs.get(key) is _ref else None)

    def alive(self):
        gc.collect()
        return sum(1 for ref in list(self._refs.values()) if ref() is not None)
