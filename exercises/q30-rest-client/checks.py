import json
import sys
import types

from pygrade import check, expect_equal, expect_raises, expect_true, fail

# The sandbox has no network. A stand-in for `requests` is installed now, while the checks
# load, so that the candidate's `import requests` (which runs later) finds it. Every request,
# through the module or through a session, is recorded in CALLS; SERVER says what to answer.
CALLS = []
SERVER = {"status": 200, "payload": []}


class RequestException(OSError):
    pass


class HTTPError(RequestException):
    pass


class FakeResponse:
    def __init__(self, status, payload, url):
        self.status_code = status
        self.url = url
        self.text = json.dumps(payload)
        self.content = self.text.encode()
        self.headers = {"Content-Type": "application/json"}
        self.ok = status < 400
        self.reason = {200: "OK", 404: "Not Found"}.get(status, "Error")

    def json(self):
        return json.loads(self.text)

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPError("%d Error for url: %s" % (self.status_code, self.url))


def _answer(via, method, url, kwargs):
    CALLS.append({"via": via, "method": str(method).upper(), "url": url, "kwargs": dict(kwargs)})
    status = SERVER["status"]
    payload = SERVER["payload"] if status == 200 else {"detail": "status %d" % status}
    return FakeResponse(status, payload, url)


class FakeSession:
    """Records its requests like requests.Session would make them."""

    def __init__(self, via="session"):
        self.via = via
        self.headers = {}

    def request(self, method, url, **kwargs):
        return _answer(self.via, method, url, kwargs)

    def get(self, url, **kwargs):
        return _answer(self.via, "GET", url, kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


def _module_get(url, params=None, **kwargs):
    if params is not None:
        kwargs["params"] = params
    return _answer("requests", "GET", url, kwargs)


def _module_request(method, url, **kwargs):
    return _answer("requests", method, url, kwargs)


def _module_session():
    return FakeSession(via="requests")


requests = types.ModuleType("requests")
requests.get = _module_get
requests.request = _module_request
requests.Session = _module_session
requests.session = _module_session
requests.Response = FakeResponse
requests.RequestException = RequestException
requests.HTTPError = HTTPError
requests.ConnectionError = type("ConnectionError", (RequestException,), {})
requests.Timeout = type("Timeout", (RequestException,), {})
requests.exceptions = requests
sys.modules["requests"] = requests
sys.modules["requests.exceptions"] = requests

USERS = [{"id": 1, "name": "Ada"}, {"id": 2, "name": "Grace"}, {"id": 3, "name": "Edsger"}]
BASE = "https://api.example.com/v1"


def _serve(status, payload=None):
    CALLS.clear()
    SERVER["status"] = status
    SERVER["payload"] = payload if payload is not None else []


def _via_session(solution, base_url, status, payload=None):
    """Calls get_users(base_url, session=...) and answers (what, result, calls) ."""
    _serve(status, payload)
    what = "get_users(%r, session=s) when the server answers %d" % (base_url, status)
    result = solution.get_users(base_url, session=FakeSession())
    return what, result, _calls_made(what, "session")


def _calls_made(what, via):
    others = [call for call in CALLS if call["via"] != via]
    if others:
        fail("%s made its request through %s, not through the %s it was given"
             % (what, "the requests module" if others[0]["via"] == "requests" else "the session", via))
    return [(call["method"], call["url"]) for call in CALLS]


def _good_timeout(value):
    def positive(number):
        return type(number) in (int, float) and number > 0
    if isinstance(value, tuple):
        return len(value) == 2 and positive(value[0]) and positive(value[1])
    return positive(value)


@check(weight=2, description="status 200: the JSON list of users is returned")
def returns_json_on_200(solution):
    what, result, _ = _via_session(solution, BASE, 200, USERS)
    expect_equal(result, USERS, what)
    what, result, _ = _via_session(solution, BASE, 200, [])
    expect_equal(result, [], what)


@check(weight=2, description="exactly one GET request to {base_url}/users, through the given session")
def requests_users_url(solution):
    what, _, calls = _via_session(solution, BASE, 200, USERS)
    expect_equal(calls, [("GET", BASE + "/users")], "the (method, url) of each request made by " + what)
    what, _, calls = _via_session(solution, "http://localhost:8080", 200, USERS)
    expect_equal(calls, [("GET", "http://localhost:8080/users")], "the (method, url) of each request made by " + what)


@check(weight=1, description="a trailing / on base_url is not doubled")
def trailing_slash(solution):
    what, _, calls = _via_session(solution, BASE + "/", 200, USERS)
    expect_equal(calls, [("GET", BASE + "/users")], "the (method, url) of each request made by " + what)


@check(weight=2, description="every request carries a positive timeout, with or without a session")
def sends_timeout(solution):
    what, _, _ = _via_session(solution, BASE, 200, USERS)
    for call in CALLS:
        timeout = call["kwargs"].get("timeout")
        expect_true(_good_timeout(timeout), "%s passes a positive timeout= (it passed timeout=%r)" % (what, timeout))
    _serve(200, USERS)
    solution.get_users(BASE)
    what = "get_users(%r) without a session" % BASE
    if not CALLS:
        fail(what + " made no request through the requests module")
    for call in CALLS:
        timeout = call["kwargs"].get("timeout")
        expect_true(_good_timeout(timeout), "%s passes a positive timeout= (it passed timeout=%r)" % (what, timeout))


@check(weight=1, description="status 404: an empty list is returned")
def empty_on_404(solution):
    what, result, _ = _via_session(solution, BASE, 404)
    expect_equal(result, [], what)


@check(weight=2, description="any other status raises RuntimeError")
def raises_on_other_status(solution):
    for status in (500, 503, 401, 400, 201, 302):
        _serve(status)
        with expect_raises(RuntimeError, "get_users(%r, session=s) when the server answers %d" % (BASE, status)):
            solution.get_users(BASE, session=FakeSession())


@check(weight=1, description="the error's message mentions the status code")
def status_in_message(solution):
    for status in (500, 401):
        _serve(status)
        what = "get_users(%r, session=s) when the server answers %d" % (BASE, status)
        try:
            solution.get_users(BASE, session=FakeSession())
        except Exception as error:
            message = str(error)
        else:
            fail(what + " raised no exception")
        expect_true(str(status) in message,
                    "the message of the exception raised by %s mentions %d (the message is %r)"
                    % (what, status, message))


@check(weight=2, description="without a session, the requests module is used")
def uses_requests_module(solution):
    _serve(200, USERS)
    what = "get_users(%r) without a session" % BASE
    result = solution.get_users(BASE)
    expect_equal(_calls_made(what, "requests"), [("GET", BASE + "/users")],
                 "the (method, url) of each request made through the requests module by " + what)
    expect_equal(result, USERS, what)
