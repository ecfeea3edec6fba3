"""geometry: a package. Its public names come from its submodules."""
from .shapes import Circle

__all__ = ["Circle"]
