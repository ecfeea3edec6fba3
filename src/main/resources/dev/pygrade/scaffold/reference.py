# reference.py: the reference solution. `pygrade validate {{ID}}` proves it gets full marks,
# and `pygrade validate --mutation {{ID}}` mutates it to prove the checks catch mistakes.
# Hidden from candidates.


def mean(values):
    """The arithmetic mean of a non-empty list of numbers."""
    if len(values) == 0:
        raise ValueError("mean() of an empty list")
    return sum(values) / len(values)
