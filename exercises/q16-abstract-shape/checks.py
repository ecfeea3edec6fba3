import abc

from pygrade import check, expect_equal, expect_raises, expect_true, fail


@check(weight=2, description="Rectangle(width, height) keeps its sides and area() is width * height")
def rectangle_area(solution):
    rectangle = solution.Rectangle(3, 4)
    expect_equal(rectangle.width, 3, "Rectangle(3, 4).width")
    expect_equal(rectangle.height, 4, "Rectangle(3, 4).height")
    expect_equal(rectangle.area(), 12, "Rectangle(3, 4).area()")
    expect_equal(solution.Rectangle(2.5, 2).area(), 5.0, "Rectangle(2.5, 2).area()")
    expect_equal(solution.Rectangle(0, 7).area(), 0, "Rectangle(0, 7).area()")


@check(weight=2, description="Shape() cannot be instantiated: it raises TypeError")
def shape_is_abstract(solution):
    expect_raises(TypeError, solution.Shape, what="Shape()")


@check(weight=2, description="a subclass of Shape without area() cannot be instantiated; one with area() can")
def incomplete_subclass(solution):
    class Circle(solution.Shape):
        def __init__(self, radius=1):
            self.radius = radius

    expect_raises(TypeError, Circle, what="Circle() for class Circle(Shape) that does not define area()")

    class Square(solution.Shape):
        def __init__(self, side):
            self.side = side

        def area(self):
            return self.side * self.side

    try:
        square = Square(3)
    except TypeError as error:
        fail(f"Square(3) for class Square(Shape) that defines area() raised TypeError: {error}")
    expect_equal(square.area(), 9, "Square(3).area() for class Square(Shape) that defines area()")


@check(weight=2, description="Shape is built with the abc module and area is its one abstract method")
def built_with_abc(solution):
    expect_true(isinstance(solution.Shape, abc.ABCMeta),
                f"Shape's metaclass is abc.ABCMeta (derive from abc.ABC); it is {type(solution.Shape).__name__}")
    abstract = getattr(solution.Shape, "__abstractmethods__", None)
    if abstract is None:
        fail("Shape has no __abstractmethods__: mark area with @abc.abstractmethod")
    expect_equal(sorted(str(name) for name in abstract), ["area"], "sorted(Shape.__abstractmethods__)")
    expect_equal(sorted(str(name) for name in getattr(solution.Rectangle, "__abstractmethods__", ())), [],
                 "sorted(Rectangle.__abstractmethods__) (Rectangle must be concrete)")


@check(weight=1, description="a Rectangle is a Shape (isinstance / issubclass)")
def isinstance_checks(solution):
    expect_true(isinstance(solution.Rectangle(2, 3), solution.Shape), "isinstance(Rectangle(2, 3), Shape)")
    expect_true(issubclass(solution.Rectangle, solution.Shape), "issubclass(Rectangle, Shape)")
    expect_true(solution.Shape in solution.Rectangle.__mro__, "Shape appears in Rectangle.__mro__ (Rectangle derives from Shape)")
    expect_true(not isinstance(object(), solution.Shape), "isinstance(object(), Shape) is False")


@check(weight=1, description="Rectangle.area() uses the width and height attributes, so subclasses of Rectangle work")
def rectangle_subclass(solution):
    class Square(solution.Rectangle):
        def __init__(self, side):
            super().__init__(side, side)

    expect_equal(Square(5).area(), 25, "Square(5).area() for class Square(Rectangle) calling super().__init__(side, side)")
    rectangle = solution.Rectangle(2, 3)
    rectangle.width = 10
    expect_equal(rectangle.area(), 30, "Rectangle(2, 3).area() after setting .width = 10")
