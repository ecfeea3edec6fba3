# A hostile answer: every trick here would earn a pass from a naive grader; under CPython's
# unittest several do. pygrade must grade each as failed (or end the grading as tampering).
import sys
import unittest


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __lt__(self, other):
        return True

    __gt__ = __le__ = __ge__ = __lt__


def add(a, b):
    return AlwaysEqual()


def items():
    return [AlwaysEqual()]


def divide(a, b):
    raise unittest.SkipTest("nothing to see here")


def shadow_assertions():
    # reach the running test case through the frames and shadow its assertions
    frame = sys._getframe(1)
    while frame is not None:
        case = frame.f_locals.get("self")
        if isinstance(case, unittest.TestCase):
            case.assertEqual = lambda *args, **kwargs: None
            case.assertTrue = lambda *args, **kwargs: None
            break
        frame = frame.f_back
    return 0
