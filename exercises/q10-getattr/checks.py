from pygrade import check, expect_equal, expect_true, expect_false, expect_raises, fail


class Target:
    """An object of the checks' own for the proxy to wrap."""
    kind = "target"

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def greet(self, who):
        return f"Hello {who}, I am {self.name}"


def _read(obj, name, what):
    try:
        return getattr(obj, name)
    except Exception as error:
        fail(f"reading {what} raised {type(error).__name__}: {error}")


def _my(solution):
    try:
        return solution.MyClass()
    except Exception as error:
        fail(f"MyClass() raised {type(error).__name__}: {error}")


def _proxy(solution, target):
    try:
        return solution.Proxy(target)
    except Exception as error:
        fail(f"Proxy(target) raised {type(error).__name__}: {error}")


@check(weight=2, description="MyClass answers unknown attributes with \"Attribute {name} not found\"")
def unknown_attribute_message(solution):
    obj = _my(solution)
    expect_equal(_read(obj, "unknown", "MyClass().unknown"), "Attribute unknown not found", "MyClass().unknown")
    expect_equal(_read(obj, "speed", "obj.speed"), "Attribute speed not found", "getattr(obj, 'speed')")
    expect_true(hasattr(obj, "anything_at_all"), "hasattr(MyClass(), 'anything_at_all')")


@check(weight=2, description="MyClass leaves existing attributes, class attributes and methods alone")
def existing_attributes_untouched(solution):
    obj = _my(solution)
    try:
        obj.color = "red"
    except Exception as error:
        fail(f"obj.color = 'red' raised {type(error).__name__}: {error}")
    expect_equal(_read(obj, "color", "obj.color"), "red", "obj.color after obj.color = 'red'")
    del obj.color
    expect_equal(_read(obj, "color", "obj.color"), "Attribute color not found", "obj.color after del obj.color")
    try:
        Sub = type("Sub", (solution.MyClass,), {"kind": "sub", "size": lambda self: 3})
        sub = Sub()
    except Exception as error:
        fail(f"a subclass of MyClass could not be created: {type(error).__name__}: {error}")
    expect_equal(_read(sub, "kind", "sub.kind"), "sub", "sub.kind (a class attribute of a subclass of MyClass)")
    expect_equal(_read(sub, "size", "sub.size")(), 3, "sub.size() (a method of a subclass of MyClass)")
    expect_equal(_read(sub, "other", "sub.other"), "Attribute other not found", "sub.other")


@check(weight=2, description="Proxy forwards reads and method calls to the target's current state")
def proxy_forwards(solution):
    target = Target("Ann", 41)
    proxy = _proxy(solution, target)
    expect_equal(_read(proxy, "name", "proxy.name"), "Ann", "proxy.name")
    expect_equal(_read(proxy, "value", "proxy.value"), 41, "proxy.value")
    expect_equal(_read(proxy, "kind", "proxy.kind"), "target", "proxy.kind (a class attribute of the target)")
    expect_equal(_read(proxy, "greet", "proxy.greet")("Bob"), "Hello Bob, I am Ann", "proxy.greet('Bob')")
    target.value = 42
    target.extra = [1, 2]
    expect_equal(_read(proxy, "value", "proxy.value"), 42, "proxy.value after target.value = 42")
    expect_equal(_read(proxy, "extra", "proxy.extra"), [1, 2], "proxy.extra after target.extra = [1, 2]")


@check(weight=3, description="proxy_reads counts each forwarded read once; reading proxy_reads does not count")
def proxy_counts_reads(solution):
    proxy = _proxy(solution, Target("Ann", 1))
    expect_equal(_read(proxy, "proxy_reads", "proxy.proxy_reads"), 0, "proxy_reads of a new proxy")
    expect_equal(_read(proxy, "proxy_reads", "proxy.proxy_reads"), 0,
                 "proxy_reads read a second time (reading proxy_reads must not count)")
    _read(proxy, "name", "proxy.name")
    _read(proxy, "value", "proxy.value")
    _read(proxy, "name", "proxy.name")
    expect_equal(_read(proxy, "proxy_reads", "proxy.proxy_reads"), 3,
                 "proxy_reads after reading proxy.name, proxy.value, proxy.name")
    _read(proxy, "greet", "proxy.greet")("Cy")
    expect_equal(_read(proxy, "proxy_reads", "proxy.proxy_reads"), 4,
                 "proxy_reads after one more call proxy.greet('Cy') (one read of greet)")


@check(weight=2, description="a read the target cannot answer raises AttributeError and still counts")
def proxy_missing_attribute(solution):
    proxy = _proxy(solution, Target("Ann", 1))
    with expect_raises(AttributeError, "proxy.missing, for a target without 'missing'"):
        proxy.missing
    expect_equal(_read(proxy, "proxy_reads", "proxy.proxy_reads"), 1,
                 "proxy_reads after the failed read proxy.missing (failed forwarded reads count too)")
    _read(proxy, "name", "proxy.name")
    expect_equal(_read(proxy, "proxy_reads", "proxy.proxy_reads"), 2,
                 "proxy_reads after proxy.missing, then proxy.name")


@check(weight=1, description="each proxy has its own counter, and the target stays unchanged")
def proxy_independent(solution):
    target = Target("Ann", 1)
    first, second = _proxy(solution, target), _proxy(solution, target)
    _read(first, "name", "first.name")
    _read(first, "value", "first.value")
    _read(second, "name", "second.name")
    expect_equal((_read(first, "proxy_reads", "first.proxy_reads"), _read(second, "proxy_reads", "second.proxy_reads")),
                 (2, 1), "(first.proxy_reads, second.proxy_reads) for two proxies of one target after 2 and 1 reads")
    expect_equal(sorted(vars(target)), ["name", "value"], "the target's own attribute names (the proxy must add none)")
    other = _proxy(solution, Target("Bo", 2))
    expect_equal(_read(other, "proxy_reads", "other.proxy_reads"), 0, "proxy_reads of a third, new proxy")
