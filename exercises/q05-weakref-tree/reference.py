import weakref


class Node:
    """Children are held strongly, the parent weakly: no parent <-> child cycle, so a tree
    is freed as soon as its root is no longer referenced (by reference counting on CPython)."""

    def __init__(self, value):
        self.value = value
        self.children = []
        self._parent = None  # a weakref.ref to the parent, or None

    @property
    def parent(self):
        return None if self._parent is None else self._parent()

    def add_child(self, child):
        child._parent = weakref.ref(self)
        self.children.append(child)
