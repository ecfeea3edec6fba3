from pygrade import check, expect_equal, expect_true, fail

N_ITEMS = 25_000
N_WORDS = 48_000


def _large_lists():
    # two lists of 25,000 strings, unsorted, with repeats; 5,001 distinct values are shared
    a = list(map("key{:06d}".format, range(20_000, 5_000, -1)))        # 15,000 distinct
    a += a[::3][:N_ITEMS - len(a)]                                     # + 5,000 repeats
    b = list(map("key{:06d}".format, range(15_000, 40_000)))           # 25,000 distinct
    b.reverse()
    return a, b, "\n".join(sorted(set(a) & set(b)))


def _large_text():
    """48,000 words: 16,000 distinct ones, each three times (plain, capitalized with a comma,
    quoted with a full stop); built and counted without a Python-level loop."""
    vocabulary = list(map("w{:05d}".format, range(N_WORDS // 3)))
    pieces = (vocabulary + list(map("W{:05d},".format, range(N_WORDS // 3)))
              + list(map('"w{:05d}."'.format, range(N_WORDS // 3))))
    return " ".join(pieces), dict.fromkeys(vocabulary, 3)


# Built once, while the checks load, so that the timed checks measure the answer only.
LARGE_A, LARGE_B, LARGE_COMMON = _large_lists()
LARGE_TEXT, LARGE_COUNTS = _large_text()


def _as_dict(value, what):
    if not isinstance(value, dict):
        fail(f"{what} should return a dict, it returned {type(value).__name__}")
    return dict(value)


@check(weight=2, description="common_elements: shared items, sorted ascending, each once")
def common_small(solution):
    expect_equal(solution.common_elements([3, 1, 2, 3, 5], [5, 3, 3, 9]), [3, 5],
                 "common_elements([3, 1, 2, 3, 5], [5, 3, 3, 9])")
    expect_equal(solution.common_elements([10, -2, 7, 7, 0, -2], [7, -2, -2, 4, 10]), [-2, 7, 10],
                 "common_elements([10, -2, 7, 7, 0, -2], [7, -2, -2, 4, 10])")
    expect_equal(solution.common_elements(["pear", "fig", "apple", "fig"], ["fig", "kiwi", "apple"]),
                 ["apple", "fig"], "common_elements(['pear', 'fig', 'apple', 'fig'], ['fig', 'kiwi', 'apple'])")


@check(weight=1, description="common_elements: empty inputs and no overlap give []")
def common_edge(solution):
    expect_equal(solution.common_elements([], [1, 2]), [], "common_elements([], [1, 2])")
    expect_equal(solution.common_elements([1, 2], []), [], "common_elements([1, 2], [])")
    expect_equal(solution.common_elements([1, 2, 3], [4, 5, 6]), [], "common_elements([1, 2, 3], [4, 5, 6])")


@check(weight=1, description="common_elements leaves its arguments unchanged")
def inputs_untouched(solution):
    a, b = [5, 1, 4, 1], [4, 9, 5, 5]
    result = solution.common_elements(a, b)
    expect_equal(result, [4, 5], "common_elements([5, 1, 4, 1], [4, 9, 5, 5])")
    expect_equal((a, b), ([5, 1, 4, 1], [4, 9, 5, 5]),
                 "the two argument lists after the call (must not be sorted or changed)")


@check(weight=3, description="common_elements is fast on two lists of 25,000 strings (no list scan per item)")
def common_large(solution):
    got = solution.common_elements(list(LARGE_A), list(LARGE_B))
    if type(got) is not list:
        fail(f"common_elements(a, b) for two lists of 25,000 strings should return a list, "
             f"it returned {type(got).__name__}")
    expect_equal(len(got), 5001, "len(common_elements(a, b)) for two lists of 25,000 strings")
    try:
        joined = "\n".join(got)
    except TypeError:
        fail("common_elements(a, b) for two lists of strings should return a list of those strings")
    expect_equal(joined, LARGE_COMMON, "common_elements(a, b) for two lists of 25,000 strings "
                                       "(shown joined with newlines)")


@check(weight=2, description="word_frequencies counts lower-cased words, punctuation stripped from their ends")
def frequencies_small(solution):
    got = solution.word_frequencies("The cat and the hat. THE END!")
    expect_equal(_as_dict(got, "word_frequencies('The cat and the hat. THE END!')"),
                 {"the": 3, "cat": 1, "and": 1, "hat": 1, "end": 1},
                 "word_frequencies('The cat and the hat. THE END!')")
    text = "Well-known (and well-liked): don't stop, don't!\n\"Stop.\""
    got = solution.word_frequencies(text)
    expect_equal(_as_dict(got, f"word_frequencies({text!r})"),
                 {"well-known": 1, "and": 1, "well-liked": 1, "don't": 2, "stop": 2},
                 f"word_frequencies({text!r})")


@check(weight=1, description="word_frequencies of a text without words is {}")
def frequencies_edge(solution):
    expect_equal(_as_dict(solution.word_frequencies(""), "word_frequencies('')"), {}, "word_frequencies('')")
    expect_equal(_as_dict(solution.word_frequencies("  ... !? \n () "), "word_frequencies('  ... !? \\n () ')"), {},
                 "word_frequencies('  ... !? \\n () ')")


@check(weight=3, description="word_frequencies is fast on a text of 48,000 words (no list.count per word)")
def frequencies_large(solution):
    got = _as_dict(solution.word_frequencies(LARGE_TEXT), "word_frequencies(a text of 48,000 words)")
    expect_equal(len(got), len(LARGE_COUNTS), "the number of distinct words in a text of 48,000 words")
    expect_equal(got, LARGE_COUNTS, "word_frequencies(a text of 48,000 words)")
