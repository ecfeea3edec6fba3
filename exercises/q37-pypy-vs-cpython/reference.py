# Following the seed's table: PyPy is faster thanks to its JIT (long-running, CPU-bound code),
# has limited C-extension support and a higher memory use; CPython is the general-purpose default.
ANSWERS = {
    "faster_for_long_running_pure_python": "pypy",
    "full_c_extension_support": "cpython",
    "lower_memory_usage": "cpython",
    "why_pypy_is_faster": "jit",
    "main_pypy_risk": "c_extension_compatibility",
}


def pick_runtime(workload):
    jit_pays_off = workload.get("cpu_bound", False) and workload.get("long_running", False)
    blocked = workload.get("c_extensions", False) or workload.get("memory_constrained", False)
    return "pypy" if jit_pays_off and not blocked else "cpython"
