import unittest

from solution import is_even


class SubTestsTest(unittest.TestCase):
    def test_small_evens(self):
        for n in (0, 2, 4):
            with self.subTest(n=n):
                self.assertTrue(is_even(n))

    def test_evens_up_to_ten(self):
        for n in (0, 2, 4, 6, 8, 10):
            with self.subTest("even", n=n):
                self.assertTrue(is_even(n))

    def test_odds(self):
        for n in (1, 3, 5):
            with self.subTest(n=n):
                self.assertFalse(is_even(n))

    def test_subtest_then_more(self):
        with self.subTest(n=6):
            self.assertTrue(is_even(6))
        self.assertTrue(is_even(2))
