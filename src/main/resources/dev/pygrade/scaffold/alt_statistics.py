# A correct alternative: the standard library does the work (fmean raises StatisticsError,
# a subclass of ValueError, on an empty list).
from statistics import fmean


def mean(values):
    return fmean(values)
