"""Prints {"Class.test": outcome} for the one *_test.py file of a folder, as CPython's unittest
judges each test: passed (an expected failure too), failed (an unexpected success too), error,
skipped. The tests of a class whose setUpClass failed are not run by unittest; they are left out.
Used by UnittestBehavioursTest to prove the recorded verdicts are CPython's."""
import json
import os
import sys
import unittest

folder = os.path.abspath(sys.argv[1])
sys.path.insert(0, folder)
os.chdir(folder)
name = [f for f in os.listdir(folder) if f.endswith("_test.py")][0][:-3]
suite = unittest.defaultTestLoader.loadTestsFromName(name)


class Outcomes(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = {}

    def set(self, test, outcome):
        if hasattr(test, "_testMethodName"):
            self.outcomes[".".join(test.id().split(".")[-2:])] = outcome

    def addSuccess(self, test):
        self.outcomes.setdefault(".".join(test.id().split(".")[-2:]), "passed")

    def addFailure(self, test, err):
        self.set(test, "failed")

    def addError(self, test, err):
        self.set(test, "error")

    def addSkip(self, test, reason):
        self.set(test, "skipped")

    def addExpectedFailure(self, test, err):
        self.set(test, "passed")

    def addUnexpectedSuccess(self, test):
        self.set(test, "failed")

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.set(test, "failed" if issubclass(err[0], test.failureException) else "error")


result = Outcomes()
suite.run(result)
print(json.dumps(result.outcomes, sort_keys=True))
