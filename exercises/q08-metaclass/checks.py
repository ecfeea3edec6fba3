from pygrade import check, expect_equal, expect_true, expect_is, fail

TEXT = "Added by metaclass"


def _call_method(cls, what):
    try:
        instance = cls()
    except Exception as error:
        fail(f"{what}() raised {type(error).__name__}: {error}")
    try:
        return instance.custom_method()
    except Exception as error:
        fail(f"{what}().custom_method() raised {type(error).__name__}: {error}")


def _new_class(solution, name, bases, namespace, what):
    try:
        return solution.MetaClass(name, bases, namespace)
    except Exception as error:
        fail(f"{what} raised {type(error).__name__}: {error}")


def _fresh_class(solution):
    try:
        class Fresh(metaclass=solution.MetaClass):
            """A class of the checks' own."""
            colour = "green"

            def own(self):
                return "own method"
    except Exception as error:
        fail(f"`class Fresh(metaclass=MetaClass): ...` raised {type(error).__name__}: {error}")
    return Fresh


def _child_class(solution):
    try:
        class Child(solution.MyClass):
            def own(self):
                return "child method"
    except Exception as error:
        fail(f"`class Child(MyClass): ...` raised {type(error).__name__}: {error}")
    return Child


@check(weight=2, description="MyClass().custom_method() returns \"Added by metaclass\"")
def instance_method(solution):
    expect_equal(_call_method(solution.MyClass, "MyClass"), TEXT, "MyClass().custom_method()")
    obj = solution.MyClass()
    expect_equal(obj.custom_method(), TEXT, "obj.custom_method() called a second time on another instance")


@check(weight=2, description="MetaClass derives from type and is the type of MyClass")
def metaclass_of_my_class(solution):
    if not isinstance(solution.MetaClass, type):
        fail(f"MetaClass is a {type(solution.MetaClass).__name__}, not a class deriving from type")
    expect_true(issubclass(solution.MetaClass, type), "issubclass(MetaClass, type)")
    expect_is(type(solution.MyClass), solution.MetaClass, "type(MyClass)")


@check(weight=3, description="any new class made with MetaClass gets custom_method and is of type MetaClass")
def new_classes(solution):
    Fresh = _fresh_class(solution)
    expect_is(type(Fresh), solution.MetaClass, "type(Fresh) for `class Fresh(metaclass=MetaClass)`")
    expect_equal(_call_method(Fresh, "Fresh"), TEXT, "Fresh().custom_method()")
    Made = _new_class(solution, "Made", (), {"size": 3}, "MetaClass('Made', (), {'size': 3})")
    expect_is(type(Made), solution.MetaClass, "type(MetaClass('Made', (), {'size': 3}))")
    expect_equal(_call_method(Made, "Made"), TEXT, "Made().custom_method() for Made = MetaClass('Made', (), {...})")


@check(weight=2, description="subclasses of MyClass are created by MetaClass too and get custom_method")
def subclasses(solution):
    Child = _child_class(solution)
    expect_is(type(Child), solution.MetaClass, "type(Child) for `class Child(MyClass)`")
    expect_equal(_call_method(Child, "Child"), TEXT, "Child().custom_method()")
    try:
        class GrandChild(Child):
            pass
    except Exception as error:
        fail(f"`class GrandChild(Child): pass` raised {type(error).__name__}: {error}")
    expect_is(type(GrandChild), solution.MetaClass, "type(GrandChild) for `class GrandChild(Child)`")
    expect_equal(_call_method(GrandChild, "GrandChild"), TEXT, "GrandChild().custom_method()")


@check(weight=1, description="the metaclass puts custom_method in each class's own namespace")
def own_namespace(solution):
    expect_true("custom_method" in solution.MyClass.__dict__, "'custom_method' in MyClass.__dict__")
    Child = _child_class(solution)
    expect_true("custom_method" in Child.__dict__,
                "'custom_method' in Child.__dict__ for `class Child(MyClass)` (not only inherited)")
    Made = _new_class(solution, "Made", (), {}, "MetaClass('Made', (), {})")
    expect_true("custom_method" in Made.__dict__, "'custom_method' in MetaClass('Made', (), {}).__dict__")


@check(weight=1, description="the class keeps its name, bases, docstring and body")
def class_body_kept(solution):
    Fresh = _fresh_class(solution)
    expect_equal(Fresh.__name__, "Fresh", "Fresh.__name__")
    expect_equal(Fresh.__doc__, "A class of the checks' own.", "Fresh.__doc__")
    expect_equal(getattr(Fresh, "colour", None), "green", "Fresh.colour (defined in the class body)")
    try:
        own = Fresh().own()
    except Exception as error:
        fail(f"Fresh().own() (a method of the class body) raised {type(error).__name__}: {error}")
    expect_equal(own, "own method", "Fresh().own()")
    Child = _child_class(solution)
    expect_equal(len(Child.__bases__), 1, "len(Child.__bases__) for `class Child(MyClass)`")
    expect_is(Child.__bases__[0], solution.MyClass, "Child.__bases__[0] for `class Child(MyClass)`")
    expect_equal(Child().own(), "child method", "Child().own()")
