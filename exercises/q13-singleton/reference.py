import threading


class Singleton:
    _instances = {}
    _lock = threading.Lock()

    def __new__(cls):
        # Double-checked locking: the fast path needs no lock, creation is guarded.
        instance = Singleton._instances.get(cls)
        if instance is None:
            with Singleton._lock:
                instance = Singleton._instances.get(cls)
                if instance is None:
                    instance = super().__new__(cls)
                    Singleton._instances[cls] = instance
        return instance
