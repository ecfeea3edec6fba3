from threading import Barrier, BrokenBarrierError, Lock, Thread

from pygrade import check, expect_equal, expect_is, expect_true, fail

# How long a thread inside the creation step waits for a second one to join it.
# A guarded creation never lets a second thread in, so the wait just runs out.
RACE_WINDOW_SECONDS = 1.5


class _Counter:
    def __init__(self):
        self.lock = Lock()
        self.count = 0

    def bump(self):
        with self.lock:
            self.count += 1
            return self.count


def _make_hook(counter, barrier=None):
    """A mixin placed after Singleton in a subclass's bases: super().__new__(cls) inside
    Singleton's creation step reaches it, so it sees (and can hold open) that step."""
    class CreationHook:
        def __new__(cls, *args, **kwargs):
            counter.bump()
            if barrier is not None:
                try:
                    barrier.wait()
                except BrokenBarrierError:
                    pass
            return object.__new__(cls)
    return CreationHook


def _run_threads(count, target):
    results = [None] * count
    errors = []

    def work(index):
        try:
            results[index] = target()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        fail(f"a thread calling the class raised {type(errors[0]).__name__}: {errors[0]}")
    return results


def _distinct(objects):
    seen = []
    for item in objects:
        if not any(item is other for other in seen):
            seen.append(item)
    return seen


@check(weight=2, description="Singleton() returns the same object every time, an instance of Singleton")
def same_instance(solution):
    first = solution.Singleton()
    expect_is(solution.Singleton(), first, "Singleton() called a second time (should be the first object)")
    expect_is(solution.Singleton(), first, "Singleton() called a third time (should be the first object)")
    expect_true(type(first) is solution.Singleton, f"type(Singleton()) is Singleton (it is {type(first).__name__})")


@check(weight=2, description="each subclass of Singleton has its own single instance")
def subclass_own_instance(solution):
    base = solution.Singleton()

    class Config(solution.Singleton):
        pass

    class Cache(solution.Singleton):
        pass

    config = Config()
    expect_true(type(config) is Config,
                f"type(Config()) is Config for class Config(Singleton) created after Singleton() "
                f"(it is {type(config).__name__}: the subclass got the parent's instance)")
    expect_is(Config(), config, "Config() called a second time (should be the first Config object)")
    cache = Cache()
    expect_true(type(cache) is Cache, f"type(Cache()) is Cache (it is {type(cache).__name__})")
    expect_true(cache is not config, "Cache() is not Config(): two subclasses must not share an instance")
    expect_is(solution.Singleton(), base, "Singleton() after creating subclass instances (should be unchanged)")


@check(weight=1, description="the instance is created lazily, on the first call, and only once")
def created_once(solution):
    counter = _Counter()
    Hook = _make_hook(counter)

    class Lazy(solution.Singleton, Hook):
        pass

    expect_equal(counter.count, 0, "objects created by merely defining class Lazy(Singleton, Mixin)")
    first = Lazy()
    if type(first) is not Lazy:
        fail(f"Lazy() returned a {type(first).__name__}, not a Lazy: each subclass needs its own instance")
    if counter.count == 0:
        fail("Lazy() created its instance without super().__new__(cls) (or super().__call__ in a "
             "metaclass): create it cooperatively, as the prompt asks")
    for _ in range(9):
        expect_is(Lazy(), first, "Lazy() called again (should be the first object)")
    expect_equal(counter.count, 1, "objects created over 10 calls of Lazy()")


@check(weight=3, description="16 threads calling a Singleton subclass at the same moment create one instance and all get it, even when creating it is slow")
def sixteen_threads(solution):
    # 16 threads, released together by a barrier, call Shared(). The first one to reach the
    # creation step is held there (up to RACE_WINDOW_SECONDS) waiting for another thread to
    # reach it too. With a lock around check-and-create the others wait outside and that
    # barrier runs out: one object. Without one, a second thread also sees "no instance yet"
    # and enters the creation step: two objects or more. The race is made certain, not lucky.
    counter = _Counter()
    window = Barrier(2, timeout=RACE_WINDOW_SECONDS)
    Hook = _make_hook(counter, window)

    class Shared(solution.Singleton, Hook):
        pass

    start = Barrier(16, timeout=5)

    def create():
        start.wait()
        return Shared()

    results = _run_threads(16, create)
    for result in results:
        if type(result) is not Shared:
            fail(f"Shared() returned a {type(result).__name__}, not a Shared: each subclass needs its own "
                 "instance, so the creation step could not be observed")
    if counter.count == 0:
        fail("Shared() created its instance without super().__new__(cls) (or super().__call__ in a "
             "metaclass), so the creation step could not be observed: create it cooperatively")
    expect_equal(counter.count, 1,
                 "instances created when 16 threads call Shared() at once and creating it is slow "
                 "(the check-and-create step needs one lock shared by all calls)")
    expect_equal(len(_distinct(results)), 1, "number of distinct objects the 16 threads got from Shared()")


@check(weight=2, description="creating one singleton may create another one (in __init__) without deadlocking")
def nested_creation(solution):
    class Logger(solution.Singleton):
        pass

    class Config(solution.Singleton):
        def __init__(self):
            if not hasattr(self, "logger"):
                self.logger = Logger()

    config = Config()
    expect_true(type(config) is Config, f"type(Config()) is Config (it is {type(config).__name__})")
    expect_true(type(config.logger) is Logger, "Config().logger, made by Logger() inside Config.__init__, is a Logger")
    expect_is(config.logger, Logger(), "Config().logger (should be the one Logger instance)")
    expect_is(Config(), config, "Config() called a second time")
