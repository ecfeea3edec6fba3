import warnings


def parse_age(text):
    if not text.isdigit():
        raise ValueError("not a number: " + repr(text))
    return int(text)


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning)
    return 1
