import collections.abc
import types
import typing

from pygrade import check, expect_equal, expect_is, expect_true, fail


def _hints(function, name):
    try:
        return typing.get_type_hints(function)
    except Exception as error:
        fail(f"typing.get_type_hints({name}) raised {type(error).__name__}: {error} "
             "(annotate with names the module imports)")


def _keys(hints):
    return sorted(str(key) for key in hints)


def _expect_dict_str_int(hint, what):
    if typing.get_origin(hint) is None:
        fail(f"{what} is {hint!r}: it should be dict[str, int], with the key and value types")
    expect_is(typing.get_origin(hint), dict, f"the container type of {what} (should be dict[str, int]; it is {hint!r})")
    args = typing.get_args(hint)
    expect_equal(len(args), 2, f"number of type arguments of {what} (should be dict[str, int]; it is {hint!r})")
    expect_is(args[0], str, f"the key type of {what} (should be str; it is {args[0]!r})")
    expect_is(args[1], int, f"the value type of {what} (should be int; it is {args[1]!r})")


@check(weight=1, description="add(a, b) returns a + b")
def add_behaviour(solution):
    expect_equal(solution.add(2, 3), 5, "add(2, 3)")
    expect_equal(solution.add(-4, 4), 0, "add(-4, 4)")


@check(weight=1, description="add is annotated (a: int, b: int) -> int")
def add_hints(solution):
    hints = _hints(solution.add, "add")
    expect_equal(_keys(hints), ["a", "b", "return"], "the annotated names of add (get_type_hints(add).keys())")
    for name in ("a", "b", "return"):
        expect_is(hints[name], int, f"get_type_hints(add)[{name!r}] (should be int; it is {hints[name]!r})")


@check(weight=1, description="first(items) returns the first item, or None for an empty sequence")
def first_behaviour(solution):
    expect_equal(solution.first([7, 8]), 7, "first([7, 8])")
    expect_equal(solution.first("xy"), "x", 'first("xy")')
    expect_equal(solution.first((None, 1)), None, "first((None, 1))")
    expect_equal(solution.first([42]), 42, "first([42]) (a one-item list is not empty)")
    expect_equal(solution.first(range(5, 9)), 5, "first(range(5, 9))")
    try:
        empty = solution.first([])
    except Exception as error:
        fail(f"first([]) raised {type(error).__name__}: it should return None")
    expect_equal(empty, None, "first([])")
    expect_equal(solution.first(()), None, "first(())")


@check(weight=2, description="first is annotated (items: Sequence[T]) -> Optional[T] with one TypeVar T, named as its variable")
def first_hints(solution):
    hints = _hints(solution.first, "first")
    expect_equal(_keys(hints), ["items", "return"], "the annotated names of first")
    items = hints["items"]
    expect_is(typing.get_origin(items), collections.abc.Sequence,
              f"the container type of first's items hint (should be Sequence[T]; it is {items!r})")
    args = typing.get_args(items)
    expect_equal(len(args), 1, f"number of type arguments of first's items hint (should be Sequence[T]; it is {items!r})")
    type_var = args[0]
    expect_true(isinstance(type_var, typing.TypeVar), f"the item type in Sequence[...] is a TypeVar (it is {type_var!r})")
    result = hints["return"]
    origin = typing.get_origin(result)
    expect_true(origin is typing.Union or origin is types.UnionType,
                f"first's return hint is Optional[T] (a Union with None); it is {result!r}")
    members = typing.get_args(result)
    expect_equal(len(members), 2, f"number of members of first's return hint (should be Optional[T]; it is {result!r})")
    expect_true(any(member is type_var for member in members),
                f"first's return hint uses the same TypeVar as its items hint ({type_var!r}); it is {result!r}")
    expect_true(any(member is type(None) for member in members),
                f"first's return hint includes None; it is {result!r}")
    name = getattr(type_var, "__name__", "")
    declared = any(param is type_var for param in getattr(solution.first, "__type_params__", ()))
    if not (declared or getattr(solution, name, None) is type_var):
        fail(f"first's TypeVar is TypeVar({name!r}), but the module's name {name!r} is not bound to it: "
             "name a TypeVar after the variable it is assigned to (T = TypeVar(\"T\")), as mypy requires")


@check(weight=2, description="merge returns a new dict summing the values of common keys, inputs unchanged")
def merge_behaviour(solution):
    a = {"a": 1, "b": 2}
    b = {"b": 3, "c": 4}
    merged = solution.merge(a, b)
    expect_equal(merged, {"a": 1, "b": 5, "c": 4}, 'merge({"a": 1, "b": 2}, {"b": 3, "c": 4})')
    expect_equal((a, b), ({"a": 1, "b": 2}, {"b": 3, "c": 4}), "the two arguments after merge (must be unchanged)")
    expect_true(merged is not a and merged is not b, "merge returns a new dict, not one of its arguments")
    expect_equal(solution.merge({"x": 1, "y": 5}, {"x": -1, "y": -7}), {"x": 0, "y": -2},
                 'merge({"x": 1, "y": 5}, {"x": -1, "y": -7}) (zero and negative sums are kept)')
    expect_equal(solution.merge({}, {}), {}, "merge({}, {})")


@check(weight=2, description="merge is annotated (a: dict[str, int], b: dict[str, int]) -> dict[str, int]")
def merge_hints(solution):
    hints = _hints(solution.merge, "merge")
    expect_equal(_keys(hints), ["a", "b", "return"], "the annotated names of merge")
    for name in ("a", "b", "return"):
        _expect_dict_str_int(hints[name], f"get_type_hints(merge)[{name!r}]")


@check(weight=1, description="hints are not enforced at run time (add(1.5, 2) is 3.5, add('a', 'b') is 'ab')")
def hints_not_enforced(solution):
    try:
        expect_equal(solution.add(1.5, 2), 3.5, "add(1.5, 2)")
        expect_equal(solution.add("a", "b"), "ab", 'add("a", "b")')
    except (TypeError, AssertionError, ValueError) as error:
        fail(f"add(1.5, 2) or add('a', 'b') raised {type(error).__name__}: {error}; "
             "type hints are for static checkers, do not enforce them at run time")
