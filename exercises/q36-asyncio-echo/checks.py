import asyncio

from pygrade import check, expect_close, expect_equal, expect_true, fail


class _Pause:
    """In a reader's script: the client sends nothing for this many (virtual) seconds."""

    def __init__(self, seconds):
        self.seconds = seconds


class FakeWriter:
    """An in-memory asyncio.StreamWriter: records what the handler does with it."""

    def __init__(self, reset_on_drain=None):
        self.data = b""
        self.undrained = 0
        self.drains = 0
        self.closes = 0
        self.waited_closed = 0
        self.problems = []
        self.reset_on_drain = reset_on_drain  # the drain call (1-based) that raises ConnectionResetError

    def write(self, data):
        if self.closes:
            self.problems.append(f"write({bytes(data)!r}) after close()")
        self.data += bytes(data)
        self.undrained += 1

    async def drain(self):
        self.drains += 1
        if self.reset_on_drain is not None and self.drains >= self.reset_on_drain:
            raise ConnectionResetError("connection reset by peer (drain)")
        self.undrained = 0
        await asyncio.sleep(0)

    def close(self):
        self.closes += 1

    def is_closing(self):
        return self.closes > 0

    async def wait_closed(self):
        self.waited_closed += 1
        await asyncio.sleep(0)

    def get_extra_info(self, name, default=None):
        return ("127.0.0.1", 50000) if name == "peername" else default


class FakeReader:
    """An in-memory asyncio.StreamReader playing a script of bytes, pauses and errors."""

    def __init__(self, script, writer):
        self.script = list(script)
        self.writer = writer
        self.sizes = []

    async def read(self, n=-1):
        self.sizes.append(n)
        if self.writer.undrained:
            self.writer.problems.append("read() called while a write() had not been drained")
        while self.script:
            item = self.script[0]
            if isinstance(item, _Pause):
                self.script.pop(0)
                await asyncio.sleep(item.seconds)
                continue
            if isinstance(item, BaseException):
                self.script.pop(0)
                raise item
            if n is not None and 0 < n < len(item):
                self.script[0] = item[n:]
                return item[:n]
            self.script.pop(0)
            return item
        return b""


async def _timed(handler, reader, writer, kwargs):
    loop = asyncio.get_running_loop()
    start = loop.time()
    escaped = None
    try:
        await handler(reader, writer, **kwargs)
    except Exception as error:  # noqa: BLE001 - reported to the candidate
        escaped = error
    return loop.time() - start, escaped


def _serve(solution, script, reset_on_drain=None, **kwargs):
    writer = FakeWriter(reset_on_drain)
    reader = FakeReader(script, writer)
    elapsed, escaped = asyncio.run(_timed(solution.handle_client, reader, writer, kwargs))
    return reader, writer, elapsed, escaped


def _no_escape(escaped, what):
    if escaped is not None:
        fail(f"{what}: handle_client raised {type(escaped).__name__}: {escaped}")


def _closed_once(writer, what):
    expect_equal((writer.closes, writer.waited_closed), (1, 1),
                 f"(close() calls, wait_closed() awaits) {what}")


async def _many(handler, count):
    loop = asyncio.get_running_loop()
    writers = [FakeWriter() for _ in range(count)]
    readers = [FakeReader([b"a%d" % i, _Pause(1), b"b%d" % i, _Pause(1), b"c%d" % i], writers[i])
               for i in range(count)]
    start = loop.time()
    await asyncio.gather(*(handler(readers[i], writers[i]) for i in range(count)))
    return loop.time() - start, [w.data for w in writers]


@check(weight=1, description="one chunk is echoed back, then the connection is closed")
def echo_single(solution):
    _, writer, _, escaped = _serve(solution, [b"hello"])
    _no_escape(escaped, "client sends b'hello' then EOF")
    expect_equal(writer.data, b"hello", "bytes written back to a client that sent b'hello' then EOF")
    _closed_once(writer, "after EOF")


@check(weight=2, description="everything is echoed, in order, until end of stream, in reads of at most 4096 bytes")
def echo_until_eof(solution):
    big = bytes(range(256)) * 40  # 10,240 bytes
    script = [b"first ", b"second ", big, b" last"]
    reader, writer, _, escaped = _serve(solution, script)
    _no_escape(escaped, "client sends 4 chunks then EOF")
    expect_equal(writer.data, b"first second " + big + b" last",
                 "bytes written back for chunks b'first ', b'second ', 10,240 bytes, b' last'")
    expect_true(all(isinstance(n, int) and 0 < n <= 4096 for n in reader.sizes),
                f"every reader.read(n) asks for 1..4096 bytes (asked {sorted(set(reader.sizes))})")
    _closed_once(writer, "after EOF")


@check(weight=2, description="each write is drained before the next read (back-pressure)")
def drains_each_write(solution):
    _, writer, _, escaped = _serve(solution, [b"a", b"b", b"c", b"d"])
    _no_escape(escaped, "client sends 4 chunks then EOF")
    expect_equal(writer.problems, [], "problems seen by the stream doubles")
    expect_true(writer.drains >= 4, f"await writer.drain() after each of the 4 writes (drained {writer.drains} times)")


@check(weight=2, description="a connection reset by the client ends the handler quietly, connection closed")
def connection_reset(solution):
    _, writer, _, escaped = _serve(solution, [b"one", ConnectionResetError("connection reset by peer")])
    _no_escape(escaped, "reader.read() raises ConnectionResetError on the second read")
    expect_equal(writer.data, b"one", "bytes written back before the reset")
    _closed_once(writer, "after a reset in read()")
    _, writer, _, escaped = _serve(solution, [b"x", b"y", b"z"], reset_on_drain=2)
    _no_escape(escaped, "writer.drain() raises ConnectionResetError on the second drain")
    _closed_once(writer, "after a reset in drain()")


@check(weight=2, description="a client silent for idle_timeout seconds is dropped (the timeout is per read)")
def idle_timeout(solution):
    _, writer, elapsed, escaped = _serve(solution, [b"hi", _Pause(31), b"late"])
    _no_escape(escaped, "client sends b'hi' then stays silent for 31 s")
    expect_equal(writer.data, b"hi", "bytes written back when the client is silent for 31 s after b'hi'")
    expect_close(elapsed, 30.0, "virtual seconds until handle_client returned (default idle_timeout=30)", 1e-6)
    _closed_once(writer, "after an idle timeout")
    _, writer, elapsed, escaped = _serve(solution, [_Pause(4), b"x", _Pause(4), b"y"], idle_timeout=5)
    _no_escape(escaped, "idle_timeout=5, client sends after 4 s and again 4 s later")
    expect_equal(writer.data, b"xy", "bytes written back with idle_timeout=5 and 4 s between chunks")
    expect_close(elapsed, 8.0, "virtual seconds until handle_client returned (8 s of pauses, then EOF)", 1e-6)


@check(weight=1, description="connections are served concurrently: 3 clients pausing 2 s each take 2 s, not 6")
def concurrent_clients(solution):
    elapsed, echoed = asyncio.run(_many(solution.handle_client, 3))
    expect_equal(echoed, [b"a0b0c0", b"a1b1c1", b"a2b2c2"], "bytes echoed to each of 3 clients")
    expect_close(elapsed, 2.0, "virtual seconds for 3 clients served at once (each pauses 1 s twice)", 1e-6)
