import dataclasses

from pygrade import check, expect_equal, expect_true, expect_false, expect_raises, capture_output, fail


def _type_name(annotation):
    # `int`, or the string "int" when the answer uses `from __future__ import annotations`
    if isinstance(annotation, str):
        return annotation
    return getattr(annotation, "__name__", repr(annotation))


def _point(solution, *args, **kwargs):
    shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
    try:
        return solution.Point(*args, **kwargs)
    except Exception as error:
        fail(f"Point({shown}) raised {type(error).__name__}: {error}")


@check(weight=2, description="Point is a dataclass whose fields are x then y, both int")
def is_real_dataclass(solution):
    expect_true(dataclasses.is_dataclass(solution.Point),
                "dataclasses.is_dataclass(Point) (decorate the class with @dataclass)")
    expect_true(dataclasses.is_dataclass(_point(solution, 1, 2)), "dataclasses.is_dataclass(Point(1, 2))")
    described = [(field.name, _type_name(field.type)) for field in dataclasses.fields(solution.Point)]
    expect_equal(described, [("x", "int"), ("y", "int")],
                 "the (name, type) of each field in dataclasses.fields(Point)")


@check(weight=2, description="__init__ takes x and y, by position or by keyword, and nothing else")
def init_arguments(solution):
    p = _point(solution, 1, 2)
    expect_equal((p.x, p.y), (1, 2), "(p.x, p.y) for p = Point(1, 2)")
    p = _point(solution, y=4, x=3)
    expect_equal((p.x, p.y), (3, 4), "(p.x, p.y) for p = Point(y=4, x=3)")
    p = _point(solution, -7, 0)
    expect_equal((p.x, p.y), (-7, 0), "(p.x, p.y) for p = Point(-7, 0)")
    expect_raises(TypeError, solution.Point, 1, what="Point(1) (y missing)")
    expect_raises(TypeError, solution.Point, 1, 2, 3, what="Point(1, 2, 3) (one argument too many)")
    expect_raises(TypeError, solution.Point, 1, 2, z=3, what="Point(1, 2, z=3) (unknown keyword)")


@check(weight=2, description="repr, str and print all show Point(x=1, y=2)")
def repr_and_str(solution):
    p = _point(solution, 1, 2)
    expect_equal(repr(p), "Point(x=1, y=2)", "repr(Point(1, 2))")
    expect_equal(str(p), "Point(x=1, y=2)", "str(Point(1, 2))")
    with capture_output() as out:
        print(p)
    expect_equal(out.stdout, "Point(x=1, y=2)\n", "what print(Point(1, 2)) printed")
    expect_equal(repr(_point(solution, -3, 40)), "Point(x=-3, y=40)", "repr(Point(-3, 40))")
    expect_equal(repr([_point(solution, 0, 0)]), "[Point(x=0, y=0)]", "repr([Point(0, 0)])")


@check(weight=2, description="points compare by value, and never equal a tuple or another type")
def equality(solution):
    a, b = _point(solution, 1, 2), _point(solution, 1, 2)
    expect_false(a is b, "Point(1, 2) is Point(1, 2) (two calls must build two objects)")
    expect_true(a == b, "Point(1, 2) == Point(1, 2)")
    expect_false(a != b, "Point(1, 2) != Point(1, 2)")
    expect_false(a == _point(solution, 2, 1), "Point(1, 2) == Point(2, 1)")
    expect_true(a != _point(solution, 1, 3), "Point(1, 2) != Point(1, 3)")
    expect_false(a == (1, 2), "Point(1, 2) == (1, 2)")
    expect_false(a == [1, 2], "Point(1, 2) == [1, 2]")
    expect_false(a == "Point(x=1, y=2)", "Point(1, 2) == 'Point(x=1, y=2)'")
    expect_false(a == None, "Point(1, 2) == None")  # noqa: E711 (exercising __eq__ on purpose)


@check(weight=1, description="points are mutable: assigning a field changes repr and equality")
def mutable(solution):
    p = _point(solution, 1, 2)
    try:
        p.x = 10
    except Exception as error:
        fail(f"p.x = 10 on p = Point(1, 2) raised {type(error).__name__}: {error} "
             "(keep the decorator's defaults: do not freeze the class)")
    expect_equal(p.x, 10, "p.x after p = Point(1, 2); p.x = 10")
    expect_equal(repr(p), "Point(x=10, y=2)", "repr(p) after p = Point(1, 2); p.x = 10")
    expect_true(p == _point(solution, 10, 2), "p == Point(10, 2) after p = Point(1, 2); p.x = 10")


@check(weight=2, description="the dataclasses helpers work on it: asdict, astuple, replace")
def dataclass_helpers(solution):
    p = _point(solution, 1, 2)
    try:
        as_dict = dataclasses.asdict(p)
        as_tuple = dataclasses.astuple(p)
        moved = dataclasses.replace(p, y=5)
    except TypeError as error:
        fail(f"the dataclasses helpers refuse Point(1, 2): {error} (is Point decorated with @dataclass?)")
    expect_equal(as_dict, {"x": 1, "y": 2}, "dataclasses.asdict(Point(1, 2))")
    expect_equal(as_tuple, (1, 2), "dataclasses.astuple(Point(1, 2))")
    expect_equal(repr(moved), "Point(x=1, y=5)", "repr(dataclasses.replace(Point(1, 2), y=5))")
    expect_equal(repr(p), "Point(x=1, y=2)", "repr(p) after dataclasses.replace(p, y=5) (p itself must not change)")
