# A plausible mistake: every fourth year is a leap year, centuries included.
def leap_year(year):
    return year % 4 == 0
