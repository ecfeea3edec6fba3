import unittest


def add(a, b):
    return a + b


class TestMath(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(add(2, 3), 5)
        self.assertEqual(add(10, 32), 42)

    def test_zero(self):
        self.assertEqual(add(0, 7), 7)
        self.assertEqual(add(7, 0), 7)
        self.assertEqual(add(0, 0), 0)

    def test_negative(self):
        self.assertEqual(add(-2, -3), -5)
        self.assertEqual(add(-4, 10), 6)
        self.assertEqual(add(4, -10), -6)

    def test_floats(self):
        self.assertAlmostEqual(add(0.1, 0.2), 0.3)
        self.assertAlmostEqual(add(2.5, -1.25), 1.25)

    def test_commutative(self):
        self.assertEqual(add(3, 9), add(9, 3))


if __name__ == "__main__":
    unittest.main()
