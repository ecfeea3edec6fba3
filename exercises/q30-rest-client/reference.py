import requests

TIMEOUT_SECONDS = 5


def get_users(base_url, session=None):
    url = base_url.rstrip("/") + "/users"
    http = session if session is not None else requests
    response = http.get(url, timeout=TIMEOUT_SECONDS)
    if response.status_code == 200:
        return response.json()
    if response.status_code == 404:
        return []
    raise RuntimeError(f"GET {url} failed with status {response.status_code}")
