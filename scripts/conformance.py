#!/usr/bin/env python3
"""Conformance report: pygrade's `grade --checks` against CPython's unittest, test by test.

For every exercise of an Exercism-style corpus (exercises/practice/<slug>/ with <module>_test.py,
the stub <module>.py and the reference .meta/example.py), and for each of its two solutions (the
reference, copied as <module>.py, and the stub), this script

  (a) runs the test file under CPython's unittest in a subprocess, with a small runner that uses
      unittest's API and writes each test's outcome (passed, failed, error, skipped, expected
      failure, unexpected success) as a JSON line, keyed `Class.method`;
  (b) runs `PYGRADE grade --checks <test file> --module <module> <solution> --format json` and
      reads each check's status;
  (c) compares the two, test by test.

It writes a JSON results file and a Markdown summary (docs/conformance.md explains both).

This is a developer tool: it runs public reference solutions and stubs under the host's CPython,
never candidate code. Standard library only (Python 3.11+).

    python3 scripts/conformance.py CORPUS [--pygrade ./pygrade] [--only leap,grep] [--limit N]
                                          [--jobs 1] [--timeout 300] [--out target/conformance]
    python3 scripts/conformance.py --report target/conformance/results.json   # summary again

CORPUS is a checkout of exercism/python, or its bare git directory (then the exercises are
extracted once, with `git archive`, into a cache folder under the output folder).
"""

import argparse
import ast
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRACTICE = "exercises/practice"
SCHEMA = "pygrade.conformance/1"

# CPython outcomes that unittest counts as a successful run (TestResult.wasSuccessful()).
CPYTHON_OK = ("passed", "skipped", "expected failure")
# What each side's outcome means for a test: it passed, it was skipped (not part of the score),
# or it failed. Two verdicts agree when they mean the same.
CPYTHON_VERDICT = {"passed": "pass", "expected failure": "pass", "skipped": "skip"}
PYGRADE_VERDICT = {"passed": "pass", "skipped": "skip"}

# The runner that CPython executes: it imports the test module from the working folder, runs
# its tests with unittest's loader and a TestResult of its own, and writes one JSON line per
# event to a file (not to stdout, which the tests may print to), flushed at once so that a run
# that times out still tells which tests ended.
RUNNER = r'''
import importlib, json, os, sys, time, traceback, unittest

folder, module_name, out_path = sys.argv[1:4]
os.chdir(folder)
sys.path.insert(0, folder)
out = open(out_path, "w", encoding="utf-8")


def emit(**record):
    out.write(json.dumps(record) + "\n")
    out.flush()


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def test_id(test):
    case = getattr(test, "test_case", test)  # a subTest's parent
    name = getattr(case, "_testMethodName", None)
    if name is None:  # an _ErrorHolder: setUpClass / setUpModule failed
        return str(test)
    return type(case).__name__ + "." + name


class Result(unittest.TestResult):
    def startTest(self, test):
        super().startTest(test)
        self.started = time.monotonic()
        emit(event="start", test=test_id(test))

    def stopTest(self, test):
        super().stopTest(test)
        emit(event="stop", test=test_id(test), ms=int((time.monotonic() - self.started) * 1000))

    def addSuccess(self, test):
        super().addSuccess(test)
        emit(event="passed", test=test_id(test))

    def addFailure(self, test, err):
        super().addFailure(test, err)
        emit(event="failed", test=test_id(test), message=last_line(self._exc_info_to_string(err, test)))

    def addError(self, test, err):
        super().addError(test, err)
        emit(event="error", test=test_id(test), message=last_line(self._exc_info_to_string(err, test)))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        emit(event="skipped", test=test_id(test), message=str(reason), subtest=test is not getattr(test, "test_case", test))

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        emit(event="expected failure", test=test_id(test))

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        emit(event="unexpected success", test=test_id(test))

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            kind = "failed" if issubclass(err[0], test.failureException) else "error"
            emit(event=kind, test=test_id(test), subtest=subtest._subDescription(),
                 message=last_line(self._exc_info_to_string(err, test)))


emit(event="python", version=sys.version.split()[0])
try:
    module = importlib.import_module(module_name)
except BaseException as exc:  # SystemExit included: the whole module failed to load
    emit(event="import-error", message=last_line("".join(traceback.format_exception(exc))))
    sys.exit(0)
suite = unittest.defaultTestLoader.loadTestsFromModule(module)
for error in unittest.defaultTestLoader.errors:
    emit(event="import-error", message=last_line(error))
suite.run(Result())
emit(event="done")
'''


# ---------------------------------------------------------------------------------------------
# The corpus


def git(git_dir, *args, **kwargs):
    return subprocess.run(["git", "--git-dir=" + git_dir, *args], check=True, capture_output=True, **kwargs)


def open_corpus(corpus, cache_root):
    """The folder holding exercises/practice/, and a description of where it came from."""
    corpus = os.path.abspath(corpus)
    if os.path.isdir(os.path.join(corpus, PRACTICE)):
        commit = ""
        if os.path.exists(os.path.join(corpus, ".git")):
            probe = subprocess.run(["git", "-C", corpus, "rev-parse", "HEAD"], capture_output=True, text=True)
            commit = probe.stdout.strip() if probe.returncode == 0 else ""
        return corpus, {"path": corpus, "commit": commit, "kind": "checkout"}
    probe = subprocess.run(["git", "--git-dir=" + corpus, "rev-parse", "HEAD"], capture_output=True, text=True)
    if probe.returncode != 0:
        sys.exit("conformance: %s is neither a checkout with %s/ nor a git directory" % (corpus, PRACTICE))
    commit = probe.stdout.strip()
    target = os.path.join(cache_root, "corpus-" + commit[:12])
    if not os.path.isdir(os.path.join(target, PRACTICE)):
        partial = target + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        os.makedirs(partial)
        archive = git(corpus, "archive", "--format=tar", commit, PRACTICE).stdout
        subprocess.run(["tar", "-x", "-C", partial], input=archive, check=True)
        shutil.rmtree(target, ignore_errors=True)
        os.rename(partial, target)
    return target, {"path": corpus, "commit": commit, "kind": "git directory", "extracted": target}


def exercise_files(folder):
    """(test file, solution stub, example) of an exercise folder, relative to it, or None."""
    slug = os.path.basename(folder)
    module = slug.replace("-", "_")
    tests, solution, example = [module + "_test.py"], module + ".py", ".meta/example.py"
    config = os.path.join(folder, ".meta", "config.json")
    if os.path.isfile(config):
        with open(config, encoding="utf-8") as handle:
            files = json.load(handle).get("files", {})
        tests = files.get("test") or tests
        solution = (files.get("solution") or [solution])[0]
        example = (files.get("example") or [example])[0]
    main = [name for name in tests if name.endswith("_test.py") or os.path.basename(name).startswith("test_")]
    test = (main or tests)[0]
    if not all(os.path.isfile(os.path.join(folder, name)) for name in (test, example)):
        return None
    return test, solution, example


def list_exercises(practice, only, limit):
    slugs = sorted(name for name in os.listdir(practice) if os.path.isdir(os.path.join(practice, name)))
    if only:
        unknown = sorted(set(only) - set(slugs))
        if unknown:
            sys.exit("conformance: no such exercise in the corpus: " + ", ".join(unknown))
        slugs = [slug for slug in slugs if slug in only]
    if limit:
        slugs = slugs[:limit]
    return slugs


def lay_out(exercise, test, stub, solution_source, target):
    """The folder a run happens in: the test file, the solution as the stub's name, and every
    other file of the exercise folder except hidden ones (.meta, .docs) and the stub."""
    os.makedirs(target)
    for entry in sorted(os.listdir(exercise)):
        if entry.startswith(".") or entry == "__pycache__" or entry == stub:
            continue
        source = os.path.join(exercise, entry)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(target, entry),
                            ignore=shutil.ignore_patterns(".*", "__pycache__", "*.pyc"))
        else:
            shutil.copy(source, os.path.join(target, entry))
    shutil.copy(solution_source, os.path.join(target, stub))


def declared_tests(test_path):
    """Class.method of the tests a test file declares (classes deriving from a *TestCase, their
    test* methods, inherited ones included), read with ast: used when CPython could not load the
    file, so that each of its tests can still be compared."""
    try:
        with open(test_path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except (SyntaxError, OSError, UnicodeDecodeError):
        return []
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}

    def bases(node):
        return [b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else "" for b in node.bases]

    def is_case(node, seen=()):
        return any(base.endswith("TestCase") or (base in classes and base not in seen
                                                  and is_case(classes[base], seen + (node.name,)))
                   for base in bases(node))

    def methods(node, seen=()):
        found = []
        for base in bases(node):
            if base in classes and base not in seen:
                found += methods(classes[base], seen + (node.name,))
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                found = [name for name in found if name != item.name] + [item.name]
        return found

    return [name + "." + method for name, node in classes.items() if is_case(node) for method in methods(node)]


# ---------------------------------------------------------------------------------------------
# The two runs


def clip(text, limit=2000):
    text = text or ""
    return text if len(text) <= limit else text[:limit] + "..."


def run_cpython(python, folder, test, timeout, scratch):
    """{"tests": {id: {"outcome", "message"}}, "status", "message", "duration_ms", "python"}."""
    runner = os.path.join(scratch, "cpython_runner.py")
    events_path = os.path.join(scratch, "cpython_events.jsonl")
    with open(runner, "w", encoding="utf-8") as handle:
        handle.write(RUNNER)
    module = os.path.splitext(test)[0].replace("/", ".")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    started = time.monotonic()
    status, message = "ok", ""
    try:
        proc = subprocess.run([python, runner, folder, module, events_path], cwd=folder, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        if proc.returncode != 0:
            status = "crashed"
            message = "exit code %d: %s" % (proc.returncode, clip(proc.stderr.decode("utf-8", "replace"), 500))
    except subprocess.TimeoutExpired:
        status, message = "timeout", "CPython ran out of the %s s limit" % timeout
    duration = int((time.monotonic() - started) * 1000)
    events = []
    if os.path.exists(events_path):
        with open(events_path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    events.append(json.loads(line))
                except json.JSONDecodeError:
                    pass  # the last line of a run killed mid-write
    tests, version, done = {}, "", False
    for event in events:
        kind = event["event"]
        if kind == "python":
            version = event["version"]
        elif kind == "done":
            done = True
        elif kind == "import-error":
            status, message = "import-error", event["message"]
        else:
            tests.setdefault(event["test"], []).append(event)
    if status == "ok" and not done:
        status, message = "crashed", message or "the runner ended before the tests did"
    results = {}
    for test_id, test_events in tests.items():
        results[test_id] = outcome_of(test_events, status)
    if status in ("import-error", "timeout", "crashed"):
        for test_id in declared_tests(os.path.join(folder, test)):
            if test_id not in results:
                # the test never ran: the file did not load, or the run ended before it
                results[test_id] = {"outcome": "error" if status == "import-error" else status,
                                    "message": message}
    return {"status": status, "message": message, "duration_ms": duration, "python": version, "tests": results}


def outcome_of(events, status):
    """One test's outcome from its events (a test with subtests has several), with its time."""
    result = outcome_kind(events, status)
    stops = [event["ms"] for event in events if event["event"] == "stop" and "ms" in event]
    if stops:
        result["ms"] = stops[-1]
    return result


def outcome_kind(events, status):
    kinds = [event["event"] for event in events]
    problems = [event for event in events if event["event"] in ("error", "failed")]
    if problems:
        outcome = "error" if any(event["event"] == "error" for event in problems) else "failed"
        first = problems[0]
        message = first.get("message", "")
        if first.get("subtest"):
            message = "%s: %s" % (first["subtest"], message)
        if len(problems) > 1:
            message += " (and %d more subtest problem(s))" % (len(problems) - 1)
        return {"outcome": outcome, "message": message}
    for kind in ("unexpected success", "expected failure", "passed"):
        if kind in kinds:
            return {"outcome": kind, "message": ""}
    skips = [event for event in events if event["event"] == "skipped" and not event.get("subtest")]
    if skips:
        return {"outcome": "skipped", "message": skips[0].get("message", "")}
    if "stop" not in kinds:  # started, never ended: the run timed out or died in it
        return {"outcome": "timeout" if status == "timeout" else "crashed", "message": ""}
    return {"outcome": "passed", "message": ""}  # only skipped subtests: unittest calls it a success


def run_pygrade(pygrade, folder, test, module, timeout):
    """{"tests": {name: {"status", "message"}}, "status", "score", "max_score", "exit_code", ...}."""
    solution = os.path.join(folder, module + ".py")
    command = [pygrade, "grade", "--checks", os.path.join(folder, test), "--module", module, solution,
               "--format", "json"]
    started = time.monotonic()
    try:
        proc = subprocess.run(command, cwd=folder, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"status": "runner-timeout", "message": "pygrade ran out of the %s s limit" % timeout,
                "exit_code": None, "duration_ms": int((time.monotonic() - started) * 1000), "tests": {}}
    duration = int((time.monotonic() - started) * 1000)
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    try:
        result = json.loads(stdout)
    except json.JSONDecodeError:
        return {"status": "no-result", "exit_code": proc.returncode, "duration_ms": duration, "tests": {},
                "message": clip(stderr.strip() or stdout.strip(), 1000)}
    error = result.get("error") or {}
    tests = {check["name"]: {"status": check["status"], "message": check.get("message", ""),
                             "output": clip(check.get("output", ""), 500)}
             for check in result.get("checks", [])}
    return {"status": result.get("status"), "score": result.get("score"), "max_score": result.get("max_score"),
            "exit_code": proc.returncode, "duration_ms": duration, "grade_ms": result.get("duration_ms"),
            "message": error.get("message", ""), "error_kind": error.get("kind", ""), "tests": tests}


def compare(cpython, pygrade):
    """One row per test either side knows of."""
    rows = []
    names = list(cpython["tests"]) + [name for name in pygrade["tests"] if name not in cpython["tests"]]
    for name in names:
        c = cpython["tests"].get(name)
        p = pygrade["tests"].get(name)
        c_verdict = CPYTHON_VERDICT.get(c["outcome"], "fail") if c else None
        p_verdict = PYGRADE_VERDICT.get(p["status"], "fail") if p else None
        rows.append({"test": name,
                     "cpython": c["outcome"] if c else "absent",
                     "cpython_message": c["message"] if c else "",
                     "cpython_ms": c.get("ms") if c else None,
                     "pygrade": p["status"] if p else "absent",
                     "pygrade_message": (p["message"] if p else pygrade.get("message", "")),
                     "agree": c is not None and p is not None and c_verdict == p_verdict})
    return rows


def run_one(args, corpus_practice, slug, kind, work_root, python_version_box):
    exercise = os.path.join(corpus_practice, slug)
    files = exercise_files(exercise)
    if files is None:
        return {"exercise": slug, "solution": kind, "skipped": "no test file or no example"}
    test, stub, example = files
    module = os.path.splitext(os.path.basename(stub))[0]
    source = os.path.join(exercise, example if kind == "reference" else stub)
    scratch = tempfile.mkdtemp(prefix="%s-%s-" % (slug, kind), dir=work_root)
    try:
        cpython_folder = os.path.join(scratch, "cpython")
        pygrade_folder = os.path.join(scratch, "pygrade")
        lay_out(exercise, test, stub, source, cpython_folder)
        lay_out(exercise, test, stub, source, pygrade_folder)
        cpython = run_cpython(args.python, cpython_folder, test, args.timeout, scratch)
        if cpython["python"]:
            python_version_box.setdefault("version", cpython["python"])
        pygrade = run_pygrade(args.pygrade, pygrade_folder, test, module, args.timeout)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows = compare(cpython, pygrade)
    cpython_ok = cpython["status"] == "ok" and all(c["outcome"] in CPYTHON_OK for c in cpython["tests"].values())
    return {"exercise": slug, "solution": kind, "test_file": test, "module": module,
            "cpython": cpython, "pygrade": pygrade, "comparison": rows,
            "cpython_passes": cpython_ok and bool(cpython["tests"]),
            "pygrade_full_marks": pygrade.get("status") == "passed"}


# ---------------------------------------------------------------------------------------------
# Causes: a first guess at why a disagreement happened, from the two sides' outcomes and
# pygrade's message. The first rule that matches wins; docs/conformance.md explains each.

# Standard-library types whose values pygrade does not copy as plain data (so they are never
# equal to anything in assertEqual), as its messages name them: `<date object>`.
STDLIB_OPAQUE = ("date", "datetime", "time", "timedelta", "timezone", "Counter", "OrderedDict", "defaultdict",
                 "deque", "memoryview", "bytearray", "Fraction", "Decimal", "range", "map", "filter", "zip",
                 "generator", "dict_keys", "dict_values", "dict_items", "array", "SimpleNamespace")


def _message(row):
    return row.get("pygrade_message") or ""


def _opaque_names(row):
    return set(re.findall(r"<([A-Za-z_][\w.]*) object>", _message(row)))


CAUSES = [  # (key, what it means, rule)
    ("no-result", "pygrade gave no result (usage or input error)",
     lambda r: r["pygrade"] == "absent" and r.get("run_status") == "no-result"),
    ("missing", "test missing on one side (pygrade does not list it, or CPython did not run it)",
     lambda r: "absent" in (r["cpython"], r["pygrade"])),
    ("skipped", "skipped test counted as a failure",
     lambda r: r["cpython"] == "skipped" and _message(r).startswith("skipped")),
    ("xfail", "expected failure / unexpected success handled differently",
     lambda r: r["cpython"] in ("expected failure", "unexpected success")),
    ("timeout", "pygrade's per-check time limit (5 s) on a test CPython passes",
     lambda r: r["pygrade"] == "timeout" or r.get("run_status") in ("timeout", "runner-timeout")),
    ("no-cwd", "sandbox: no working directory (os.getcwd denied when the test folder has no data files)",
     lambda r: "there is no working directory" in _message(r)),
    ("module-missing", "sandbox: module missing",
     lambda r: re.search(r"(ModuleNotFoundError|No module named)", _message(r))),
    ("denied", "sandbox: operation denied",
     lambda r: re.search(r"(PermissionError|not permitted|denied)", _message(r))),
    ("type-objects", "type objects compared: assertEqual(type(err.exception), ValueError)",
     lambda r: "<type object>" in _message(r)),
    ("not-equal-objects", "assertNotEqual on values that are not plain data (always fails in pygrade)",
     lambda r: "expected a value different from" in _message(r) and _opaque_names(r)),
    ("stdlib-objects", "assertEqual on standard-library values that are not plain data (date, Counter, memoryview...)",
     lambda r: _opaque_names(r) & set(STDLIB_OPAQUE)),
    ("class-eq", "assertEqual on objects of classes the solution or the tests define (their __eq__ is never used)",
     lambda r: _opaque_names(r)),
    ("pygrade-passes", "pygrade passes a test CPython does not", lambda r: r["pygrade"] == "passed"),
    ("pygrade-error", "error in pygrade where CPython passes", lambda r: r["pygrade"] == "error"),
    ("pygrade-failed", "failed in pygrade where CPython passes (no rule above)", lambda r: r["pygrade"] == "failed"),
    ("other", "other", lambda r: True),
]
CAUSE_TEXT = {key: text for key, text, _ in CAUSES}


def cause_of(row):
    for key, _, rule in CAUSES:
        if rule(row):
            return key
    return "other"


# ---------------------------------------------------------------------------------------------
# The report


def summarize(results):
    runs = [run for run in results["runs"] if "comparison" in run]
    refs = [run for run in runs if run["solution"] == "reference"]
    stubs = [run for run in runs if run["solution"] == "stub"]
    ref_tests = sum(len(run["comparison"]) for run in refs)
    rows = [dict(row, exercise=run["exercise"], solution=run["solution"], run_status=run["pygrade"]["status"])
            for run in runs for row in run["comparison"]]
    agree = sum(1 for row in rows if row["agree"])
    disagreements = [row for row in rows if not row["agree"]]
    for row in disagreements:
        row["cause"] = cause_of(row)
    causes = {}
    for row in disagreements:
        causes.setdefault(row["cause"], []).append(row)
    ref_cpython = [run for run in refs if run["cpython_passes"]]
    stub_cpython = [run for run in stubs if not run["cpython_passes"]]
    return {
        "exercises": len({run["exercise"] for run in runs}),
        "tests": ref_tests,
        "references": len(refs),
        "references_cpython_passes": len(ref_cpython),
        "references_cpython_passes_pygrade_full": sum(1 for run in ref_cpython if run["pygrade_full_marks"]),
        "stubs": len(stubs),
        "stubs_cpython_fails": len(stub_cpython),
        "stubs_cpython_fails_pygrade_below_full": sum(1 for run in stub_cpython if not run["pygrade_full_marks"]),
        "comparisons": len(rows),
        "agree": agree,
        "agree_percent": round(100.0 * agree / len(rows), 2) if rows else 0.0,
        "agree_reference": sum(1 for row in rows if row["agree"] and row["solution"] == "reference"),
        "comparisons_reference": sum(1 for row in rows if row["solution"] == "reference"),
        "agree_stub": sum(1 for row in rows if row["agree"] and row["solution"] == "stub"),
        "comparisons_stub": sum(1 for row in rows if row["solution"] == "stub"),
        "causes": {name: len(items) for name, items in sorted(causes.items(), key=lambda kv: -len(kv[1]))},
        "_disagreements": disagreements,
        "_causes": causes,
    }


def cell(text, limit=150):
    text = " ".join(str(text or "").split())
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return text.replace("|", "\\|").replace("`", "'")


def markdown(results, summary):
    meta = results["meta"]
    s = summary
    lines = [
        "# Conformance: pygrade `grade --checks` against CPython's unittest",
        "",
        "- corpus: %s at %s" % (meta["corpus"].get("path"), meta["corpus"].get("commit", "")[:12] or "?"),
        "- pygrade: %s (commit %s%s)" % (meta["pygrade"], meta["pygrade_commit"][:7] or "?",
                                         ", with uncommitted changes" if meta.get("pygrade_dirty") else ""),
        "- CPython: %s; started %s, %d s" % (meta.get("python_version", "?"), meta["started"], meta["duration_s"]),
        "",
        "| figure | value |",
        "|---|---|",
        "| exercises | %d |" % s["exercises"],
        "| tests (in the reference runs) | %d |" % s["tests"],
        "| references CPython passes fully | %d of %d |" % (s["references_cpython_passes"], s["references"]),
        "| ... of those, pygrade gives full marks | %d of %d |" % (s["references_cpython_passes_pygrade_full"],
                                                                 s["references_cpython_passes"]),
        "| stubs CPython fails | %d of %d |" % (s["stubs_cpython_fails"], s["stubs"]),
        "| ... of those, pygrade scores below full | %d of %d |" % (s["stubs_cpython_fails_pygrade_below_full"],
                                                                  s["stubs_cpython_fails"]),
        "| test-by-test agreement (references and stubs) | %d of %d (%.2f%%) |" % (s["agree"], s["comparisons"],
                                                                                 s["agree_percent"]),
        "| ... references | %d of %d |" % (s["agree_reference"], s["comparisons_reference"]),
        "| ... stubs | %d of %d |" % (s["agree_stub"], s["comparisons_stub"]),
        "",
    ]
    problems = [run for run in results["runs"] if "comparison" not in run]
    odd = [run for run in results["runs"] if "comparison" in run
           and (run["cpython"]["status"] != "ok" or run["pygrade"]["status"] in ("no-result", "runner-timeout"))]
    if problems or odd:
        lines += ["Runs that did not go normally:", ""]
        for run in problems:
            lines.append("- %s (%s): %s" % (run["exercise"], run["solution"], run.get("skipped", "")))
        for run in odd:
            lines.append("- %s (%s): CPython %s%s; pygrade %s %s" % (
                run["exercise"], run["solution"], run["cpython"]["status"],
                (" (" + cell(run["cpython"]["message"], 120) + ")") if run["cpython"]["message"] else "",
                run["pygrade"]["status"], cell(run["pygrade"].get("message", ""), 120)))
        lines.append("")
    if s["_causes"]:
        lines += ["## Disagreements by cause (first guess, by rule)", "",
                  "| cause | tests | exercises | example |", "|---|---|---|---|"]
        for name, items in sorted(s["_causes"].items(), key=lambda kv: -len(kv[1])):
            example = items[0]
            exercises = sorted({item["exercise"] for item in items})
            lines.append("| `%s`: %s | %d | %d: %s | %s %s `%s`: CPython %s, pygrade %s: %s |" % (
                name, cell(CAUSE_TEXT.get(name, name)), len(items), len(exercises), cell(", ".join(exercises), 120), example["exercise"],
                example["solution"], cell(example["test"], 80), example["cpython"], example["pygrade"],
                cell(_message(example), 150)))
        lines.append("")
    if s["_disagreements"]:
        lines += ["## Disagreements by exercise", "", "| exercise | solution | tests | of | causes |", "|---|---|---|---|---|"]
        by_run = {}
        for row in s["_disagreements"]:
            by_run.setdefault((row["exercise"], row["solution"]), []).append(row)
        totals = {(run["exercise"], run["solution"]): len(run["comparison"])
                  for run in results["runs"] if "comparison" in run}
        for (exercise, solution), items in sorted(by_run.items()):
            counts = {}
            for item in items:
                counts[item["cause"]] = counts.get(item["cause"], 0) + 1
            lines.append("| %s | %s | %d | %d | %s |" % (
                exercise, solution, len(items), totals.get((exercise, solution), 0),
                cell(", ".join("%s %d" % (name, count) for name, count in
                               sorted(counts.items(), key=lambda kv: -kv[1])), 300)))
        lines.append("")
    lines += ["## Every disagreement", ""]
    if not s["_disagreements"]:
        lines.append("None.")
    else:
        lines += ["| exercise | solution | test | CPython | pygrade | pygrade's message | cause |",
                  "|---|---|---|---|---|---|---|"]
        for row in s["_disagreements"]:
            lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                row["exercise"], row["solution"], cell(row["test"], 100),
                row["cpython"] + (" (%d ms)" % row["cpython_ms"] if (row.get("cpython_ms") or 0) >= 100 else ""),
                row["pygrade"],
                cell(row["pygrade_message"]), row["cause"]))
    return "\n".join(lines) + "\n"


def write_outputs(results, out_dir):
    summary = summarize(results)
    results["summary"] = {key: value for key, value in summary.items() if not key.startswith("_")}
    results["disagreements"] = summary["_disagreements"]
    os.makedirs(out_dir, exist_ok=True)
    temporary = os.path.join(out_dir, "results.json.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=1, sort_keys=False)
    os.replace(temporary, os.path.join(out_dir, "results.json"))
    with open(os.path.join(out_dir, "summary.md"), "w", encoding="utf-8") as handle:
        handle.write(markdown(results, summary))
    return summary


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="exercism/python: a checkout, or its bare git directory")
    parser.add_argument("--pygrade", default=os.path.join(ROOT, "pygrade"), help="the launcher (default: ./pygrade)")
    parser.add_argument("--python", default=sys.executable, help="the CPython to compare with (default: this one)")
    parser.add_argument("--only", default="", help="comma-separated exercise slugs")
    parser.add_argument("--limit", type=int, default=0, help="the first N exercises (by slug) only")
    parser.add_argument("--solutions", default="reference,stub", help="reference, stub or both (default)")
    parser.add_argument("--jobs", type=int, default=1, help="runs at once (default 1)")
    parser.add_argument("--timeout", type=int, default=300,
                        help="wall-clock limit of each CPython or pygrade subprocess, in seconds (default 300)")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "conformance"),
                        help="folder for results.json, summary.md and the corpus cache (default target/conformance)")
    parser.add_argument("--report", metavar="RESULTS", help="only write the summary again from a results.json")
    args = parser.parse_args(argv)

    if args.report:
        with open(args.report, encoding="utf-8") as handle:
            results = json.load(handle)
        for run in results["runs"]:  # the comparison again, with this script's rules
            if "cpython" in run and "pygrade" in run:
                run["comparison"] = compare(run["cpython"], run["pygrade"])
        summary = write_outputs(results, os.path.dirname(os.path.abspath(args.report)))
        print(markdown(results, summary).split("\n## ")[0])
        return 0
    if not args.corpus:
        parser.error("CORPUS is required (or --report RESULTS)")
    args.pygrade = os.path.abspath(args.pygrade)
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    root, corpus_meta = open_corpus(args.corpus, out_dir)
    practice = os.path.join(root, PRACTICE)
    only = [slug.strip() for slug in args.only.split(",") if slug.strip()]
    slugs = list_exercises(practice, only, args.limit)
    kinds = [kind.strip() for kind in args.solutions.split(",") if kind.strip()]
    if not kinds or set(kinds) - {"reference", "stub"}:
        parser.error("--solutions takes reference, stub or reference,stub")

    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True).stdout.strip())
    started = time.monotonic()
    results = {"schema": SCHEMA,
               "meta": {"corpus": corpus_meta, "pygrade": args.pygrade, "pygrade_commit": head, "pygrade_dirty": dirty,
                        "python": args.python, "started": datetime.datetime.now().isoformat(timespec="seconds"),
                        "timeout_s": args.timeout, "jobs": args.jobs, "duration_s": 0},
               "runs": []}
    tasks = [(slug, kind) for slug in slugs for kind in kinds]
    work_root = tempfile.mkdtemp(prefix="pygrade-conformance-")
    lock = threading.Lock()
    version_box = {}
    done = [0]

    def task(slug_kind):
        slug, kind = slug_kind
        try:
            run = run_one(args, practice, slug, kind, work_root, version_box)
        except Exception as exc:  # the script's own failure on one exercise must not end the report
            run = {"exercise": slug, "solution": kind, "skipped": "conformance.py failed: %r" % (exc,)}
        with lock:
            results["runs"].append(run)
            done[0] += 1
            results["runs"].sort(key=lambda r: (r["exercise"], r["solution"] != "reference"))
            results["meta"]["duration_s"] = int(time.monotonic() - started)
            results["meta"]["python_version"] = version_box.get("version", "")
            write_outputs(results, out_dir)
            if "comparison" in run:
                bad = sum(1 for row in run["comparison"] if not row["agree"])
                print("[%d/%d] %s %s: CPython %s, pygrade %s %s/%s, %d disagreement(s)" % (
                    done[0], len(tasks), slug, kind,
                    "passes" if run["cpython_passes"] else "fails (%s)" % run["cpython"]["status"],
                    run["pygrade"]["status"], run["pygrade"].get("score"), run["pygrade"].get("max_score"), bad),
                    flush=True)
            else:
                print("[%d/%d] %s %s: %s" % (done[0], len(tasks), slug, kind, run["skipped"]), flush=True)

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            list(pool.map(task, tasks))
    finally:
        shutil.rmtree(work_root, ignore_errors=True)
    results["meta"]["duration_s"] = int(time.monotonic() - started)
    summary = write_outputs(results, out_dir)
    print()
    print(markdown(results, summary).split("\n## ")[0])
    print("results: %s\nsummary: %s" % (os.path.join(out_dir, "results.json"), os.path.join(out_dir, "summary.md")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
