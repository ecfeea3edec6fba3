"""Runs the tests of a unittest file as CPython's unittest does: one test, one check.

The harness loads this module (fresh for every grading, never importable by candidate code,
verified with the harness) when the checks are a unittest module: an exercise's checks.py
without @check, or an existing unittest file given to `pygrade grade --checks`.

What stays unittest's own: discovery order, setUp/tearDown and cleanups, setUpClass and
setUpModule, skips, expected failures, subTest, and each assertion's logic and message.
What pygrade adds, so that candidate code cannot forge a pass:
- The test file is compiled with every `x.assertSomething`, `x.fail`, `x.subTest` and
  `x.skipTest` read through `_bound`, which finds the method on the test's class (the test
  file's override, or unittest's own), never on the instance: code that reaches a test case
  through frames cannot shadow its assertions.
- Equality assertions (assertEqual and kin, assertIn, assertCountEqual, assertAlmostEqual,
  the order comparisons) judge plain values as data: a candidate's object is never equal to a
  plain value (an __eq__ that always says True earns nothing). Two objects that are not plain
  data (the candidate's own class, the test file's) are compared with == as unittest does, and
  the standard library's value types (date, Decimal, Fraction...) with their own ==.
- Each test runs in this module's frames, and what it does is sent to the host as it happens
  (report); the host, not Python, keeps the record a check is judged by.
"""

import ast as _ast
import sys as _sys
import types as _types
import unittest as _unittest
import unittest.case as _case

_type = type
_isinstance = isinstance
_issubclass = issubclass
_len = len
_str = str
_repr = repr
_getattr = getattr
_MethodType = _types.MethodType
_FunctionType = _types.FunctionType
_mro_of = type.__dict__["__mro__"].__get__
_dict_of = type.__dict__["__dict__"].__get__
_TestCase = _unittest.TestCase
_SkipTest = _unittest.SkipTest
_ShouldStop = _case._ShouldStop
_BaseException = BaseException
_Exception = Exception
_KeyboardInterrupt = KeyboardInterrupt
_safe_repr = _unittest.util.safe_repr
_UNITTEST_DIR = _unittest.__file__.rpartition("/")[0] + "/"

BOUND = "__pygrade_bound__"
RUNNER_FILE = "<pygrade unittest>"

# Set by bind() before any test runs.
_report = None          # host: report(event, ...) (see TestLog.java)
_describe = None        # harness: candidate frames of a traceback, as (file, line, function, source)
_is_candidate = None    # harness: whether a file name is one of the submission's
_test_file = None       # the test file's name as its frames show it
_test_lines = ()        # its source lines (empty when the tests are hidden checks)
_hidden = True          # hidden checks: their file and lines never reach a message
_loaded = {}            # "module": the test module once run (verified from then on)

# ---------------------------------------------------------------------------------------------
# Plain data: what the equality assertions judge as data, never through candidate code.

# Built-in types whose == is the interpreter's own: compared as they are (memoryview and
# bytearray equal bytes with the same content, as in CPython).
_SCALARS = frozenset((type(None), bool, int, float, complex, str, bytes, bytearray, memoryview, range))
_CONTAINERS = {list: "list", tuple: "tuple", dict: "dict", set: "set", frozenset: "set"}
# Builtin bases a subclass is read as when it keeps the base's equality (a named tuple, an
# IntEnum): read through the base's own methods, as CPython's == reads them.
_BASE_VIEWS = (
    (bool, None), (int, int.__int__), (float, float.__float__), (str, str.__str__),
    (bytes, bytes.__bytes__), (tuple, lambda x: tuple(tuple.__iter__(x))),
    (list, lambda x: list(list.__iter__(x))), (dict, lambda x: dict(dict.items(x))),
    (frozenset, lambda x: frozenset(frozenset.__iter__(x))), (set, lambda x: set(set.__iter__(x))),
)
# The standard library's value types, compared with their own == (their classes are verified
# with the checks): (module, class names).
_VALUE_TYPES = (
    ("datetime", ("date", "datetime", "time", "timedelta", "timezone")),
    ("_pydatetime", ("date", "datetime", "time", "timedelta", "timezone")),
    ("decimal", ("Decimal",)), ("_pydecimal", ("Decimal",)), ("fractions", ("Fraction",)),
    ("uuid", ("UUID",)), ("pathlib", ("PurePosixPath", "PosixPath", "PureWindowsPath")),
    ("ipaddress", ("IPv4Address", "IPv6Address", "IPv4Network", "IPv6Network")),
    ("collections", ("deque",)),
)
_values = {}  # class -> True, filled by value_types()
# The standard library's dicts that equal a plain dict with the same items: read as that dict.
_DICT_TYPES = (("collections", ("Counter", "OrderedDict", "defaultdict")),)
_dicts = {}  # class -> its (__eq__, __ne__), filled by value_types()


def value_types():
    """The standard library's value types loaded now (before any candidate code runs)."""
    for module_name, names in _VALUE_TYPES:
        module = _sys.modules.get(module_name)
        for name in names:
            cls = _getattr(module, name, None) if module is not None else None
            if _isinstance(cls, _type):
                _values[cls] = True
    for module_name, names in _DICT_TYPES:
        module = _sys.modules.get(module_name)
        for name in names:
            cls = _getattr(module, name, None) if module is not None else None
            if _isinstance(cls, _type) and _issubclass(cls, dict):
                _dicts[cls] = (_lookup(cls, "__eq__"), _lookup(cls, "__ne__"))
    return tuple(_values) + tuple(_dicts)


def _lookup(cls, name):
    """The class attribute name as the MRO holds it, read without running a metaclass."""
    for klass in _mro_of(cls):
        namespace = _dict_of(klass)
        if name in namespace:
            return namespace[name]
    return None


_OBJECT, _SCALAR, _TYPE, _VALUE = "object", "scalar", "type", "value"


def _kind(value):
    """(kind, value to compare): plain scalars, containers, classes, the standard library's value
    types, or 'object' (anything else, whose equality is its own code)."""
    cls = _type(value)
    if cls in _SCALARS:
        return _SCALAR, value
    container = _CONTAINERS.get(cls)
    if container is not None:
        return container, value
    if _issubclass(cls, _type):
        return _TYPE, value
    if cls in _values:
        return _VALUE, value
    for base, view in _BASE_VIEWS:
        if _issubclass(cls, base) and view is not None and _keeps_equality(cls, base):
            return _kind(view(value))
    return _OBJECT, value


def _keeps_equality(cls, base):
    """Whether cls compares as its builtin base does: its == and != are the base's (or, for a
    dict, those of the standard library's Counter, OrderedDict or defaultdict)."""
    eq, ne = _lookup(cls, "__eq__"), _lookup(cls, "__ne__")
    if eq is _lookup(base, "__eq__") and ne is _lookup(base, "__ne__"):
        return True
    return base is dict and any(eq is own_eq and ne is own_ne for own_eq, own_ne in _dicts.values())


def _describe_type(value):
    return _type(value).__name__


def _differ(first, second, negate=False):
    """None when first == second holds as unittest would judge it (first != second when negate),
    else a reason: '' for a plain difference, or why a candidate's object was not asked."""
    kind_a, a = _kind(first)
    kind_b, b = _kind(second)
    if kind_a == _OBJECT and kind_b == _OBJECT:
        # the objects' own equality, as unittest asks it
        if negate:
            return None if a != b else ""
        return None if a == b else ""
    if kind_a == _OBJECT or kind_b == _OBJECT:
        obj, other = (first, second) if kind_a == _OBJECT else (second, first)
        if negate:
            return None
        return ("pygrade compares plain values as data: a %s object is never equal to %s %s"
                % (_describe_type(obj), "a" if kind_a != kind_b else "the", _describe_type(other)))
    equal = _equal(kind_a, a, kind_b, b)
    if negate:
        return "" if equal is None else None
    return equal


def _equal(kind_a, a, kind_b, b):
    """None when equal; a reason otherwise. Neither side is an 'object' at the top."""
    if kind_a == _VALUE or kind_b == _VALUE:
        if kind_a in (_VALUE, _SCALAR) and kind_b in (_VALUE, _SCALAR):
            return None if a == b else ""
        return ""
    if kind_a == _SCALAR and kind_b == _SCALAR:
        # builtin scalars: == is the interpreter's, no candidate code runs
        return None if a == b else ""
    if kind_a == _TYPE or kind_b == _TYPE:
        return None if a is b else ""
    if kind_a != kind_b:
        return ""
    if kind_a in ("list", "tuple"):
        if _len(a) != _len(b):
            return ""
        for x, y in zip(a, b):
            reason = _item_differs(x, y)
            if reason is not None:
                return reason
        return None
    if kind_a == "dict":
        if _len(a) != _len(b):
            return ""
        plain_keys = {}
        other_keys = []
        for key in b:
            if _kind(key)[0] == _OBJECT:
                other_keys.append(key)
            else:
                plain_keys[_key_of(key)] = key
        for key, value in a.items():
            match = _find_key(key, plain_keys, other_keys)
            if match is _MISSING:
                return ""
            reason = _item_differs(value, b[match])
            if reason is not None:
                return reason
        return None
    if kind_a == "set":
        if _len(a) != _len(b):
            return ""
        remaining = list(b)
        for x in a:
            for index, y in enumerate(remaining):
                if _item_differs(x, y) is None:
                    del remaining[index]
                    break
            else:
                return ""
        return None
    return ""


_MISSING = object()


def _key_of(key):
    """A hashable stand-in for a plain key that is equal where Python's keys would be."""
    kind, value = _kind(key)
    if kind == "tuple":
        return ("tuple",) + tuple(_key_of(item) for item in value)
    if kind == "set":
        return ("set", frozenset(_key_of(item) for item in value))
    if kind == _TYPE:
        return ("type", id(value))
    return (kind, value) if kind != _SCALAR else value


def _find_key(key, plain_keys, other_keys):
    if _kind(key)[0] != _OBJECT:
        try:
            return plain_keys.get(_key_of(key), _MISSING)
        except TypeError:
            return _MISSING
    for other in other_keys:
        if other is key or _differ(key, other) is None:
            return other
    return _MISSING


def _item_differs(x, y):
    """Items of containers: identity first, as Python's containers compare."""
    if x is y:
        return None
    return _differ(x, y)


# ---------------------------------------------------------------------------------------------
# Assertions: unittest's own where no equality is judged, pygrade's where one is. A failure is
# unittest's message (its repr, its diff); where unittest would have called a candidate's object
# equal to a plain value, the message says why pygrade did not.

_ORIGINAL = {name: value for name, value in _dict_of(_TestCase).items()
             if _isinstance(value, _FunctionType)}


def _fail_with(self, original, reason, msg, *args):
    """Asks unittest's own assertion for its message; if it passes (a candidate's __eq__ said
    yes), fails with pygrade's reason."""
    original(self, *args, msg)
    detail = "%s != %s" % (_safe_repr(args[0]), _safe_repr(args[1]))
    if reason:
        detail += " (" + reason + ")"
    raise self.failureException(self._formatMessage(msg, detail))


def assertEqual(self, first, second, msg=None):
    reason = _differ(first, second)
    if reason is not None:
        _fail_with(self, _ORIGINAL["assertEqual"], reason, msg, first, second)


def assertNotEqual(self, first, second, msg=None):
    if _differ(first, second, negate=True) is not None:
        _ORIGINAL["assertNotEqual"](self, first, second, msg)
        raise self.failureException(self._formatMessage(
            msg, "%s == %s" % (_safe_repr(first), _safe_repr(second))))


def _typed_equal(name, expected_type):
    def assertion(self, first, second, msg=None):
        if _isinstance(first, expected_type) and _isinstance(second, expected_type):
            reason = _differ(first, second)
            if reason is None:
                return
            _fail_with(self, _ORIGINAL[name], reason, msg, first, second)
        _ORIGINAL[name](self, first, second, msg)  # unittest's own type message
    assertion.__name__ = name
    return assertion


assertListEqual = _typed_equal("assertListEqual", list)
assertTupleEqual = _typed_equal("assertTupleEqual", tuple)
assertDictEqual = _typed_equal("assertDictEqual", dict)
assertSetEqual = _typed_equal("assertSetEqual", (set, frozenset))
assertMultiLineEqual = _typed_equal("assertMultiLineEqual", str)


def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
    original = _ORIGINAL["assertSequenceEqual"]
    if seq_type is not None and not (_isinstance(seq1, seq_type) and _isinstance(seq2, seq_type)):
        original(self, seq1, seq2, msg, seq_type)
        return
    try:
        first, second = list(seq1), list(seq2)
    except (TypeError, NotImplementedError):
        original(self, seq1, seq2, msg, seq_type)
        return
    reason = _differ(first, second)
    if reason is not None:
        original(self, seq1, seq2, msg, seq_type)
        raise self.failureException(self._formatMessage(
            msg, "%s != %s (%s)" % (_safe_repr(seq1), _safe_repr(seq2), reason or "sequences differ")))


def assertCountEqual(self, first, second, msg=None):
    first_seq, second_seq = list(first), list(second)
    remaining = list(second_seq)
    for item in first_seq:
        for index, other in enumerate(remaining):
            if _item_differs(item, other) is None:
                del remaining[index]
                break
        else:
            break
    else:
        if not remaining:
            return
    _ORIGINAL["assertCountEqual"](self, first_seq, second_seq, msg)
    raise self.failureException(self._formatMessage(
        msg, "Element counts were not equal: %s and %s" % (_safe_repr(first_seq), _safe_repr(second_seq))))


_MEMBERSHIP = (list, tuple, set, frozenset, dict)


def _contains(member, container):
    """None when member is in container (a plain container), a reason otherwise."""
    if _type(container) is dict:
        for key in container:
            if _item_differs(member, key) is None:
                return None
        return ""
    for item in container:
        if _item_differs(member, item) is None:
            return None
    return ""


def assertIn(self, member, container, msg=None):
    if _type(container) not in _MEMBERSHIP:
        _ORIGINAL["assertIn"](self, member, container, msg)  # the container's own `in`
        return
    if _contains(member, container) is not None:
        _ORIGINAL["assertIn"](self, member, container, msg)
        raise self.failureException(self._formatMessage(
            msg, "%s not found in %s" % (_safe_repr(member), _safe_repr(container))))


def assertNotIn(self, member, container, msg=None):
    if _type(container) not in _MEMBERSHIP:
        _ORIGINAL["assertNotIn"](self, member, container, msg)
        return
    if _contains(member, container) is None:
        _ORIGINAL["assertNotIn"](self, member, container, msg)
        raise self.failureException(self._formatMessage(
            msg, "%s unexpectedly found in %s" % (_safe_repr(member), _safe_repr(container))))


def _mixed(first, second):
    """Whether one side is a candidate's object and the other plain data."""
    kind_a, kind_b = _kind(first)[0], _kind(second)[0]
    return (kind_a == _OBJECT) != (kind_b == _OBJECT)


def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
    if _differ(first, second) is None:
        return
    if _mixed(first, second):
        detail = "%s != %s (%s)" % (_safe_repr(first), _safe_repr(second), _differ(first, second))
        raise self.failureException(self._formatMessage(msg, detail))
    _ORIGINAL["assertAlmostEqual"](self, first, second, places, msg, delta)


def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
    if _mixed(first, second):
        return
    _ORIGINAL["assertNotAlmostEqual"](self, first, second, places, msg, delta)


def _ordered(name, symbol):
    def assertion(self, a, b, msg=None):
        if _mixed(a, b):
            raise self.failureException(self._formatMessage(msg, "%s not %s %s (pygrade compares plain values as "
                                                            "data: a %s object is not ordered against plain data)"
                                                            % (_safe_repr(a), symbol, _safe_repr(b),
                                                               _describe_type(a if _kind(a)[0] == _OBJECT else b))))
        _ORIGINAL[name](self, a, b, msg)
    assertion.__name__ = name
    return assertion


assertLess = _ordered("assertLess", "less than")
assertLessEqual = _ordered("assertLessEqual", "less than or equal to")
assertGreater = _ordered("assertGreater", "greater than")
assertGreaterEqual = _ordered("assertGreaterEqual", "greater than or equal to")

# ---------------------------------------------------------------------------------------------
# subTest and skipTest: told to the host as they happen.


class _Skip(_BaseException):
    """Ends a test that skipTest() skipped (already reported)."""


def skipTest(self, reason):
    _report("skip", _str(reason))
    raise _Skip()


class _SubTest:
    """The context manager of subTest(): a failure inside is reported to the host and the test
    goes on after the block, as unittest does."""
    __slots__ = ("case", "description")

    def __init__(self, case, description):
        self.case = case
        self.description = description

    def __enter__(self):
        return None

    def __exit__(self, kind, error, traceback):
        if error is None:
            return False
        if _isinstance(error, (_KeyboardInterrupt, _Skip)):
            return False
        if _isinstance(error, _SkipTest):
            report_skip(error, self.description)
            return True
        _report("subtest", self.description + "\n" + _message(error))
        return True


def subTest(self, msg=_case._subtest_msg_sentinel, **params):
    parts = []
    if msg is not _case._subtest_msg_sentinel:
        parts.append("[%s]" % (msg,))
    if params:
        parts.append("(%s)" % ", ".join("%s=%s" % (key, _safe_repr(value)) for key, value in params.items()))
    return _SubTest(self, "subtest " + (" ".join(parts) or "(<subtest>)"))


_ROUTED = {function.__name__: function for function in (
    assertEqual, assertNotEqual, assertListEqual, assertTupleEqual, assertDictEqual, assertSetEqual,
    assertMultiLineEqual, assertSequenceEqual, assertCountEqual, assertIn, assertNotIn, assertAlmostEqual,
    assertNotAlmostEqual, assertLess, assertLessEqual, assertGreater, assertGreaterEqual, subTest, skipTest)}
_ROUTED_NAMES = frozenset(name for name in _ORIGINAL
                          if name.startswith("assert") or name in ("fail", "subTest", "skipTest"))
_UNITTEST_CLASSES = [_TestCase, _unittest.FunctionTestCase]


def _bound(obj, name):
    """obj.name for test code: a test case's methods come from its class (the test file's
    override, or unittest's, with pygrade's equality), never from the instance."""
    if _isinstance(obj, _TestCase):
        for klass in _mro_of(_type(obj)):
            namespace = _dict_of(klass)
            if name in namespace:
                value = namespace[name]
                if any(klass is own for own in _UNITTEST_CLASSES):
                    value = _ROUTED.get(name, value)
                if _isinstance(value, _FunctionType):
                    return _MethodType(value, obj)
                break
    return _getattr(obj, name)


class _Rewrite(_ast.NodeTransformer):
    """`x.assertEqual` -> `__pygrade_bound__(x, "assertEqual")`, for every routed name."""

    def visit_Attribute(self, node):
        self.generic_visit(node)
        if _isinstance(node.ctx, _ast.Load) and node.attr in _ROUTED_NAMES:
            call = _ast.Call(func=_ast.Name(id=BOUND, ctx=_ast.Load()),
                             args=[node.value, _ast.Constant(value=node.attr)], keywords=[])
            return _ast.copy_location(call, node)
        return node


def compile_tests(source, filename):
    """The test file's code, with its test-case methods read through _bound."""
    tree = _ast.parse(source, filename)
    tree = _ast.fix_missing_locations(_Rewrite().visit(tree))
    return compile(tree, filename, "exec")


# ---------------------------------------------------------------------------------------------
# Discovery, as unittest.defaultTestLoader.loadTestsFromModule does it: test-case classes by
# name, their test methods by name.

def plan(source, filename):
    """((class name, method name, first docstring line), ...) of a test file not yet run: read
    from its syntax tree, classes inheriting the tests of classes defined before in the file."""
    tree = _ast.parse(source, filename)
    classes = {node.name: node for node in tree.body if _isinstance(node, _ast.ClassDef)}

    def base_names(node):
        return [base.id if _isinstance(base, _ast.Name) else base.attr if _isinstance(base, _ast.Attribute)
                else "" for base in node.bases]

    def is_test_case(node, seen=()):
        for base in base_names(node):
            if base.endswith("TestCase"):
                return True
            if base in classes and base not in seen and is_test_case(classes[base], seen + (node.name,)):
                return True
        return False

    def methods(node, seen=()):
        found = {}
        for base in reversed(base_names(node)):
            if base in classes and base not in seen:
                found.update(methods(classes[base], seen + (node.name,)))
        for item in node.body:
            if _isinstance(item, (_ast.FunctionDef, _ast.AsyncFunctionDef)) and item.name.startswith("test"):
                found[item.name] = (_ast.get_docstring(item) or "").strip().split("\n")[0]
        return found

    tests = []
    for name in sorted(classes):
        node = classes[name]
        if is_test_case(node):
            found = methods(node)
            tests.extend((name, method, found[method]) for method in sorted(found))
    return tuple(tests)


def plan_of(module):
    """The same, for a module already run (an exercise's checks.py)."""
    loader = _unittest.defaultTestLoader
    tests = []
    for name in sorted(module.__dict__):
        value = module.__dict__[name]
        if _isinstance(value, _type) and _issubclass(value, _TestCase) \
                and not any(value is own for own in _UNITTEST_CLASSES):
            for method in loader.getTestCaseNames(value):
                doc = (_getattr(_getattr(value, method), "__doc__", None) or "").strip().split("\n")[0]
                tests.append((name, method, doc))
    return tuple(tests)


# ---------------------------------------------------------------------------------------------
# Running one test.

def bind(report, describe, is_candidate, test_file, test_lines, hidden):
    global _report, _describe, _is_candidate, _test_file, _test_lines, _hidden
    _report, _describe, _is_candidate = report, describe, is_candidate
    _test_file, _test_lines, _hidden = test_file, tuple(test_lines), hidden


def load(source, module):
    """Runs the test file's code into module (seeded by the harness), which the fixtures of its
    classes are then looked up in; answers it."""
    module.__dict__[BOUND] = _bound
    exec(compile_tests(source, module.__file__), module.__dict__)
    _loaded["module"] = module
    return module


def _message(error):
    """'file:line: source' of the test file's last frame (unless hidden), the exception, and the
    candidate's frames under it."""
    lines = []
    if not _hidden:
        location = None
        tb = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == _test_file:
                location = tb.tb_lineno
            tb = tb.tb_next
        if location is not None:
            text = _test_lines[location - 1].strip() if 0 < location <= _len(_test_lines) else ""
            lines.append("%s:%d: %s" % (_test_file, location, text))
    try:
        text = _str(error)
    except _BaseException:
        text = "<the exception could not be printed>"
    lines.append(_type(error).__name__ + (": " + text if text else ""))
    for file, line, function, source in _describe(error):
        lines.append("  %s, line %d, in %s%s" % (file, line, function, ": " + source if source else ""))
    return "\n".join(lines)


def report_skip(error, description=""):
    """A SkipTest counts only when the test file raised it; raised by the candidate's code it is
    an error (an answer cannot skip the tests it fails)."""
    origin = None
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.startswith(_UNITTEST_DIR):
            origin = filename
        tb = tb.tb_next
    if origin is not None and _is_candidate(origin):
        _report("fail", (description + "\n" if description else "")
                + "the answer raised unittest.SkipTest; an answer cannot skip tests\n" + _message(error))
        return
    _report("skip", _str(error))


def _phase(call):
    """Runs one part of a test. Answers None, or the exception it raised (skips reported)."""
    try:
        call()
    except _Skip:
        return _Skip
    except _SkipTest as error:
        report_skip(error)
        return _Skip
    except _ShouldStop as error:
        return error
    except _BaseException as error:
        return error
    return None


def _setup_class(case_class):
    """setUpModule and setUpClass once per context while they succeed; answers None or what
    they raised (run again for the next test of the class: a failure is never remembered)."""
    module = _loaded.get("module")
    if module is not None and not _report("fixture?", "module"):
        setup = module.__dict__.get("setUpModule")
        if setup is not None:
            error = _phase(setup)
            if error is not None:
                return error
        _report("fixture!", "module")
    key = "class %s %d" % (case_class.__qualname__, id(case_class))
    if _report("fixture?", key):
        return None
    previous = _report("previous?")
    if previous is not None and previous is not case_class:
        teardown = _getattr(previous, "tearDownClass", None)
        if teardown is not None:
            _phase(teardown)
    if _getattr(case_class, "__unittest_skip__", False):
        return None
    error = _phase(case_class.setUpClass)
    if error is None:
        _report("fixture!", key)
        _report("previous!", case_class)
    return error


def test(class_name, method_name):
    """The check that runs the test file's class_name(method_name) as unittest would."""

    def run(_solution):
        case_class = _loaded["module"].__dict__.get(class_name)
        if not (_isinstance(case_class, _type) and _issubclass(case_class, _TestCase)):
            _report("start", False)
            _report("fail", "the test file has no test case class %s" % class_name)
            return
        function = _lookup(case_class, method_name)
        expecting = bool(_getattr(case_class, "__unittest_expecting_failure__", False)
                         or _getattr(function, "__unittest_expecting_failure__", False))
        _report("start", expecting)
        if function is None:
            _report("fail", "%s has no test %s" % (case_class.__name__, method_name))
            return
        if _getattr(case_class, "__unittest_skip__", False) or _getattr(function, "__unittest_skip__", False):
            _report("skip", _getattr(case_class, "__unittest_skip_why__", "")
                    or _getattr(function, "__unittest_skip_why__", ""))
            return
        error = _setup_class(case_class)
        if error is not None:
            if error is not _Skip:
                _report("error", "setUpClass failed\n" + _message(error))
            return
        case = case_class(method_name)
        asyncio_runner = _lookup(case_class, "_setupAsyncioRunner")
        if asyncio_runner is not None:
            asyncio_runner(case)
        try:
            _run_case(case, case_class, function, expecting)
        finally:
            if asyncio_runner is not None:
                _lookup(case_class, "_tearDownAsyncioRunner")(case)
    return run


def _failure_kind(case, error):
    """'fail' for an assertion that failed (unittest's failure), 'error' for anything else raised."""
    failure = _lookup(_type(case), "failureException")
    return "fail" if _isinstance(failure, _type) and _isinstance(error, failure) else "error"


def _run_case(case, case_class, function, expecting):
    case._outcome = None  # subTest() is pygrade's: nothing reads unittest's outcome
    error = _phase(lambda: _lookup(case_class, "_callSetUp")(case))
    if error is not None and error is not _Skip:
        _report(_failure_kind(case, error), "setUp failed\n" + _message(error))
    elif error is None:
        raised = _phase(lambda: _lookup(case_class, "_callTestMethod")(case, _MethodType(function, case)))
        if _isinstance(raised, _ShouldStop):
            _report("fail", "the answer raised unittest's internal _ShouldStop\n" + _message(raised))
        elif raised is not None and raised is not _Skip:
            _report("expected" if expecting else _failure_kind(case, raised), _message(raised))
        error = _phase(lambda: _lookup(case_class, "_callTearDown")(case))
        if error is not None and error is not _Skip:
            _report(_failure_kind(case, error), "tearDown failed\n" + _message(error))
    cleanups = case._cleanups
    while cleanups:
        call, args, kwargs = cleanups.pop()
        error = _phase(lambda: call(*args, **kwargs))
        if error is not None and error is not _Skip:
            _report(_failure_kind(case, error), "a cleanup failed\n" + _message(error))
    _report("done")
