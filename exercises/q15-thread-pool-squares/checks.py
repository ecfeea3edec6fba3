from threading import Barrier, BrokenBarrierError, Event, Lock, current_thread, get_ident
import fractions

from pygrade import check, expect_equal, expect_false, expect_raises, expect_true, fail


class _Num:
    """A number for the checks: squaring it (n * n or n ** 2) first runs a hook, then
    answers a plain int. The hook can hold the squaring until other threads arrive."""

    def __init__(self, value, hook=None):
        self.value = value
        self.hook = hook

    def _square(self):
        if self.hook is not None:
            self.hook(self)
        return self.value * self.value

    def __mul__(self, other):
        return self._square()

    def __pow__(self, exponent, modulo=None):
        return self._square()

    def __repr__(self):
        return f"Num({self.value})"


@check(weight=1, description="the pool is shut down before square_all returns: none of its threads is left running")
def pool_shut_down(solution):
    workers = set()
    lock = Lock()

    def hook(number):
        with lock:
            workers.add(current_thread())

    result = solution.square_all([_Num(n, hook) for n in range(8)])
    expect_equal(result, [n * n for n in range(8)], "square_all of 8 numbers")
    running = [thread for thread in workers if thread.is_alive() and thread is not current_thread()]
    expect_true(not running, f"the pool's threads have ended when square_all returns ({len(running)} of "
                             f"{len(workers)} still running: the pool was not shut down)")


@check(weight=2, description="square_all returns the squares as a list, in input order")
def squares_in_order(solution):
    expect_equal(solution.square_all([3, 1, 2]), [9, 1, 4], "square_all([3, 1, 2])")
    expect_equal(solution.square_all(list(range(20))), [n * n for n in range(20)], "square_all(list(range(20)))")
    expect_equal(solution.square_all([1.5, -2]), [2.25, 4], "square_all([1.5, -2])")
    result = solution.square_all([fractions.Fraction(1, 2)])
    expect_equal(type(result).__name__, "list", "type of square_all([Fraction(1, 2)])")
    expect_equal(len(result), 1, "len(square_all([Fraction(1, 2)]))")
    expect_true(type(result[0]) is fractions.Fraction, "square_all([Fraction(1, 2)])[0] is a Fraction")
    expect_equal((result[0].numerator, result[0].denominator), (1, 4),
                 "square_all([Fraction(1, 2)])[0] as (numerator, denominator)")


@check(weight=1, description="square_all accepts any iterable (empty list, tuple, generator) and returns a list")
def any_iterable(solution):
    expect_equal(solution.square_all([]), [], "square_all([])")
    expect_equal(solution.square_all((4, 5)), [16, 25], "square_all((4, 5))")
    expect_equal(solution.square_all(n for n in range(6)), [0, 1, 4, 9, 16, 25],
                 "square_all(n for n in range(6))")
    expect_equal(solution.square_all(range(3), max_workers=1), [0, 1, 4], "square_all(range(3), max_workers=1)")


@check(weight=2, description="with the default max_workers=4, four squares are computed at the same time, in four worker threads, never five")
def runs_in_parallel(solution):
    # Each squaring waits at a barrier for 4 parties: it only opens if 4 squarings run at once.
    barrier = Barrier(4, timeout=2)
    # ... and first at one for 5, which must NOT open: the default is 4 workers, not more
    # (a pool of 5 or of ThreadPoolExecutor's own default size would open it).
    crowd = Barrier(5, timeout=0.75)
    state = {"five_at_once": False}
    idents = []
    lock = Lock()
    main = get_ident()

    def hook(number):
        with lock:
            idents.append(get_ident())
        try:
            crowd.wait()
            state["five_at_once"] = True
        except BrokenBarrierError:
            pass
        barrier.wait()

    try:
        result = solution.square_all([_Num(n, hook) for n in range(8)])
    except BrokenBarrierError:
        fail("square_all([8 numbers]) did not square 4 numbers at the same time: the squaring must "
             "run in the pool's worker threads, all submitted before any result is awaited")
    expect_equal(result, [n * n for n in range(8)], "square_all of 8 numbers whose squaring waits for others")
    expect_true(main not in idents, "the squaring ran in worker threads, not in the caller's thread")
    expect_false(state["five_at_once"], "five squares ran at once with the default max_workers=4")
    expect_equal(len(set(idents)), 4, "number of distinct threads that squared the 8 numbers")


@check(weight=2, description="max_workers is respected: with max_workers=2, never 3 squares at once (and 2 at once do happen)")
def max_workers_respected(solution):
    # pair opens when 2 squarings run at once (proves 2 workers);
    # crowd could only open if 3 ran at once: with 2 workers it always times out.
    pair = Barrier(2, timeout=2)
    crowd = Barrier(3, timeout=0.75)
    outcome = {"paired": 0, "crowd_opened": False}
    lock = Lock()

    def hook(number):
        if number.value < 2:
            pair.wait()
            with lock:
                outcome["paired"] += 1
            return
        try:
            crowd.wait()
            with lock:
                outcome["crowd_opened"] = True
        except BrokenBarrierError:
            pass

    try:
        result = solution.square_all([_Num(n, hook) for n in range(8)], max_workers=2)
    except BrokenBarrierError:
        fail("square_all(8 numbers, max_workers=2) never squared 2 numbers at the same time")
    expect_equal(result, [n * n for n in range(8)], "square_all(8 numbers, max_workers=2)")
    expect_false(outcome["crowd_opened"],
                 "3 squares ran at the same time with max_workers=2 (pass max_workers to ThreadPoolExecutor)")


@check(weight=1, description="the order of the result is the input order even when later numbers finish first")
def order_kept_when_finishing_backwards(solution):
    # Number k waits until number k+1 has been squared: they finish last-to-first.
    count = 4
    done = [Event() for _ in range(count)]

    def hook(number):
        k = number.value
        if k + 1 < count:
            done[k + 1].wait(0.5)

    class Tracked(_Num):
        def _square(self):
            try:
                return _Num._square(self)
            finally:
                done[self.value].set()

    result = solution.square_all([Tracked(k, hook) for k in range(count)])
    expect_equal(result, [0, 1, 4, 9], "square_all of 4 numbers that finish in reverse order")


@check(weight=2, description="an exception raised while squaring propagates to the caller, same type")
def exceptions_propagate(solution):
    expect_raises(TypeError, solution.square_all, [1, "x", 3], what='square_all([1, "x", 3])')

    def boom(number):
        if number.value == 2:
            raise ValueError("cannot square 2")

    with expect_raises(ValueError, "square_all(numbers) where squaring the third one raises ValueError") as caught:
        solution.square_all([_Num(n, boom) for n in range(5)])
    expect_equal(str(caught.exception), "cannot square 2", "the message of the ValueError square_all raised")

