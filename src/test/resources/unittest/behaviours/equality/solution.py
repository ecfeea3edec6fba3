import datetime
from decimal import Decimal
from fractions import Fraction


class Clock:
    def __init__(self, hour, minute):
        total = (hour * 60 + minute) % (24 * 60)
        self.hour, self.minute = divmod(total, 60)

    def __eq__(self, other):
        return isinstance(other, Clock) and (self.hour, self.minute) == (other.hour, other.minute)

    def __repr__(self):
        return "Clock(%d, %d)" % (self.hour, self.minute)

    def __str__(self):
        return "%02d:%02d" % (self.hour, self.minute)


def meetup(year, month):
    return datetime.date(year, month, 13)


def half():
    return Fraction(1, 2)


def price():
    return Decimal("1.50")
