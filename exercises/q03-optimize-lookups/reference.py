from collections import Counter

_PUNCTUATION = ".,;:!?\"'()"


def common_elements(a, b):
    """Set intersection (hash lookups), then one sort: O(n log n), inputs untouched."""
    return sorted(set(a) & set(b))


def word_frequencies(text):
    """One pass with a Counter (a dict): O(n) instead of list.count per word."""
    words = [piece.strip(_PUNCTUATION) for piece in text.lower().split()]
    return dict(Counter(filter(None, words)))
