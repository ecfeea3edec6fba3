import threading
import time

from pygrade import check, expect_equal, expect_false, expect_raises, expect_true, fail

THREADS = 8
INCREMENTS = 2500  # 8 x 2,500: the interpreter is slow; the lock itself is proven by counter_lock_held


class _SpyLock:
    """Stands in for Counter._lock (one thread only): records the count each time the
    outermost acquire/release happens, while recording is on."""

    def __init__(self, counter):
        self.counter = counter
        self.depth = 0
        self.recording = False
        self.events = []

    def _note(self, event):
        if self.recording:
            self.recording = False  # reading .value may take the lock again
            try:
                self.events.append((event, self.counter.value))
            finally:
                self.recording = True

    def acquire(self, blocking=True, timeout=-1):
        self.depth += 1
        if self.depth == 1:
            self._note("acquire")
        return True

    def release(self):
        if self.depth == 1:
            self._note("release")
        self.depth -= 1

    def locked(self):
        return self.depth > 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()
        return False


def _increment_many(counter, barrier, times):
    barrier.wait()
    for _ in range(times):
        counter.increment()


def _put_then_signal(buffer, item, started, done):
    started.set()
    buffer.put(item)
    done.set()


def _get_then_signal(buffer, started, done, into):
    started.set()
    into.append(buffer.get())
    done.set()


def _produce(buffer, barrier, producer, count):
    barrier.wait()
    for index in range(count):
        buffer.put((producer, index))


def _consume(buffer, barrier, count, into):
    barrier.wait()
    for _ in range(count):
        into.append(buffer.get())


def _join_all(threads, what, budget=3.5):
    """Joins the threads within budget seconds in all (a bound for a deadlock, not a measurement)."""
    deadline = time.monotonic() + budget
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if stuck:
        fail(f"{what}: {len(stuck)} thread(s) never finished (a deadlock, or items lost)")


@check(weight=1, description="Counter starts at 0 and increment() adds 1")
def counter_basics(solution):
    counter = solution.Counter()
    expect_equal(counter.value, 0, "Counter().value")
    for _ in range(3):
        counter.increment()
    expect_equal(counter.value, 3, "value after 3 increments")


@check(weight=2, description=f"{THREADS} threads incrementing at once lose no update")
def counter_threads(solution):
    counter = solution.Counter()
    barrier = threading.Barrier(THREADS, timeout=4)
    threads = [threading.Thread(target=_increment_many, args=(counter, barrier, INCREMENTS), daemon=True)
               for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    _join_all(threads, "incrementing threads")
    expect_equal(counter.value, THREADS * INCREMENTS,
                 f"value after {THREADS} threads each called increment() {INCREMENTS} times")


@check(weight=2, description="increment() holds self._lock while it updates the count")
def counter_lock_held(solution):
    counter = solution.Counter()
    lock = getattr(counter, "_lock", None)
    expect_true(lock is not None and hasattr(lock, "acquire") and hasattr(lock, "release")
                and hasattr(lock, "__enter__"),
                "Counter() has a lock (threading.Lock or RLock) in the attribute _lock")
    counter.increment()
    counter.increment()
    spy = _SpyLock(counter)
    counter._lock = spy
    spy.recording = True
    counter.increment()
    spy.recording = False
    if not spy.events:
        fail("increment() never acquired self._lock (it must hold the lock stored in self._lock "
             "while it updates the count, not a new lock made on each call)")
    expect_equal(spy.events, [("acquire", 2), ("release", 3)],
                 "(event, value) pairs seen by self._lock during one increment() from 2: the count "
                 "must change between acquire and release")


@check(weight=1, description="BoundedBuffer is first-in, first-out")
def buffer_fifo(solution):
    buffer = solution.BoundedBuffer(3)
    for item in ("a", "b", "c"):
        buffer.put(item)
    expect_equal(buffer.get(), "a", "get() after put('a'), put('b'), put('c')")
    buffer.put("d")
    expect_equal([buffer.get(), buffer.get(), buffer.get()], ["b", "c", "d"],
                 "three more get() after one get() and put('d')")


@check(weight=1, description="BoundedBuffer(1) holds one item; a capacity below 1 raises ValueError")
def capacity_validated(solution):
    buffer = solution.BoundedBuffer(1)
    buffer.put("a")
    first = buffer.get()
    buffer.put("b")
    expect_equal([first, buffer.get()], ["a", "b"], "put('a'), get(), put('b'), get() on a BoundedBuffer(1)")
    for capacity in (0, -3):
        with expect_raises(ValueError, f"BoundedBuffer({capacity}) (a buffer must be able to hold at least 1 item)"):
            solution.BoundedBuffer(capacity)


@check(weight=2, description="put() on a full buffer blocks until a get() makes room")
def full_put_blocks(solution):
    buffer = solution.BoundedBuffer(2)
    buffer.put("a")
    buffer.put("b")
    started, done = threading.Event(), threading.Event()
    producer = threading.Thread(target=_put_then_signal, args=(buffer, "c", started, done), daemon=True)
    producer.start()
    expect_true(started.wait(4), "the producer thread started")
    expect_false(done.wait(1.0), "put('c') on a full BoundedBuffer(2) returned without waiting for a get()")
    expect_true(producer.is_alive(), "the producer is still waiting in put('c') on a full buffer "
                                     "(it ended: did put() raise instead of waiting?)")
    expect_equal(buffer.get(), "a", "get() while a producer waits in put('c')")
    expect_true(done.wait(3), "the waiting put('c') returned once get() made room")
    expect_equal([buffer.get(), buffer.get()], ["b", "c"], "the next two get()")
    producer.join(1)


@check(weight=1, description="get() on an empty buffer blocks until a put()")
def empty_get_blocks(solution):
    buffer = solution.BoundedBuffer(2)
    started, done = threading.Event(), threading.Event()
    received = []
    consumer = threading.Thread(target=_get_then_signal, args=(buffer, started, done, received), daemon=True)
    consumer.start()
    expect_true(started.wait(4), "the consumer thread started")
    expect_false(done.wait(1.0), "get() on an empty BoundedBuffer returned without waiting for a put()")
    expect_true(consumer.is_alive(), "the consumer is still waiting in get() on an empty buffer "
                                     "(it ended: did get() raise instead of waiting?)")
    buffer.put("x")
    expect_true(done.wait(3), "the waiting get() returned once put('x') was called")
    expect_equal(received, ["x"], "what the waiting get() returned")
    consumer.join(1)


@check(weight=2, description="3 producers and 3 consumers through a BoundedBuffer(4): nothing lost or duplicated")
def producers_consumers(solution):
    buffer = solution.BoundedBuffer(4)
    per_thread = 150
    barrier = threading.Barrier(6, timeout=4)
    received = [[], [], []]
    threads = [threading.Thread(target=_produce, args=(buffer, barrier, p, per_thread), daemon=True)
               for p in range(3)]
    threads += [threading.Thread(target=_consume, args=(buffer, barrier, per_thread, received[c]), daemon=True)
                for c in range(3)]
    for thread in threads:
        thread.start()
    _join_all(threads, "3 producers and 3 consumers")
    everything = sorted(received[0] + received[1] + received[2])
    expect_equal(everything, [(p, i) for p in range(3) for i in range(per_thread)],
                 "all items the consumers received, sorted (each of 450 items exactly once)")
    for c, items in enumerate(received):
        for p in range(3):
            order = [i for producer, i in items if producer == p]
            expect_equal(order, sorted(order), f"order in which consumer {c} got producer {p}'s items (FIFO)")
