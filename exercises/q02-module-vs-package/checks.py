import importlib
import math

from pygrade import check, expect_close, expect_equal, expect_is, expect_raises, expect_true, fail


def _shapes(solution):
    try:
        return importlib.import_module(solution.__name__ + ".shapes")
    except ImportError as error:
        fail(f"import geometry.shapes failed ({type(error).__name__}: {error}): "
             "put the Circle class in geometry/shapes.py inside the geometry package folder")


def _circle_class(module, what):
    cls = getattr(module, "Circle", None)
    if cls is None:
        fail(f"{what} has no Circle")
    return cls


@check(weight=2, description="geometry is a package (a folder with __init__.py), not a single module")
def is_package(solution):
    expect_true(hasattr(solution, "__path__"),
                "geometry is a package (it has __path__; a single geometry.py module has none)")


@check(weight=2, description="geometry.shapes is a submodule that defines Circle")
def shapes_submodule(solution):
    shapes = _shapes(solution)
    circle = _circle_class(shapes, "geometry.shapes")
    expect_close(circle(2).area(), math.pi * 4, "geometry.shapes.Circle(2).area()")


@check(weight=2, description="the package re-exports the very same class: geometry.Circle is geometry.shapes.Circle")
def reexport(solution):
    shapes = _shapes(solution)
    if not hasattr(solution, "Circle"):
        fail("geometry has no Circle: `from geometry import Circle` fails; import it in geometry/__init__.py")
    expect_is(solution.Circle, _circle_class(shapes, "geometry.shapes"),
              "geometry.Circle (must be the class defined in geometry.shapes, not a copy)")


@check(weight=2, description="from geometry import Circle: Circle(r).area() is pi * r**2")
def area(solution):
    circle = _circle_class(solution, "geometry (from geometry import Circle)")
    for radius in (1, 2.5, 10):
        got = circle(radius).area()
        expect_true(isinstance(got, float), f"Circle({radius}).area() returns a float (got {type(got).__name__})")
        expect_close(got, math.pi * radius ** 2, f"Circle({radius}).area()")
    expect_close(circle(0).area(), 0.0, "Circle(0).area()")


@check(weight=1, description="Circle(radius) keeps the radius as .radius")
def radius(solution):
    circle = _circle_class(solution, "geometry (from geometry import Circle)")
    expect_equal(circle(3).radius, 3, "Circle(3).radius")
    expect_equal(circle(1.5).radius, 1.5, "Circle(1.5).radius")


@check(weight=1, description="a negative radius raises ValueError")
def negative_radius(solution):
    circle = _circle_class(solution, "geometry (from geometry import Circle)")
    expect_raises(ValueError, circle, -1, what="Circle(-1)")


@check(weight=1, description="__all__ names the public API: from geometry import * imports Circle and nothing else")
def star_import(solution):
    try:  # import the submodule first, as any user of the package may have done
        importlib.import_module(solution.__name__ + ".shapes")
    except ImportError:
        pass  # shapes_submodule reports it
    namespace = {}
    try:
        exec(f"from {solution.__name__} import *", namespace)
    except Exception as error:
        fail(f"`from geometry import *` raised {type(error).__name__}: {error}; "
             "geometry.__all__ must be a list of the names the package exports, each of which exists")
    namespace.pop("__builtins__", None)
    expect_equal(sorted(namespace), ["Circle"],
                 "the names `from geometry import *` imports (declare __all__ = [\"Circle\"], a list of "
                 "names, in geometry/__init__.py, so that neither the submodule nor helper imports leak)")
