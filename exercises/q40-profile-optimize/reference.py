def slow_dedupe(items):
    result = []
    for item in items:
        if item not in result:
            result.append(item)
    return result


def fast_dedupe(items):
    seen = set()
    result = []
    for item in items:
        if item not in seen:  # O(1) on average, instead of scanning result
            seen.add(item)
            result.append(item)
    return result
