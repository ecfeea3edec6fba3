from pygrade import check, expect_equal, expect_true, expect_type, expect_raises, fail


def _item(solution, price):
    try:
        return solution.Item(price)
    except Exception as error:
        fail(f"Item({price!r}) raised {type(error).__name__}: {error}")


def _read(obj, name, what):
    try:
        return getattr(obj, name)
    except Exception as error:
        fail(f"reading {what} raised {type(error).__name__}: {error}")


def _assign(obj, name, value, what):
    try:
        setattr(obj, name, value)
    except Exception as error:
        fail(f"{what} raised {type(error).__name__}: {error}")


def _order_class(solution):
    """A class of the checks' own with two PositiveNumber attributes and no __init__."""
    try:
        return type("Order", (), {"price": solution.PositiveNumber(), "quantity": solution.PositiveNumber()})
    except Exception as error:
        fail(f"a class with price = PositiveNumber() and quantity = PositiveNumber() could not be created: "
             f"{type(error).__name__}: {error}")


@check(weight=1, description="PositiveNumber is a data descriptor (defines __get__ and __set__) used by Item.price")
def is_data_descriptor(solution):
    descriptor_class = solution.PositiveNumber
    expect_true(hasattr(descriptor_class, "__get__") and hasattr(descriptor_class, "__set__"),
                "PositiveNumber defines both __get__ and __set__")
    expect_type(solution.Item.__dict__.get("price"), descriptor_class,
                "Item.__dict__['price'] (Item's class body must say price = PositiveNumber())")


@check(weight=2, description="positive values are stored and read back")
def valid_values(solution):
    item = _item(solution, 10)
    expect_equal(_read(item, "price", "Item(10).price"), 10, "Item(10).price")
    expect_equal(_read(_item(solution, 2.5), "price", "Item(2.5).price"), 2.5, "Item(2.5).price")
    _assign(item, "price", 99, "item.price = 99")
    expect_equal(_read(item, "price", "item.price"), 99, "item.price after item = Item(10); item.price = 99")
    _assign(item, "price", 0.01, "item.price = 0.01")
    expect_equal(_read(item, "price", "item.price"), 0.01, "item.price after item.price = 0.01")


@check(weight=3, description="values <= 0 raise ValueError and are not stored")
def rejects_non_positive(solution):
    expect_raises(ValueError, solution.Item, -1, what="Item(price=-1)")
    expect_raises(ValueError, solution.Item, 0, what="Item(price=0) (zero is not positive)")
    item = _item(solution, 5)
    for bad in (-3, 0, -0.5):
        with expect_raises(ValueError, f"item.price = {bad!r} on item = Item(5)"):
            item.price = bad
        expect_equal(_read(item, "price", "item.price"), 5, f"item.price after the refused item.price = {bad!r}")


@check(weight=3, description="each instance has its own value")
def per_instance(solution):
    a, b = _item(solution, 1), _item(solution, 2)
    expect_equal((_read(a, "price", "a.price"), _read(b, "price", "b.price")), (1, 2),
                 "(a.price, b.price) for a = Item(1), b = Item(2)")
    _assign(a, "price", 7, "a.price = 7")
    expect_equal((_read(a, "price", "a.price"), _read(b, "price", "b.price")), (7, 2),
                 "(a.price, b.price) after a.price = 7 (b must keep its own price)")
    c = _item(solution, 3)
    expect_equal((_read(a, "price", "a.price"), _read(b, "price", "b.price"), _read(c, "price", "c.price")),
                 (7, 2, 3), "(a.price, b.price, c.price) after c = Item(3)")


@check(weight=2, description="several PositiveNumber attributes in one class stay independent, and validate")
def reusable(solution):
    Order = _order_class(solution)
    first, second = Order(), Order()
    _assign(first, "price", 4, "order.price = 4")
    _assign(first, "quantity", 9, "order.quantity = 9")
    _assign(second, "price", 6, "other.price = 6")
    _assign(second, "quantity", 1, "other.quantity = 1")
    expect_equal((_read(first, "price", "order.price"), _read(first, "quantity", "order.quantity")), (4, 9),
                 "(order.price, order.quantity) in a class with two PositiveNumber attributes")
    expect_equal((_read(second, "price", "other.price"), _read(second, "quantity", "other.quantity")), (6, 1),
                 "(other.price, other.quantity) for a second object of that class")
    with expect_raises(ValueError, "order.quantity = -2"):
        first.quantity = -2
    expect_equal(_read(first, "quantity", "order.quantity"), 9, "order.quantity after the refused order.quantity = -2")


@check(weight=1, description="reading a never-assigned attribute raises AttributeError")
def unset_attribute(solution):
    Order = _order_class(solution)
    order = Order()
    with expect_raises(AttributeError, "order.price on an object whose price was never assigned"):
        order.price
    _assign(order, "quantity", 3, "order.quantity = 3")
    with expect_raises(AttributeError, "order.price after only order.quantity was assigned"):
        order.price


@check(weight=1, description="Item.price on the class returns the descriptor itself")
def class_access(solution):
    try:
        value = solution.Item.price
    except Exception as error:
        fail(f"Item.price raised {type(error).__name__}: {error} (__get__ is called with obj=None "
             "for access on the class: return the descriptor then)")
    expect_type(value, solution.PositiveNumber, "Item.price")
