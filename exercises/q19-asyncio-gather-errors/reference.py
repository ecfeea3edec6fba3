import asyncio


async def fetch_many(factories):
    outcomes = await asyncio.gather(*(factory() for factory in factories), return_exceptions=True)
    results = [outcome for outcome in outcomes if not isinstance(outcome, BaseException)]
    errors = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    return results, errors
