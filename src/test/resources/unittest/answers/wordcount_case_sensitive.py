# A plausible mistake: "The" and "the" counted apart.
from collections import Counter


def count_words(text):
    return dict(Counter(text.split()))
