import itertools

from pygrade import check, expect_equal, expect_is, expect_true, fail


class _Opaque:
    """An item that cannot be compared with < (pairs must work by position)."""

    def __init__(self, label):
        self.label = label


def _as_iterator(value, what):
    try:
        iterator = iter(value)
    except TypeError:
        fail(f"{what} returned {type(value).__name__}, which is not iterable")
    return iterator


@check(weight=2, description="flatten yields the items of each inner iterable in turn, one level deep")
def flatten_values(solution):
    expect_equal(list(solution.flatten([[1, 2], (3,), "ab", range(2)])), [1, 2, 3, "a", "b", 0, 1],
                 'list(flatten([[1, 2], (3,), "ab", range(2)]))')
    expect_equal(list(solution.flatten([])), [], "list(flatten([]))")
    expect_equal(list(solution.flatten([[], [4], []])), [4], "list(flatten([[], [4], []]))")
    expect_equal(list(solution.flatten([[[1]], [2]])), [[1], 2], "list(flatten([[[1]], [2]])) (one level only)")
    expect_equal(list(solution.flatten(iter([iter([5]), iter([6, 7])]))), [5, 6, 7],
                 "list(flatten(iterator of iterators))")


@check(weight=3, description="flatten is lazy: an iterator that takes from the outer and inner iterables only what is asked")
def flatten_is_lazy(solution):
    result = solution.flatten([[1], [2]])
    expect_true(not isinstance(result, (list, tuple)), f"flatten(...) returns a lazy iterator, not a {type(result).__name__}")
    expect_is(_as_iterator(result, "flatten([[1], [2]])"), result, "iter(flatten([[1], [2]])) (an iterator is its own iterator)")

    taken = []

    def outer():
        for k in range(3):
            taken.append(k)
            yield [k, k]

    flat = solution.flatten(outer())
    expect_equal(taken, [], "inner iterables taken from the outer generator when flatten(outer) is created")
    expect_equal(next(flat), 0, "next(flatten(outer)) (first item)")
    expect_equal(taken, [0], "inner iterables taken from the outer generator after one next()")

    expect_equal(list(itertools.islice(solution.flatten([itertools.count()]), 5)), [0, 1, 2, 3, 4],
                 "list(islice(flatten([count()]), 5)) (an endless inner generator)")
    endless_outer = (range(k) for k in itertools.count())
    expect_equal(list(itertools.islice(solution.flatten(endless_outer), 6)), [0, 0, 1, 0, 1, 2],
                 "list(islice(flatten(range(k) for k in count()), 6)) (an endless outer generator)")


@check(weight=2, description="pairs returns all 2-combinations as a list of tuples, in combinations order, by position")
def pairs_values(solution):
    expect_equal(solution.pairs([3, 1, 2]), [(3, 1), (3, 2), (1, 2)], "pairs([3, 1, 2])")
    expect_equal(solution.pairs("abcd"), [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")],
                 'pairs("abcd")')
    expect_equal(solution.pairs([7, 7]), [(7, 7)], "pairs([7, 7]) (equal items are distinct positions)")
    expect_equal(solution.pairs([]), [], "pairs([])")
    expect_equal(solution.pairs([1]), [], "pairs([1])")
    expect_equal(solution.pairs(n for n in range(3)), [(0, 1), (0, 2), (1, 2)], "pairs(n for n in range(3))")
    a, b, c = _Opaque("a"), _Opaque("b"), _Opaque("c")
    try:
        got = solution.pairs([a, b, c])
    except TypeError as error:
        fail(f"pairs of 3 objects that cannot be compared raised TypeError: {error} (pair by position)")
    expect_equal([(x.label, y.label) for x, y in got], [("a", "b"), ("a", "c"), ("b", "c")],
                 "pairs of 3 objects that cannot be compared, by label")
    expect_equal(len(solution.pairs(range(100))), 4950, "len(pairs(range(100)))")


@check(weight=1, description="group_counts counts records per key on data already sorted by key")
def group_counts_sorted_input(solution):
    expect_equal(solution.group_counts(["a", "e", "bb", "cc", "ddd"], len), [(1, 2), (2, 2), (3, 1)],
                 'group_counts(["a", "e", "bb", "cc", "ddd"], len)')
    expect_equal(solution.group_counts([], len), [], "group_counts([], len)")
    records = [{"dept": "eng"}, {"dept": "eng"}, {"dept": "ops"}]
    expect_equal(solution.group_counts(records, lambda r: r["dept"]), [("eng", 2), ("ops", 1)],
                 "group_counts(records sorted by dept, key=lambda r: r['dept'])")


@check(weight=2, description="group_counts works on records in any order (equal keys not adjacent), sorted by key, from a generator")
def group_counts_any_order(solution):
    depts = ["sales", "eng", "ops", "eng", "sales", "eng"]
    records = [{"name": f"p{i}", "dept": d} for i, d in enumerate(depts)]
    expect_equal(solution.group_counts(records, lambda r: r["dept"]), [("eng", 3), ("ops", 1), ("sales", 2)],
                 "group_counts(records with depts sales, eng, ops, eng, sales, eng, key=dept)")
    expect_equal(solution.group_counts((w for w in ["ccc", "a", "bb", "dd", "e", "fff"]), len), [(1, 2), (2, 2), (3, 2)],
                 'group_counts(generator of "ccc", "a", "bb", "dd", "e", "fff", len)')
    expect_equal(solution.group_counts([5, 3, 5, 1, 3, 5], lambda n: -n), [(-5, 3), (-3, 2), (-1, 1)],
                 "group_counts([5, 3, 5, 1, 3, 5], key=lambda n: -n) (sorted by key value)")
