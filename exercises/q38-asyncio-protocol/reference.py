import asyncio


class CustomProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(b"ACK:" + data)


class LineProtocol(asyncio.Protocol):
    def __init__(self):
        self.transport = None
        self._buffer = bytearray()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self._buffer += data
        while True:
            end = self._buffer.find(b"\n")
            if end < 0:
                break
            line = bytes(self._buffer[:end])
            del self._buffer[:end + 1]
            self.transport.write(b"ACK:" + line + b"\n")

    def connection_lost(self, exc):
        self._buffer.clear()
        self.transport = None
