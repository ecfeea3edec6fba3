import unittest

from solution import old_api, parse_age


class RaisesTest(unittest.TestCase):
    def test_type_of_the_exception(self):
        with self.assertRaises(ValueError) as err:
            parse_age("x")
        self.assertEqual(type(err.exception), ValueError)
        self.assertEqual(err.exception.args[0], "not a number: 'x'")

    def test_as_a_callable(self):
        self.assertRaises(ValueError, parse_age, "x")

    def test_regex(self):
        with self.assertRaisesRegex(ValueError, "not a number"):
            parse_age("y")

    def test_warns(self):
        with self.assertWarns(DeprecationWarning):
            old_api()

    def test_wrong_type_expected(self):
        with self.assertRaises(TypeError):
            parse_age("x")

    def test_nothing_raised(self):
        with self.assertRaises(ValueError):
            parse_age("42")

    def test_class_compared_as_class(self):
        self.assertEqual(type(parse_age("7")), int)
        self.assertNotEqual(type(parse_age("7")), str)

    def test_class_differs(self):
        self.assertEqual(type(parse_age("7")), str)
