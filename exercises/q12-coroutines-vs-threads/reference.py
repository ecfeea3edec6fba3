import asyncio
from concurrent.futures import ThreadPoolExecutor


async def gather_limited(coros, limit):
    """Coroutines: cheap, cooperative. A semaphore lets at most `limit` past at once;
    gather keeps the results in argument order."""
    semaphore = asyncio.Semaphore(limit)

    async def guarded(coro):
        async with semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(coro) for coro in coros)))


def run_in_threads(funcs, workers):
    """Threads: preemptive, heavier. A pool of `workers` threads bounds them; map keeps
    the input order and re-raises the first exception."""
    funcs = list(funcs)
    if not funcs:
        return []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda func: func(), funcs))
