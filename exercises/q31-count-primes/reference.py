import math


def count_primes(n):
    """How many primes are < n: a sieve of Eratosthenes on a bytearray,
    crossing out multiples with slice assignment (no Python-level inner loop)."""
    if n < 3:
        return 0
    sieve = bytearray([1]) * n
    sieve[0] = sieve[1] = 0
    for i in range(2, math.isqrt(n - 1) + 1):
        if sieve[i]:
            start = i * i
            sieve[start::i] = bytes(len(range(start, n, i)))
    return sum(sieve)
