from itertools import chain, combinations, groupby


def flatten(list_of_iterables):
    return chain.from_iterable(list_of_iterables)


def pairs(items):
    return list(combinations(items, 2))


def group_counts(records, key):
    ordered = sorted(records, key=key)
    return [(value, sum(1 for _ in group)) for value, group in groupby(ordered, key=key)]
