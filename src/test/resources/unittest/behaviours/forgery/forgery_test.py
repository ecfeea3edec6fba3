import unittest

from solution import add, divide, items, shadow_assertions


class ForgeryTest(unittest.TestCase):
    def test_always_equal_object(self):
        self.assertEqual(add(1, 2), 3)

    def test_always_equal_in_a_list(self):
        self.assertEqual(items(), [3])

    def test_always_equal_almost(self):
        self.assertAlmostEqual(add(0.1, 0.2), 0.3)

    def test_always_equal_ordered(self):
        self.assertGreater(add(1, 2), 10)

    def test_answer_skips_itself(self):
        self.assertEqual(divide(6, 3), 2)

    def test_shadowed_assertion(self):
        value = shadow_assertions()
        self.assertEqual(value, 1)
