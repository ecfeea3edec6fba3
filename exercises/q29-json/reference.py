import json
from datetime import date, datetime


def _encode(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def save_json(data, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, default=_encode, ensure_ascii=False)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
