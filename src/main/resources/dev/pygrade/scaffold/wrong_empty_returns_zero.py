# A plausible mistake: an empty list has a mean of 0.
def mean(values):
    if not values:
        return 0
    return sum(values) / len(values)
