"""Hidden checks made from an existing unittest file, for
`pygrade grade --checks path/to/foo_test.py --module foo solution.py`.

pygrade appends one line to this file: `_adapt(<JSON text>)`, the JSON holding
    {"test_file": "foo_test.py", "test_source": "...", "module": "foo", "files": {"data/x.txt": "..."}}
and grades with the result as checks.py, through the one grading path.

Each test method of each TestCase class is one check of weight 1, named TestClass.test_method.
The test file usually imports the solution at its top (`from foo import bar`), and the solution
is imported only after the checks are loaded; so the classes and methods are found by reading
the file (ast), and the file is run once, as a module of its own, when the first check runs.
Whatever else it imports is imported now, while the checks load, so that it is part of what
the grader protects from the candidate's code.

assertEqual / assertNotEqual compare as plain data outside Python (an __eq__ that always says
True earns nothing); the other assertions are unittest's own. A failed check's message is the
test file's line and the assertion's message.
"""

import ast
import json
import os
import re
import sys
import types
import unittest

from pygrade import _observe, check, fail

# Named here so that the grader snapshots these classes: a candidate that patches
# unittest.TestCase.assertTrue then ends the grading as tampering.
TestCase = unittest.TestCase
TestResult = unittest.TestResult

# the unfiltered one, which the harness gives checks (sys._getframe hides grader frames)
_getframe = globals().get("_pygrade_getframe", sys._getframe)
_exec = exec
_compile = compile
_loaded = {}


def _adapt(payload):
    spec = json.loads(payload)
    test_file, source, module = spec["test_file"], spec["test_source"], spec["module"]
    tree = ast.parse(source, test_file)
    _write_files(spec.get("files", {}))
    _preimport(tree, module, set(spec.get("modules", [])))
    lines = source.splitlines()
    _route_assertions(test_file, lines)
    for class_name, method, doc in _test_methods(tree):
        # without a docstring, the method's name read as words: test_year_2015 -> "year 2015"
        words = method[len("test"):].replace("_", " ").strip() or method
        check(name=class_name + "." + method, weight=1, description=doc or words)(
            _runner(test_file, source, class_name, method, lines))


def _write_files(files):
    """Support files beside the test file, into the sandbox's in-memory file system."""
    for path, text in sorted(files.items()):
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)


def _preimport(tree, module, own_modules):
    """Imports now what the test file imports, except the solution and the support modules
    (those are loaded with the solution)."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    for name in names:
        top = name.split(".")[0]
        if top == module or top in own_modules:
            continue
        try:
            __import__(name)
        except ImportError:
            pass  # the test file will say so itself when it runs


def _test_methods(tree):
    """(class, method, first docstring line) of every test, in the file's order; classes
    inherit the tests of classes defined earlier in the file."""
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}

    def base_names(node):
        return [base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else ""
                for base in node.bases]

    def is_test_case(node, seen=()):
        for base in base_names(node):
            if base.endswith("TestCase"):
                return True
            if base in classes and base not in seen and is_test_case(classes[base], seen + (node.name,)):
                return True
        return False

    def methods(node, seen=()):
        found = []
        for base in base_names(node):
            if base in classes and base not in seen:
                found.extend(methods(classes[base], seen + (node.name,)))
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                found = [entry for entry in found if entry[0] != item.name]
                doc = (ast.get_docstring(item) or "").strip().split("\n")[0]
                found.append((item.name, doc))
        return found

    tests = []
    for name, node in classes.items():
        if is_test_case(node):
            tests.extend((name, method, doc) for method, doc in methods(node))
    return tests


def _load(test_file, source):
    """The test file as a module, run once (its top-level imports the solution)."""
    if "module" not in _loaded:
        module = types.ModuleType(os.path.splitext(os.path.basename(test_file))[0])
        module.__file__ = test_file
        _exec(_compile(source, test_file, "exec"), module.__dict__)
        _loaded["module"] = module
    return _loaded["module"]


_LOCATION = re.compile(r'File "([^"]*)", line (\d+)')


def _runner(test_file, source, class_name, method, lines):
    def run(_solution):
        case_class = getattr(_load(test_file, source), class_name)
        result = unittest.TestResult()
        case_class(method).run(result)
        for _, text in result.failures + result.errors:
            fail(_failure(test_file, text, lines))
        for _, reason in result.skipped:
            fail("skipped: " + reason)
        if result.expectedFailures:
            return  # an expected failure that failed: unittest counts it a success
        if result.unexpectedSuccesses:
            fail("marked @expectedFailure, but passed")
        _observe("equal", method + " ran", True, True)
    return run


def _failure(test_file, text, lines):
    """'leap_test.py:12: AssertionError: True is not False' from a formatted traceback."""
    text = text.strip()
    last = text.splitlines()[-1] if text else "failed"
    found = [int(line) for name, line in _LOCATION.findall(text) if name == test_file]
    return "%s:%d: %s" % (test_file, found[-1], last) if found else last


def _route_assertions(test_file, lines):
    def where(msg, call):
        frame = _getframe(2)
        while frame is not None and frame.f_code.co_filename != test_file:
            frame = frame.f_back
        if frame is None:
            return msg or call
        line = frame.f_lineno
        text = lines[line - 1].strip() if 0 < line <= len(lines) else call
        return "%s:%d: %s%s" % (test_file, line, text, " (%s)" % msg if msg else "")

    def assertEqual(self, first, second, msg=None):
        _observe("equal_loose", where(msg, "assertEqual"), first, second)

    def assertNotEqual(self, first, second, msg=None):
        _observe("not_equal_loose", where(msg, "assertNotEqual"), first, second)

    for name in ("assertEqual", "assertEquals", "assertListEqual", "assertTupleEqual", "assertDictEqual"):
        setattr(unittest.TestCase, name, assertEqual)
    unittest.TestCase.assertNotEqual = assertNotEqual
