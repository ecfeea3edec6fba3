import asyncio

from pygrade import check, expect_equal, expect_true, fail


class RecordingTransport:
    """Stands in for an asyncio transport: records what the protocol writes, refuses str
    like a real transport does."""

    def __init__(self):
        self.writes = []
        self.closed = False

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data argument must be a bytes-like object, not %r" % type(data).__name__)
        self.writes.append(bytes(data))

    def writelines(self, chunks):
        for chunk in chunks:
            self.write(chunk)

    def written(self):
        return b"".join(self.writes)

    def close(self):
        self.closed = True

    def is_closing(self):
        return self.closed

    def get_extra_info(self, name, default=None):
        return {"peername": ("127.0.0.1", 50007), "sockname": ("127.0.0.1", 8888)}.get(name, default)


def _connect(solution, name):
    cls = getattr(solution, name, None)
    if cls is None:
        fail("the solution defines no class %s" % name)
    protocol = cls()
    transport = RecordingTransport()
    protocol.connection_made(transport)
    return protocol, transport


def _feed(solution, chunks, name="LineProtocol"):
    """Feeds chunks one by one; answers what was written in all, and what was written after
    each chunk."""
    protocol, transport = _connect(solution, name)
    after_each = []
    for chunk in chunks:
        protocol.data_received(chunk)
        after_each.append(transport.written())
    protocol.connection_lost(None)
    return transport.written(), after_each


@check(weight=1, description="both classes subclass asyncio.Protocol")
def are_protocols(solution):
    for name in ("CustomProtocol", "LineProtocol"):
        cls = getattr(solution, name, None)
        expect_true(isinstance(cls, type) and issubclass(cls, asyncio.Protocol),
                    "%s is a subclass of asyncio.Protocol" % name)


@check(weight=2, description="CustomProtocol writes b'ACK:' + data for every chunk received")
def custom_acknowledges(solution):
    protocol, transport = _connect(solution, "CustomProtocol")
    protocol.data_received(b"hello")
    expect_equal(transport.written(), b"ACK:hello", "written after CustomProtocol.data_received(b'hello')")
    protocol.data_received(b"x\ny")
    expect_equal(transport.written(), b"ACK:helloACK:x\ny", "written after data_received(b'hello'), data_received(b'x\\ny')")


@check(weight=1, description="LineProtocol acknowledges one complete line")
def line_single(solution):
    written, _ = _feed(solution, [b"hello\n"])
    expect_equal(written, b"ACK:hello\n", "written after LineProtocol.data_received(b'hello\\n')")


@check(weight=3, description="LineProtocol joins a line split over several data_received calls, writing nothing early")
def line_split(solution):
    chunks = [b"hel", b"lo\nwor", b"ld\n"]
    written, after_each = _feed(solution, chunks)
    expect_equal(after_each, [b"", b"ACK:hello\n", b"ACK:hello\nACK:world\n"],
                 "everything written so far after each of data_received(%s)" % ", ".join(map(repr, chunks)))


@check(weight=2, description="LineProtocol acknowledges several lines from one chunk, in order, empty lines too")
def line_many_in_one(solution):
    chunks = [b"a\nbb\n\nc\r", b"\n"]
    written, after_each = _feed(solution, chunks)
    expect_equal(after_each, [b"ACK:a\nACK:bb\nACK:\n", b"ACK:a\nACK:bb\nACK:\nACK:c\r\n"],
                 "everything written so far after each of data_received(%s)" % ", ".join(map(repr, chunks)))


@check(weight=1, description="LineProtocol copes with data arriving one byte at a time")
def line_byte_by_byte(solution):
    message = b"ping\npong 42\n"
    chunks = [message[i:i + 1] for i in range(len(message))]
    written, after_each = _feed(solution, chunks)
    expect_equal(written, b"ACK:ping\nACK:pong 42\n", "written after feeding b'ping\\npong 42\\n' one byte at a time")
    expect_equal(after_each[3], b"", "written after the first 4 bytes b'ping' (the line is not complete)")


@check(weight=2, description="each LineProtocol connection has its own buffer")
def separate_connections(solution):
    first, first_transport = _connect(solution, "LineProtocol")
    second, second_transport = _connect(solution, "LineProtocol")
    first.data_received(b"abc")
    second.data_received(b"xyz\n")
    first.data_received(b"def\n")
    expect_equal(second_transport.written(), b"ACK:xyz\n",
                 "written to connection 2 (connection 1 got b'abc' before connection 2 got b'xyz\\n')")
    expect_equal(first_transport.written(), b"ACK:abcdef\n", "written to connection 1 after b'abc' then b'def\\n'")
