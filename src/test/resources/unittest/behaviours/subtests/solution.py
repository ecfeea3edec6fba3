def is_even(n):
    return n % 2 == 0 if n != 6 else False
