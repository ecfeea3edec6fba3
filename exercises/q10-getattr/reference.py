class MyClass:
    def __getattr__(self, name):
        # only called when normal lookup (__getattribute__) fails
        return f"Attribute {name} not found"

    def __getattribute__(self, name):
        # called for every read; here it just does the normal lookup
        return object.__getattribute__(self, name)


class Proxy:
    def __init__(self, target):
        self._target = target
        self.proxy_reads = 0

    def __getattr__(self, name):
        # _target and proxy_reads are found normally and never reach this method
        if name.startswith("_"):
            raise AttributeError(name)
        self.proxy_reads += 1
        return getattr(self._target, name)
