from pygrade import check, expect_equal, fail


class Session:
    """An ordinary object: weakly referenceable and hashable."""

    def __init__(self, name):
        self.name = name
        self.peer = None


class Point:
    """Defines __eq__ and no __hash__: unhashable, but weakly referenceable."""

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


def _alive(tracker, what):
    count = tracker.alive()
    if type(count) is not int:
        fail(f"alive() should return an int, it returned {type(count).__name__} ({count!r}) {what}")
    return count


# Objects meant to be dropped are made in helper functions: once a helper returns, no stale
# local of a check's frame can keep them alive. Each check calls alive() once, since on
# GraalPy every gc.collect() is a full collection of the JVM heap and costs real time.

def _track_six_keep_three(tracker):
    tracker.track(Session("temporary"))
    sessions = [Session(f"s{i}") for i in range(6)]
    for session in sessions:
        tracker.track(session)
    return sessions[1::2]


def _track_cycles(tracker):
    a, b = Session("a"), Session("b")
    a.peer, b.peer = b, a                      # a two-object cycle
    loner = Session("self")
    loner.peer = loner                         # a one-object cycle
    for obj in (a, b, loner):
        tracker.track(obj)


def _track_points(tracker):
    p, q, r = Point(1, 2), Point(1, 2), Point(3, 4)   # p and q equal, yet distinct objects
    for point in (p, q, r):
        tracker.track(point)
    return p, q


@check(weight=2, description="alive() counts the tracked objects that are still referenced")
def counts_live(solution):
    tracker = solution.LeakTracker()
    kept = [Session(f"s{i}") for i in range(3)]
    for session in kept:
        tracker.track(session)
    expect_equal(_alive(tracker, "with 3 live objects"), 3, "alive() after tracking 3 objects that are still referenced")
    expect_equal(len(kept), 3, "objects kept")


@check(weight=3, description="tracking does not keep objects alive: dropped objects are not counted")
def weak_tracking(solution):
    tracker = solution.LeakTracker()
    kept = _track_six_keep_three(tracker)
    expect_equal(_alive(tracker, "after dropping 4 of 7"), 3,
                 "alive() after tracking a temporary plus 6 objects of which 3 are still referenced "
                 "(the tracker must hold them through weak references)")
    expect_equal(len(kept), 3, "objects kept")


@check(weight=3, description="objects in a reference cycle nobody references are collected, not counted")
def cycles(solution):
    tracker = solution.LeakTracker()
    survivor = Session("survivor")
    tracker.track(survivor)
    _track_cycles(tracker)
    expect_equal(_alive(tracker, "after dropping the cycles"), 1,
                 "alive() after tracking a survivor, a dropped two-object cycle and a dropped "
                 "self-referencing object (call gc.collect() before counting: cycles are garbage)")
    expect_equal(survivor.name, "survivor", "the survivor's name")


@check(weight=1, description="an object tracked twice is counted once")
def distinct(solution):
    tracker = solution.LeakTracker()
    session = Session("twice")
    tracker.track(session)
    tracker.track(session)
    expect_equal(_alive(tracker, "after tracking one object twice"), 1, "alive() after tracking the same object twice")


@check(weight=1, description="unhashable objects (with __eq__ and no __hash__) can be tracked")
def unhashable(solution):
    tracker = solution.LeakTracker()
    try:
        kept = _track_points(tracker)
    except TypeError as error:
        fail(f"track(Point(1, 2)) raised TypeError ({error}): Point defines __eq__ without __hash__; "
             "do not require tracked objects to be hashable (a WeakSet does)")
    expect_equal(_alive(tracker, "with 2 of 3 points kept"), 2,
                 "alive() after tracking two equal but distinct Points (kept) and a third one (dropped)")
    expect_equal(len(kept), 2, "points kept")


@check(weight=1, description="two trackers are independent")
def independent(solution):
    first, second = solution.LeakTracker(), solution.LeakTracker()
    x, y, z = Session("x"), Session("y"), Session("z")
    first.track(x)
    second.track(y)
    second.track(z)
    expect_equal(_alive(first, "of the first tracker"), 1,
                 "first.alive() after first tracks 1 object and another tracker tracks 2 others")
