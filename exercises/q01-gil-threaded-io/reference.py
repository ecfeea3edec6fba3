from concurrent.futures import ThreadPoolExecutor


def fetch_all(fetch, keys, max_workers=8):
    """Runs the I/O-bound fetch(key) calls in a thread pool: while one thread waits on I/O
    it has released the GIL, so the calls overlap. Returns {key: result}; an exception from
    any call is re-raised here by Future.result()."""
    keys = list(keys)
    if not keys:
        return {}
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        futures = {key: pool.submit(fetch, key) for key in keys}
        return {key: future.result() for key, future in futures.items()}
