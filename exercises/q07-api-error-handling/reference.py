import logging

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())
logger.propagate = False


def _number(body, name):
    if name not in body:
        raise ValueError(f"missing field {name!r}")
    value = body[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"field {name!r} must be a number, got {type(value).__name__}")
    return value


def health(body):
    return {"status": "ok"}


def add(body):
    return {"result": _number(body, "a") + _number(body, "b")}


def divide(body):
    a, b = _number(body, "a"), _number(body, "b")
    if b == 0:
        raise ValueError("division by zero")
    return {"result": a / b}


ROUTES = {
    ("GET", "/health"): health,
    ("POST", "/add"): add,
    ("POST", "/divide"): divide,
}


def handle_request(request):
    if not isinstance(request, dict):
        return 400, {"error": "the request must be a JSON object"}
    method, path = request.get("method"), request.get("path")
    if not isinstance(method, str) or not isinstance(path, str):
        return 400, {"error": "the request needs a method and a path"}
    body = request.get("body", {})
    if not isinstance(body, dict):
        return 400, {"error": "the body must be a JSON object"}
    handler = ROUTES.get((method, path))
    if handler is None:
        return 404, {"error": f"no route for {method} {path}"}
    try:
        result = handler(body)
    except ValueError as error:          # the client's fault
        return 400, {"error": str(error)}
    except Exception:                    # ours: log it, reveal nothing
        logger.exception("unexpected error handling %s %s", method, path)
        return 500, {"error": "internal server error"}
    else:
        return 200, result
