from pygrade import check, expect_equal, expect_true, fail

FIRST = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]


def _cache_info(solution):
    info = getattr(solution.fibonacci, "cache_info", None)
    if info is None:
        fail("fibonacci has no cache_info(): decorate it with functools.lru_cache(maxsize=128)")
    return info()


@check(weight=1, description="fibonacci(0) is 0 and fibonacci(1) is 1")
def base_cases(solution):
    expect_equal(solution.fibonacci(0), 0, "fibonacci(0)")
    expect_equal(solution.fibonacci(1), 1, "fibonacci(1)")


@check(weight=2, description="fibonacci(n) is right for n from 0 to 12")
def small_values(solution):
    for n, want in enumerate(FIRST):
        expect_equal(solution.fibonacci(n), want, f"fibonacci({n})")


@check(weight=3, description="the cache really memoizes: each n is computed once, repeats are cache hits")
def memoized(solution):
    getattr(solution.fibonacci, "cache_clear", lambda: None)()
    info = _cache_info(solution)
    expect_equal((info.hits, info.misses, info.currsize), (0, 0, 0), "cache_info() after cache_clear()")
    expect_equal(solution.fibonacci(30), 832040, "fibonacci(30)")
    info = _cache_info(solution)
    expect_equal(info.misses, 31, "cache misses computing fibonacci(30) from an empty cache (one per n in 0..30)")
    expect_equal(info.hits, 28, "cache hits computing fibonacci(30) from an empty cache")
    solution.fibonacci(30)
    again = _cache_info(solution)
    expect_equal((again.hits - info.hits, again.misses - info.misses), (1, 0),
                 "(new hits, new misses) when fibonacci(30) is asked again")


@check(weight=2, description="the cache is an LRU cache bounded at 128 entries")
def bounded(solution):
    info = _cache_info(solution)
    expect_equal(info.maxsize, 128, "cache_info().maxsize")
    solution.fibonacci.cache_clear()
    for n in range(300):
        solution.fibonacci(n)
    expect_true(_cache_info(solution).currsize <= 128, "the cache holds at most 128 entries after 300 calls")


@check(weight=2, description="large n comes back at once (memoization makes it linear)")
def large_n(solution):
    expect_equal(solution.fibonacci(200), 280571172992510140037611932413038677189525, "fibonacci(200)")
