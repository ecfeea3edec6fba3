import io
from itertools import chain, cycle, islice

from pygrade import check, expect_equal, expect_false, fail

CHUNK_LIMIT = 1 << 20  # read(size) may hand out at most this many characters at once


class RefusedRead(Exception):
    """Raised by the test stream when asked for the whole file at once."""


class LineStream:
    """A read-only text stream whose lines are produced lazily. It serves iteration,
    readline() and read(size) for size <= CHUNK_LIMIT, and refuses whole-file reads:
    read() / read(-1) / read(None), read(size) above the limit, readlines()."""

    def __init__(self, lines):
        self._lines = iter(lines)
        self._buf = ""
        self.refused = []
        self.closed = False

    def _refuse(self, call):
        self.refused.append(call)
        raise RefusedRead(call + " would load the whole file into memory; this stream refuses it")

    def readable(self):
        return True

    def read(self, size=-1):
        if size is None or size < 0:
            self._refuse("read()" if size == -1 else "read(%r)" % (size,))
        if size > CHUNK_LIMIT:
            self._refuse("read(%d)" % size)
        buf = self._buf
        if len(buf) < size:
            parts = [buf]
            have = len(buf)
            for line in self._lines:
                parts.append(line)
                have += len(line)
                if have >= size:
                    break
            buf = "".join(parts)
        self._buf = buf[size:]
        return buf[:size]

    def readline(self, size=-1):
        if self._buf:
            buf = self._buf
            end = buf.find("\n") + 1 or len(buf)
            if size is not None and 0 <= size < end:
                end = size
            self._buf = buf[end:]
            return buf[:end]
        line = next(self._lines, "")
        if size is not None and 0 <= size < len(line):
            self._buf = line[size:]
            return line[:size]
        return line

    def readlines(self, hint=-1):
        self._refuse("readlines()")

    def __iter__(self):
        # Iterating hands out the line generator itself (after any buffered rest), so that
        # the stream adds no per-line cost of its own on this slow interpreter.
        if self._buf:
            parts = self._buf.split("\n")
            self._buf = ""
            rest = [part + "\n" for part in parts[:-1]]
            if parts[-1]:
                rest.append(parts[-1])
            self._lines = chain(rest, self._lines)
        return self._lines

    def __next__(self):
        if self._buf:
            line = self.readline()
            if line:
                return line
        return next(self._lines)

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False


def _lines_of(text):
    return io.StringIO(text).readlines()


def _call(what, function, stream):
    try:
        result = function(stream)
    except RefusedRead as refused:
        fail("%s: %s. Process the stream line by line (for line in stream, readline(), "
             "or read(size) in chunks of at most %d characters)." % (what, refused, CHUNK_LIMIT))
    if stream.refused:
        fail("%s asked the stream for the whole file (%s) and was refused; process it line by line"
             % (what, ", ".join(stream.refused)))
    return result


COUNT_CASES = [
    ("a\nb\nc\n", 3),
    ("", 0),
    ("only line without newline", 1),
    ("a\nb", 2),
    ("\n\n\n", 3),
    ("first\n\nthird\n", 3),
]

LONGEST_CASES = [
    ("ab\nabcd\nabc\n", "abcd"),
    ("", ""),
    ("short\nthe last line is longest", "the last line is longest"),
    ("ab\n  cd  \nxyz\n", "  cd  "),
    ("\n\n\n", ""),
    ("tab\tin\n1234567\n", "1234567"),
    # the unterminated last line is one character longer: a length that counts "\n" ties them
    ("abcd\nabcde", "abcde"),
]


@check(weight=2, description="count_lines counts every line, empty lines and an unterminated last line included")
def count_values(solution):
    for text, want in COUNT_CASES:
        expect_equal(solution.count_lines(io.StringIO(text)), want, "count_lines(io.StringIO(%r))" % text)


@check(weight=2, description="longest_line returns the longest line without its newline, spaces kept")
def longest_values(solution):
    for text, want in LONGEST_CASES:
        expect_equal(solution.longest_line(io.StringIO(text)), want, "longest_line(io.StringIO(%r))" % text)


@check(weight=1, description="longest_line returns the first of several equally long lines")
def longest_ties(solution):
    for text, want in [("aaa\nbbb\nc\n", "aaa"), ("x\nbb\ncc\ndd", "bb"), ("12\n34", "12")]:
        expect_equal(solution.longest_line(io.StringIO(text)), want, "longest_line(io.StringIO(%r))" % text)


@check(weight=2, description="neither function asks the stream for the whole file (read() without a size, readlines())")
def no_whole_file_reads(solution):
    text = "alpha\nbeta\n\ngamma delta\nepsilon"
    what = "count_lines(stream of %r)" % text
    expect_equal(_call(what, solution.count_lines, LineStream(_lines_of(text))), 5, what)
    what = "longest_line(stream of %r)" % text
    expect_equal(_call(what, solution.longest_line, LineStream(_lines_of(text))), "gamma delta", what)


@check(weight=1, description="both functions leave the stream open (the caller opened it, the caller closes it)")
def stream_left_open(solution):
    for name in ("count_lines", "longest_line"):
        stream = io.StringIO("one\ntwo\n")
        getattr(solution, name)(stream)
        expect_false(stream.closed, name + "(io.StringIO('one\\ntwo\\n')) closed the stream it was given "
                                          "(do not close it)")


LARGE_LINES = 20_000
FIRST_AT, SECOND_AT = 12_345, 16_001
FIRST_LONGEST = " " + "#" * 398 + " "  # 400 characters, spaces at both ends
SECOND_LONGEST = "@" * 400             # as long: must not win the tie
_PALETTE = ["x" * i + "\n" for i in range(0, 361, 6)]  # 61 lines of 0..360 characters (about 3.6 MB in all)


def _large_lines():
    """LARGE_LINES lines, generated as they are read; the last has no newline."""
    return chain(islice(cycle(_PALETTE), FIRST_AT), [FIRST_LONGEST + "\n"],
                 islice(cycle(_PALETTE), SECOND_AT - FIRST_AT - 1), [SECOND_LONGEST + "\n"],
                 islice(cycle(_PALETTE), LARGE_LINES - SECOND_AT - 2), ["the end"])


@check(weight=2, description="count_lines handles a 20,000-line stream generated as it is read")
def large_count(solution):
    what = "count_lines(a stream of 20,000 lines)"
    expect_equal(_call(what, solution.count_lines, LineStream(_large_lines())), LARGE_LINES, what)


@check(weight=2, description="longest_line handles a 20,000-line stream generated as it is read")
def large_longest(solution):
    what = "longest_line(a stream of 20,000 lines)"
    expect_equal(_call(what, solution.longest_line, LineStream(_large_lines())), FIRST_LONGEST, what)
