"""geometry.shapes: a module of the geometry package."""
import math


class Circle:
    def __init__(self, radius):
        if radius < 0:
            raise ValueError(f"radius must not be negative, got {radius}")
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2
