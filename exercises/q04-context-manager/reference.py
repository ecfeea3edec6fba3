from contextlib import contextmanager


@contextmanager
def temp_file():
    print("Creating file")
    try:
        yield "temp.txt"
    finally:
        print("Cleaning up file")
