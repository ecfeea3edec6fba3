import unittest

from solution import halve


class ExpectedFailureTest(unittest.TestCase):
    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(halve(3), 1.5)

    @unittest.expectedFailure
    def test_fixed_bug(self):
        self.assertEqual(halve(4), 2)

    @unittest.expectedFailure
    def test_known_crash(self):
        halve(None)

    def test_plain(self):
        self.assertEqual(halve(8), 4)
