import sys
import unittest

from solution import square


class SkipsTest(unittest.TestCase):
    def test_square(self):
        self.assertEqual(square(3), 9)

    @unittest.skip("extra credit")
    def test_extra_credit(self):
        self.assertEqual(square(3), 10)

    @unittest.skipIf(sys.version_info >= (3, 0), "not on Python 3")
    def test_python_two(self):
        self.fail("never runs")

    @unittest.skipUnless(False, "never")
    def test_never(self):
        self.fail("never runs")

    def test_skips_itself(self):
        self.skipTest("not today")
        self.fail("never reached")

    def test_raises_skip(self):
        raise unittest.SkipTest("skipped by raising")


@unittest.skip("the whole class")
class SkippedClassTest(unittest.TestCase):
    def test_in_skipped_class(self):
        self.fail("never runs")


class SkipInSetUpTest(unittest.TestCase):
    def setUp(self):
        self.skipTest("no set-up today")

    def test_after_setup_skip(self):
        self.fail("never runs")
