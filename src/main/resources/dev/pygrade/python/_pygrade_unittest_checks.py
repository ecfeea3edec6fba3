"""Hidden checks made from an existing unittest file, for
`pygrade grade --checks path/to/foo_test.py --module foo solution.py`.

pygrade appends one line to this file: `_adapt(<JSON text>)`, the JSON holding
    {"test_file": "foo_test.py", "test_source": "...", "module": "foo", "files": {"data/x.txt": "..."},
     "modules": ["helper"]}
and grades with the result as checks.py, through the one grading path.

This module only prepares: it writes the support files into the sandbox's file system, imports
now what the test file imports (so that it is part of what the grader protects from the
candidate's code), and names the test file in _pygrade_unittest_file. The harness's unittest
runner (_pygrade_unittest.py) makes each test method a check of weight 1 and runs the file once
the answer is imported (its top level usually imports the answer), as CPython's unittest would.
"""

import ast
import json
import os
import unittest

_pygrade_unittest_file = None


def _adapt(payload):
    global _pygrade_unittest_file
    spec = json.loads(payload)
    test_file, source, module = spec["test_file"], spec["test_source"], spec["module"]
    _write_files(spec.get("files", {}))
    try:
        tree = ast.parse(source, test_file)
    except SyntaxError:
        tree = None  # the runner reports it, located, when it reads the file
    if tree is not None:
        _preimport(tree, module, set(spec.get("modules", [])))
    _pygrade_unittest_file = (test_file, source)


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
    (those are loaded with the solution); and unittest's asyncio test case if the file names it
    (unittest binds it on first access, which would otherwise change the package later)."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
        elif isinstance(node, (ast.Name, ast.Attribute)) \
                and getattr(node, "id", getattr(node, "attr", None)) == "IsolatedAsyncioTestCase":
            names.append("unittest:IsolatedAsyncioTestCase")
    for name in names:
        name, _, attribute = name.partition(":")
        top = name.split(".")[0]
        if top == module or top in own_modules:
            continue
        try:
            imported = __import__(name)
            if attribute:
                getattr(imported, attribute)
        except (ImportError, AttributeError):
            pass  # the test file will say so itself when it runs
