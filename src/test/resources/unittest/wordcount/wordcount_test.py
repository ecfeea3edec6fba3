# A unittest file with support files beside it: a data file the tests read, and a helper module.
import unittest

from wordcount import count_words
from wordcount_expected import EXPECTED


class WordCountTest(unittest.TestCase):
    def test_counts_the_words_of_the_data_file(self):
        with open("words.txt", encoding="utf-8") as data:
            text = data.read()
        self.assertEqual(count_words(text), EXPECTED)

    def test_empty_text(self):
        """no words in an empty text"""
        self.assertEqual(count_words(""), {})
