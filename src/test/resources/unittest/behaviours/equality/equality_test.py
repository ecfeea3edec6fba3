import datetime
import unittest
from decimal import Decimal
from fractions import Fraction

from solution import Clock, half, meetup, price


class EqualityTest(unittest.TestCase):
    def test_clocks_equal_through_their_eq(self):
        self.assertEqual(Clock(15, 37), Clock(15, 37))
        self.assertEqual(Clock(24, 0), Clock(0, 0))

    def test_clocks_not_equal(self):
        self.assertNotEqual(Clock(15, 37), Clock(15, 36))

    def test_clock_as_text(self):
        self.assertEqual(str(Clock(8, 0)), "08:00")

    def test_a_date(self):
        self.assertEqual(meetup(2013, 5), datetime.date(2013, 5, 13))

    def test_value_types(self):
        self.assertEqual(half(), Fraction(1, 2))
        self.assertEqual(half(), 0.5)
        self.assertEqual(price(), Decimal("1.5"))

    def test_clocks_differ(self):
        self.assertEqual(Clock(10, 0), Clock(11, 0))

    def test_wrong_date(self):
        self.assertEqual(meetup(2013, 5), datetime.date(2013, 5, 14))

    def test_numbers_as_python_compares_them(self):
        self.assertEqual(1, 1.0)
        self.assertEqual(True, 1)
        self.assertEqual({1: "a"}, {1.0: "a"})
