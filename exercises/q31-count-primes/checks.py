from pygrade import check, expect_equal

# Few expectations per check, each comparing a whole table: every expectation is a call
# into the grader, which is slow while the grader's JVM is still cold.

SMALL = [(3, 1), (4, 2), (5, 2), (6, 3), (7, 3), (8, 4), (10, 4), (11, 4), (12, 5), (13, 5), (14, 6),
         (20, 8), (30, 10), (100, 25)]
# n just above p*p: a sieve whose outer loop stops before sqrt(n) leaves p*p marked prime
SQUARES = [(5, 2), (10, 4), (26, 9), (50, 15), (122, 30), (170, 39), (290, 61), (362, 72), (962, 162)]
MEDIUM = [(1000, 168), (7919, 999), (7920, 1000)]


def _table(solution, cases):
    return [(n, solution.count_primes(n)) for n, _ in cases]


@check(weight=2, description="small n: the primes strictly below n are counted")
def small_values(solution):
    expect_equal(_table(solution, SMALL), SMALL, "[(n, count_primes(n)) for small n]")


@check(weight=1, description="n < 3, zero and negative n give 0")
def edge_cases(solution):
    cases = [(2, 0), (1, 0), (0, 0), (-1, 0), (-50, 0)]
    expect_equal(_table(solution, cases), cases, "[(n, count_primes(n)) for n in (2, 1, 0, -1, -50)]")


@check(weight=2, description="squares of primes are not counted as primes (sieve bounds)")
def squares_of_primes(solution):
    expect_equal(_table(solution, SQUARES), SQUARES, "[(n, count_primes(n)) for n just above p*p]")


@check(weight=2, description="medium n: exact counts up to 7,920")
def medium_values(solution):
    expect_equal(_table(solution, MEDIUM), MEDIUM, "[(n, count_primes(n)) for n in (1000, 7919, 7920)]")


@check(weight=3, description="count_primes(1_000_000) is right and fast (a sieve, not trial division)")
def large_n(solution):
    expect_equal(solution.count_primes(1_000_000), 78498, "count_primes(1_000_000)")
