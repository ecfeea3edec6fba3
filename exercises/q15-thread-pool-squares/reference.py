from concurrent.futures import ThreadPoolExecutor


def task(n):
    return n * n


def square_all(numbers, max_workers=4):
    with ThreadPoolExecutor(max_workers=max_workers) as executor:
        # map keeps the input order and re-raises a task's exception when its result is read.
        return list(executor.map(task, numbers))
