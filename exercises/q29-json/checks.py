import json
import os
from datetime import date, datetime

from pygrade import check, expect_equal, expect_raises, expect_true

PLAIN = {"name": "Alice", "age": 25, "score": 9.5, "admin": False, "manager": None,
         "tags": ["a", "b"], "address": {"city": "Paris", "zip": "75001"}}


@check(weight=2, description="basic data survives save_json then load_json unchanged")
def round_trip(solution):
    solution.save_json(PLAIN, "/tmp/plain.json")
    expect_equal(solution.load_json("/tmp/plain.json"), PLAIN, "load_json after save_json(PLAIN, '/tmp/plain.json')")
    solution.save_json([1, 2, 3], "numbers.json")
    expect_equal(solution.load_json("numbers.json"), [1, 2, 3], "load_json('numbers.json') (a relative path)")


@check(weight=2, description="save_json writes real JSON text into the file at the given path")
def writes_json_file(solution):
    solution.save_json(PLAIN, "/tmp/written.json")
    expect_true(os.path.exists("/tmp/written.json"), "the file /tmp/written.json exists after save_json")
    with open("/tmp/written.json", encoding="utf-8") as f:
        text = f.read()
    try:
        parsed = json.loads(text)
    except ValueError as error:
        parsed = f"not JSON ({error})"
    expect_equal(parsed, PLAIN, "the file's text parsed with json.loads")


@check(weight=2, description="datetime and date values become ISO-8601 strings, nested ones too")
def datetimes_as_iso(solution):
    data = {"joined": datetime(2024, 5, 17, 13, 45), "birthday": date(1990, 1, 31),
            "events": [{"at": datetime(2023, 12, 31, 23, 59, 59, 500000)}]}
    solution.save_json(data, "/tmp/dates.json")
    expect_equal(solution.load_json("/tmp/dates.json"),
                 {"joined": "2024-05-17T13:45:00", "birthday": "1990-01-31",
                  "events": [{"at": "2023-12-31T23:59:59.500000"}]},
                 "load_json after saving datetime(2024, 5, 17, 13, 45), date(1990, 1, 31) and a nested datetime")


@check(weight=1, description="other values JSON cannot represent still raise TypeError")
def unsupported_raises(solution):
    with expect_raises(TypeError, "save_json({'ids': {1, 2}}, path) (a set is not JSON)"):
        solution.save_json({"ids": {1, 2}}, "/tmp/set.json")
    with expect_raises(TypeError, "save_json([object()], path)"):
        solution.save_json([object()], "/tmp/object.json")


@check(weight=1, description="text beyond ASCII survives, and the file is UTF-8")
def unicode_text(solution):
    data = {"greeting": "Zo\u00eb says \u4f60\u597d \u2713"}
    solution.save_json(data, "/tmp/unicode.json")
    expect_equal(solution.load_json("/tmp/unicode.json"), data, "load_json after saving non-ASCII text")
    with open("/tmp/unicode.json", "rb") as f:
        raw = f.read()
    try:
        decoded = json.loads(raw.decode("utf-8"))
    except ValueError as error:
        decoded = f"not UTF-8 JSON ({error})"
    expect_equal(decoded, data, "the file's bytes decoded as UTF-8 JSON")


@check(weight=1, description="saving again replaces the file's content")
def overwrites(solution):
    solution.save_json({"version": 1, "padding": "x" * 50}, "/tmp/again.json")
    solution.save_json({"version": 2}, "/tmp/again.json")
    expect_equal(solution.load_json("/tmp/again.json"), {"version": 2}, "load_json after saving twice to one path")


@check(weight=1, description="load_json of a missing file raises FileNotFoundError")
def missing_file(solution):
    with expect_raises(FileNotFoundError, "load_json('/tmp/never-written.json')"):
        solution.load_json("/tmp/never-written.json")
