from pygrade import check, expect_equal, expect_true, expect_false, expect_raises, fail


def _point(solution, x, y):
    try:
        return solution.Point(x, y)
    except Exception as error:
        fail(f"Point({x!r}, {y!r}) raised {type(error).__name__}: {error}")


def _declared(cls):
    """The slot names a class declares itself, or None when it declares no __slots__."""
    if "__slots__" not in cls.__dict__:
        return None
    slots = cls.__dict__["__slots__"]
    return [slots] if isinstance(slots, str) else [str(name) for name in slots]


@check(weight=1, description="every class of Point's hierarchy declares __slots__, naming x and y")
def slots_declared(solution):
    if _declared(solution.Point) is None:
        fail("Point declares no __slots__ of its own (Point.__dict__ has no '__slots__' entry)")
    names = []
    for cls in solution.Point.__mro__:
        if cls is object:
            continue
        declared = _declared(cls)
        if declared is None:
            fail(f"class {cls.__name__} in Point's hierarchy declares no __slots__, "
                 "so instances get a __dict__ anyway")
        names.extend(declared)
    expect_equal(sorted(names), ["x", "y"], "the slot names declared over Point's hierarchy (sorted)")


@check(weight=2, description="instances have no __dict__")
def no_instance_dict(solution):
    p = _point(solution, 1, 2)
    expect_false(hasattr(p, "__dict__"), "hasattr(Point(1, 2), '__dict__')")
    expect_raises(TypeError, vars, p, what="vars(Point(1, 2))")


@check(weight=3, description="setting an attribute other than x and y raises AttributeError and stores nothing")
def new_attribute_refused(solution):
    p = _point(solution, 1, 2)
    with expect_raises(AttributeError, "p.z = 3 on p = Point(1, 2)"):
        p.z = 3
    expect_false(hasattr(p, "z"), "hasattr(p, 'z') after the refused p.z = 3")
    with expect_raises(AttributeError, "setattr(p, 'color', 'red') on p = Point(1, 2)"):
        setattr(p, "color", "red")
    expect_equal((p.x, p.y), (1, 2), "(p.x, p.y) after the refused assignments")


@check(weight=2, description="x and y can be read and reassigned")
def read_write(solution):
    p = _point(solution, 1, 2)
    expect_equal((p.x, p.y), (1, 2), "(p.x, p.y) for p = Point(1, 2)")
    try:
        p.x = 5
        p.y = -7
    except Exception as error:
        fail(f"p.x = 5; p.y = -7 raised {type(error).__name__}: {error}")
    expect_equal((p.x, p.y), (5, -7), "(p.x, p.y) after p.x = 5; p.y = -7")
    q = _point(solution, "a", [3])
    expect_equal((q.x, q.y), ("a", [3]), "(q.x, q.y) for q = Point('a', [3]) (any values are stored)")


@check(weight=1, description="each instance keeps its own x and y")
def independent_instances(solution):
    p, q = _point(solution, 1, 2), _point(solution, 3, 4)
    expect_equal((p.x, p.y, q.x, q.y), (1, 2, 3, 4), "(p.x, p.y, q.x, q.y) for p = Point(1, 2), q = Point(3, 4)")
    p.x = 100
    expect_equal((p.x, q.x), (100, 3), "(p.x, q.x) after p.x = 100")
