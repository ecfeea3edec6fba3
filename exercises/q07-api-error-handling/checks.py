from pygrade import check, expect_equal, expect_true, fail

INTERNAL = (500, {"error": "internal server error"})


def _respond(solution, request, what):
    try:
        response = solution.handle_request(request)
    except Exception as error:
        fail(f"handle_request({what}) raised {type(error).__name__}: {error}; "
             "it must answer every request with (status, body), never raise")
    if not isinstance(response, tuple) or len(response) != 2:
        fail(f"handle_request({what}) should return a (status, body) tuple, it returned {response!r}")
    return response


def _status(solution, request, what):
    status, body = _respond(solution, request, what)
    if status != 200:
        expect_true(isinstance(body, dict) and isinstance(body.get("error"), str) and body.get("error") != "",
                    f"the body of the {status} answer to {what} is {{'error': <a message>}} (got {body!r})")
    return status


class _Route:
    """Adds a route to the candidate's table for the duration of a with-block."""

    def __init__(self, solution, key, handler):
        self.routes, self.key, self.handler = getattr(solution, "ROUTES", None), key, handler

    def __enter__(self):
        if not isinstance(self.routes, dict):
            fail("solution.ROUTES should be a dict mapping (method, path) to a handler")
        self.routes[self.key] = self.handler
        return self

    def __exit__(self, *exc_info):
        self.routes.pop(self.key, None)
        return False


@check(weight=2, description="the three routes answer 200 with their result")
def success(solution):
    expect_equal(_respond(solution, {"method": "GET", "path": "/health"}, "GET /health"),
                 (200, {"status": "ok"}), "handle_request GET /health (no body)")
    expect_equal(_respond(solution, {"method": "POST", "path": "/add", "body": {"a": 2, "b": 3}}, "POST /add"),
                 (200, {"result": 5}), "handle_request POST /add {'a': 2, 'b': 3}")
    expect_equal(_respond(solution, {"method": "POST", "path": "/add", "body": {"a": 1.5, "b": -4}}, "POST /add"),
                 (200, {"result": -2.5}), "handle_request POST /add {'a': 1.5, 'b': -4}")
    expect_equal(_respond(solution, {"method": "POST", "path": "/divide", "body": {"a": 7, "b": 2}}, "POST /divide"),
                 (200, {"result": 3.5}), "handle_request POST /divide {'a': 7, 'b': 2}")


@check(weight=3, description="bad input (missing or wrong-typed fields, division by zero) is a 400 with a message")
def bad_input(solution):
    cases = [
        ("/add", {"a": 1}, "POST /add {'a': 1} (b missing)"),
        ("/add", {}, "POST /add {} (both missing)"),
        ("/add", {"a": "2", "b": 3}, "POST /add {'a': '2', 'b': 3}"),
        ("/add", {"a": "2", "b": "3"}, "POST /add {'a': '2', 'b': '3'}"),
        ("/divide", {"a": None, "b": 2}, "POST /divide {'a': None, 'b': 2}"),
        ("/divide", {"a": 1, "b": [2]}, "POST /divide {'a': 1, 'b': [2]}"),
        ("/divide", {"a": 1, "b": 0}, "POST /divide {'a': 1, 'b': 0}"),
    ]
    for path, body, what in cases:
        status = _status(solution, {"method": "POST", "path": path, "body": body}, what)
        expect_equal(status, 400, f"the status answering {what}")


@check(weight=2, description="a ValueError raised by a handler becomes 400 with the exception's message")
def value_error_message(solution):
    def order(body):
        raise ValueError("quantity must be positive")

    with _Route(solution, ("POST", "/orders"), order):
        expect_equal(_respond(solution, {"method": "POST", "path": "/orders", "body": {"quantity": -1}}, "POST /orders"),
                     (400, {"error": "quantity must be positive"}),
                     "handle_request POST /orders, a route added to ROUTES whose handler raises "
                     "ValueError('quantity must be positive')")


@check(weight=2, description="an unknown route (path or method) is a 404")
def not_found(solution):
    for method, path in (("GET", "/nope"), ("GET", "/add"), ("DELETE", "/health"), ("POST", "/Add")):
        status = _status(solution, {"method": method, "path": path, "body": {}}, f"{method} {path}")
        expect_equal(status, 404, f"the status answering {method} {path} (no such route)")


@check(weight=3, description="any other exception is a 500 with a generic message that reveals nothing")
def internal_error(solution):
    def report(body):
        raise RuntimeError("cannot connect to postgres://admin:hunter2@db.internal/prod")

    def lookup(body):
        return {"user": {}["id"]}  # a bug: KeyError

    def average(body):
        return {"mean": sum(body["values"]) / len(body["values"])}  # TypeError / ZeroDivisionError

    with _Route(solution, ("GET", "/report"), report), _Route(solution, ("GET", "/lookup"), lookup), \
            _Route(solution, ("POST", "/average"), average):
        expect_equal(_respond(solution, {"method": "GET", "path": "/report"}, "GET /report"), INTERNAL,
                     "handle_request GET /report whose handler raises RuntimeError('cannot connect to "
                     "postgres://admin:hunter2@...') (the secret must not leak)")
        expect_equal(_respond(solution, {"method": "GET", "path": "/lookup"}, "GET /lookup"), INTERNAL,
                     "handle_request GET /lookup whose handler has a bug raising KeyError "
                     "(a server bug, not a 404 nor a 400)")
        expect_equal(_respond(solution, {"method": "POST", "path": "/average", "body": {"values": []}},
                              "POST /average"), INTERNAL,
                     "handle_request POST /average whose handler raises ZeroDivisionError")


@check(weight=1, description="routes added to ROUTES later are served (looked up per request)")
def routes_table(solution):
    with _Route(solution, ("GET", "/version"), lambda body: {"version": "1.2.0"}):
        expect_equal(_respond(solution, {"method": "GET", "path": "/version"}, "GET /version"),
                     (200, {"version": "1.2.0"}), "handle_request GET /version after ROUTES gained it")


@check(weight=1, description="a malformed request (not a dict, no method or path, body not a dict) is a 400")
def malformed_request(solution):
    cases = [
        ("GET /health", "the string 'GET /health'"),
        ({"path": "/health"}, "{'path': '/health'} (no method)"),
        ({"method": "GET"}, "{'method': 'GET'} (no path)"),
        ({"method": "POST", "path": "/add", "body": [1, 2]}, "POST /add with body [1, 2]"),
    ]
    for request, what in cases:
        expect_equal(_status(solution, request, what), 400, f"the status answering {what}")
