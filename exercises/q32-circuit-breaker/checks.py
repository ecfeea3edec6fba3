from pygrade import check, expect_equal, expect_raises, expect_true, fail


class _Clock:
    """A fake clock the checks move by hand."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


class ServiceDown(Exception):
    """What the protected function raises."""


class _Service:
    """A protected function that counts its calls and fails while .failing is True."""

    def __init__(self):
        self.calls = 0
        self.failing = False

    def __call__(self, *args):
        self.calls += 1
        if self.failing:
            raise ServiceDown("service down")
        return ("ok",) + args


def _breaker(solution, threshold, timeout, clock):
    return solution.CircuitBreaker(threshold, timeout, clock=clock)


def _fail_once(solution, breaker, service, what, strict=False):
    """One failing call. Strict: the function's own exception must come out unchanged
    (only opens_after_threshold insists, so that one mistake costs one check)."""
    service.failing = True
    with expect_raises(ServiceDown if strict else Exception, what) as raised:
        breaker.call(service)
    if strict and isinstance(raised.exception, solution.CircuitOpenError):
        fail(f"{what} raised CircuitOpenError; the function's own exception must propagate unchanged")
    service.failing = False


@check(weight=1, description="a closed breaker calls the function with its arguments and returns the result")
def passes_through(solution):
    clock = _Clock()
    service = _Service()
    breaker = _breaker(solution, 3, 10, clock)
    expect_equal(breaker.state, "closed", "state of a new CircuitBreaker(3, 10)")
    expect_equal(breaker.call(service, 1, "a"), ("ok", 1, "a"), "breaker.call(service, 1, 'a')")
    expect_equal(service.calls, 1, "calls made to the function by one breaker.call")
    expect_equal(breaker.state, "closed", "state after a successful call")


@check(weight=2, description="failures propagate unchanged; the circuit opens at failure_threshold")
def opens_after_threshold(solution):
    clock = _Clock()
    service = _Service()
    breaker = _breaker(solution, 3, 10, clock)
    for attempt in (1, 2):
        _fail_once(solution, breaker, service, f"failing call number {attempt} (threshold 3)", strict=True)
        expect_equal(breaker.state, "closed", f"state after {attempt} failure(s) of 3 allowed")
    _fail_once(solution, breaker, service, "failing call number 3 (threshold 3)", strict=True)
    expect_equal(breaker.state, "open", "state after 3 consecutive failures with failure_threshold=3")
    expect_equal(service.calls, 3, "calls made to the function")


@check(weight=1, description="a success resets the failure count: only consecutive failures open the circuit")
def success_resets_count(solution):
    clock = _Clock()
    service = _Service()
    breaker = _breaker(solution, 3, 10, clock)
    _fail_once(solution, breaker, service, "first failing call")
    _fail_once(solution, breaker, service, "second failing call")
    expect_equal(breaker.call(service), ("ok",), "a successful call after two failures")
    _fail_once(solution, breaker, service, "failing call after the success")
    _fail_once(solution, breaker, service, "second failing call after the success")
    expect_equal(breaker.state, "closed",
                 "state after fail, fail, success, fail, fail with failure_threshold=3")


@check(weight=2, description="an open circuit fails fast with CircuitOpenError and does not call the function")
def fails_fast_when_open(solution):
    expect_true(isinstance(solution.CircuitOpenError, type) and issubclass(solution.CircuitOpenError, Exception)
                and not issubclass(ServiceDown, solution.CircuitOpenError),
                "CircuitOpenError is its own Exception subclass")
    clock = _Clock(50.0)
    service = _Service()
    breaker = _breaker(solution, 2, 30, clock)
    _fail_once(solution, breaker, service, "first failing call")
    _fail_once(solution, breaker, service, "second failing call")
    for now in (50.0, 60.0, 79.5):
        clock.now = now
        expect_raises(solution.CircuitOpenError, breaker.call, service,
                      what=f"breaker.call(service) {now - 50.0:g} s after opening (reset_timeout=30)")
        expect_equal(breaker.state, "open", f"state {now - 50.0:g} s after opening (reset_timeout=30)")
    expect_equal(service.calls, 2, "calls made to the function while the circuit was open (2 before it opened)")


@check(weight=2, description="after reset_timeout the circuit is half-open; a successful trial call closes it")
def half_open_success_closes(solution):
    clock = _Clock(0.0)
    service = _Service()
    breaker = _breaker(solution, 2, 30, clock)
    _fail_once(solution, breaker, service, "first failing call")
    _fail_once(solution, breaker, service, "second failing call")
    clock.now = 30.0
    expect_equal(breaker.state, "half_open", "state exactly reset_timeout (30 s) after opening, before any call")
    expect_equal(breaker.call(service, 5), ("ok", 5), "the trial call in the half-open state")
    expect_equal(service.calls, 3, "calls made to the function (the trial call must reach it)")
    expect_equal(breaker.state, "closed", "state after a successful trial call")
    _fail_once(solution, breaker, service, "a failure after closing again")
    expect_equal(breaker.state, "closed",
                 "state after one new failure (the count restarts at 0 when the circuit closes; threshold 2)")


@check(weight=2, description="a failed trial call reopens the circuit at once, with a fresh reset_timeout")
def half_open_failure_reopens(solution):
    clock = _Clock(0.0)
    service = _Service()
    breaker = _breaker(solution, 3, 10, clock)
    for attempt in (1, 2, 3):
        _fail_once(solution, breaker, service, f"failing call number {attempt}")
    clock.now = 12.0
    expect_equal(breaker.state, "half_open", "state 12 s after opening (reset_timeout=10)")
    _fail_once(solution, breaker, service, "the failing trial call in the half-open state")
    expect_equal(breaker.state, "open", "state after the trial call failed (one failure is enough)")
    clock.now = 21.0
    expect_raises(solution.CircuitOpenError, breaker.call, service,
                  what="breaker.call 9 s after the failed trial (reset_timeout=10 counts from that failure)")
    expect_equal(breaker.state, "open", "state 9 s after the failed trial")
    clock.now = 22.0
    expect_equal(breaker.state, "half_open", "state 10 s after the failed trial")
    expect_equal(service.calls, 4, "calls made to the function (3 failures and 1 trial)")


@check(weight=1, description="without a clock argument it uses time.monotonic")
def default_clock(solution):
    service = _Service()
    breaker = solution.CircuitBreaker(1, 3600)
    _fail_once(solution, breaker, service, "failing call with failure_threshold=1")
    expect_equal(breaker.state, "open", "state right after the failure (reset_timeout=3600, real clock)")
    expect_raises(solution.CircuitOpenError, breaker.call, service,
                  what="breaker.call right after opening (reset_timeout=3600, real clock)")
