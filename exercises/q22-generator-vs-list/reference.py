def square(x):
    return x * x


def squares_gen(n):
    # Generator expression: lazy, one square per item pulled, little memory.
    return (square(x) for x in range(n))


def squares_list(n):
    # List comprehension: eager, the whole list in memory at once.
    return [square(x) for x in range(n)]
