from typing import Optional, Sequence, TypeVar

T = TypeVar("T")


def add(a: int, b: int) -> int:
    return a + b


def first(items: Sequence[T]) -> Optional[T]:
    return items[0] if len(items) > 0 else None


def merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    merged = dict(a)
    for key, value in b.items():
        merged[key] = merged.get(key, 0) + value
    return merged
