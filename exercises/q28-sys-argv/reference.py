import sys

USAGE = "usage: sum_ints INT [INT ...]"


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if not argv:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        numbers = [int(arg) for arg in argv]
    except ValueError as error:
        print(USAGE, file=sys.stderr)
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(sum(numbers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
