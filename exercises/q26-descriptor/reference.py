class PositiveNumber:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, f"_{self.name}")

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, got {value!r}")
        setattr(obj, f"_{self.name}", value)


class Item:
    price = PositiveNumber()

    def __init__(self, price):
        self.price = price
