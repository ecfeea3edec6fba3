from itertools import product

from pygrade import check, expect_equal, fail

CHOICES = {
    "faster_for_long_running_pure_python": ("pypy", "cpython"),
    "full_c_extension_support": ("pypy", "cpython"),
    "lower_memory_usage": ("pypy", "cpython"),
    "why_pypy_is_faster": ("jit", "no_gil", "ahead_of_time_compilation", "multiple_cores"),
    "main_pypy_risk": ("c_extension_compatibility", "slower_pure_python", "python_syntax_differences",
                       "no_garbage_collector"),
}
FLAGS = ("cpu_bound", "long_running", "c_extensions", "memory_constrained")


def _answer(solution, key):
    answers = getattr(solution, "ANSWERS", None)
    if not isinstance(answers, dict):
        fail("ANSWERS must be a module-level dict (found %s)" % type(answers).__name__)
    if key not in answers:
        fail("ANSWERS has no key %r" % key)
    return answers[key]


def _expected_runtime(workload):
    speeds_up = workload.get("cpu_bound", False) and workload.get("long_running", False)
    blocked = workload.get("c_extensions", False) or workload.get("memory_constrained", False)
    return "pypy" if speeds_up and not blocked else "cpython"


@check(weight=1, description="ANSWERS has exactly the five keys, each mapped to one of its listed choices")
def answers_well_formed(solution):
    answers = getattr(solution, "ANSWERS", None)
    if not isinstance(answers, dict):
        fail("ANSWERS must be a module-level dict (found %s)" % type(answers).__name__)
    expect_equal(sorted(answers), sorted(CHOICES), "the keys of ANSWERS, sorted")
    for key, choices in CHOICES.items():
        value = _answer(solution, key)
        # membership is only asked of a plain str: a subclass could answer anything
        listed = type(value) is str and value in choices
        expect_equal(listed, True, "ANSWERS[%r] is one of %s (it is %r)" % (key, ", ".join(map(repr, choices)), value))


@check(weight=1, description="quiz: the faster runtime for long-running pure-Python code")
def quiz_performance(solution):
    expect_equal(_answer(solution, "faster_for_long_running_pure_python"), "pypy",
                 "ANSWERS['faster_for_long_running_pure_python']")


@check(weight=1, description="quiz: the runtime with full C-extension support")
def quiz_c_extensions(solution):
    expect_equal(_answer(solution, "full_c_extension_support"), "cpython", "ANSWERS['full_c_extension_support']")


@check(weight=1, description="quiz: the runtime with the lower memory usage")
def quiz_memory(solution):
    expect_equal(_answer(solution, "lower_memory_usage"), "cpython", "ANSWERS['lower_memory_usage']")


@check(weight=1, description="quiz: where PyPy's speed comes from")
def quiz_why_faster(solution):
    expect_equal(_answer(solution, "why_pypy_is_faster"), "jit", "ANSWERS['why_pypy_is_faster']")


@check(weight=1, description="quiz: the main risk of moving to PyPy")
def quiz_main_risk(solution):
    expect_equal(_answer(solution, "main_pypy_risk"), "c_extension_compatibility", "ANSWERS['main_pypy_risk']")


@check(weight=2, description="pick_runtime recommends pypy for a long-running, CPU-bound, pure-Python workload")
def pick_pypy_case(solution):
    for workload in ({"cpu_bound": True, "long_running": True, "c_extensions": False, "memory_constrained": False},
                     {"cpu_bound": True, "long_running": True}):
        expect_equal(solution.pick_runtime(dict(workload)), "pypy", "pick_runtime(%r)" % workload)


@check(weight=3, description="pick_runtime is right for all 16 combinations of the four flags")
def pick_all_combinations(solution):
    for values in product((False, True), repeat=len(FLAGS)):
        workload = dict(zip(FLAGS, values))
        expect_equal(solution.pick_runtime(dict(workload)), _expected_runtime(workload),
                     "pick_runtime(%r)" % workload)


@check(weight=1, description="pick_runtime treats a missing key as False")
def pick_missing_keys(solution):
    for workload in ({}, {"cpu_bound": True}, {"long_running": True},
                     {"long_running": True, "cpu_bound": True, "c_extensions": True},
                     {"cpu_bound": True, "long_running": True, "memory_constrained": True},
                     {"cpu_bound": False, "long_running": True}):
        expect_equal(solution.pick_runtime(dict(workload)), _expected_runtime(workload), "pick_runtime(%r)" % workload)
