import asyncio


async def fetch_all(urls, fetch):
    """gather starts every fetch at once and returns the results in argument order;
    the first exception propagates to the caller."""
    return list(await asyncio.gather(*(fetch(url) for url in urls)))
