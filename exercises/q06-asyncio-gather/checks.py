import asyncio

from pygrade import check, expect_close, expect_equal, expect_is, expect_raises, expect_true, fail


class FetchError(Exception):
    """What the checks' fake fetch raises for a URL that cannot be fetched."""


def _run(solution, urls, fetch):
    """Runs fetch_all on a fresh loop; answers (result, virtual seconds it took)."""
    async def main():
        loop = asyncio.get_running_loop()
        start = loop.time()
        result = await solution.fetch_all(urls, fetch)
        return result, loop.time() - start

    coroutine = solution.fetch_all
    if not asyncio.iscoroutinefunction(coroutine):
        fail("fetch_all must be a coroutine function: define it with `async def fetch_all(urls, fetch)`")
    return asyncio.run(main())


def _fetcher(delays, log=None):
    async def fetch(url):
        if log is not None:
            log.append(url)
        await asyncio.sleep(delays.get(url, 1))
        return "<" + url + ">"
    return fetch


@check(weight=2, description="returns a list of the bodies in the order of urls")
def results(solution):
    urls = ["a.example", "b.example", "c.example"]
    result, _ = _run(solution, urls, _fetcher({"a.example": 1, "b.example": 2, "c.example": 3}))
    expect_true(isinstance(result, list), f"fetch_all returns a list (got {type(result).__name__})")
    expect_equal(result, ["<a.example>", "<b.example>", "<c.example>"],
                 "await fetch_all(['a.example', 'b.example', 'c.example'], fetch)")


@check(weight=1, description="no urls: returns [] at once")
def empty(solution):
    result, elapsed = _run(solution, [], _fetcher({}))
    expect_equal(result, [], "await fetch_all([], fetch)")
    expect_close(elapsed, 0.0, "virtual seconds taken by fetch_all([], fetch)")


@check(weight=3, description="the fetches run concurrently: ten one-second fetches take one second, not ten")
def concurrent(solution):
    urls = [f"site{i}.example" for i in range(10)]
    result, elapsed = _run(solution, urls, _fetcher({}))
    expect_close(elapsed, 1.0, "virtual seconds taken by fetch_all on 10 fetches of 1 s each "
                               "(10.0 means they ran one after another: start them all, then await them)")
    expect_true(isinstance(result, (list, tuple)) and sorted(result) == ["<" + url + ">" for url in urls],
                "fetch_all on 10 fetches gives the 10 bodies")


@check(weight=2, description="results follow the order of urls even when fetches finish in another order")
def input_order(solution):
    urls = ["slow.example", "fast.example", "medium.example", "fast.example"]
    delays = {"slow.example": 3, "fast.example": 1, "medium.example": 2}
    log = []
    result, elapsed = _run(solution, urls, _fetcher(delays, log))
    expect_equal(result, ["<slow.example>", "<fast.example>", "<medium.example>", "<fast.example>"],
                 "fetch_all(['slow.example', 'fast.example', 'medium.example', 'fast.example']) "
                 "with fetches of 3 s, 1 s, 2 s, 1 s (results must follow urls, not finishing order)")
    expect_equal(sorted(log), sorted(urls), "the urls fetch was called with (once per item of urls)")


@check(weight=2, description="an exception raised by a fetch reaches the caller of fetch_all")
def errors(solution):
    raised = FetchError("broken.example: 502 Bad Gateway")

    async def fetch(url):
        await asyncio.sleep(0.5)
        if url == "broken.example":
            raise raised
        return url

    with expect_raises(FetchError, "fetch_all(['ok.example', 'broken.example', 'fine.example'], fetch) "
                                   "where fetching broken.example raises FetchError") as caught:
        _run(solution, ["ok.example", "broken.example", "fine.example"], fetch)
    expect_is(caught.exception, raised, "the exception fetch_all raised (must be the one the fetch raised)")
