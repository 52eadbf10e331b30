"""Loopback emulator of Slack's Socket Mode WebSocket server for end-to-end tests.

`FakeSocketMode` listens on 127.0.0.1 (plain ``ws://``, no TLS) and speaks just enough RFC 6455
for slack_sdk's builtin ``SocketModeClient``: the opening handshake, masked client frames (text,
ping, pong, close; unfragmented), unmasked server frames.  Like Slack it greets each connection
with ``{"type": "hello", ...}``.  Point ``apps.connections.open`` at it with
``FakeSlack.socket_url = sockets.url``; then ``send_envelope`` pushes an envelope to the newest
connection and ``wait_for_ack`` returns the client's acknowledgement
(``{"envelope_id": ..., "payload": {...}}``; no ``payload`` when the app acked with nothing).

``drop_connections()`` ends every connection without a Close frame: a Close frame would make a
client with auto-reconnect on (bolt's default) ask for a new URL and reconnect.  Call it just
before ``SocketModeHandler.close()``: the client's receive loop holds a lock in a blocking
``recv`` (3 s timeout) that ``close()`` must take, and an end-of-stream releases it at once.
``close()`` still takes about 1 s: it joins the client's message processor, which waits on its
queue with ``get(timeout=1)``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import socket
import socketserver
import struct
import threading
from typing import Any, BinaryIO, cast

JSON = dict[str, Any]

OP_TEXT, OP_CLOSE, OP_PING, OP_PONG = 0x1, 0x8, 0x9, 0xA
_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455, section 1.3
PATH = "/link"


def accept_key(key: str) -> str:
    """The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key."""
    return base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()


def server_frame(opcode: int, payload: bytes) -> bytes:
    """One unmasked, final frame (servers never mask, RFC 6455 section 5.1)."""
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x80 | opcode, size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x80 | opcode, 126, size)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 127, size)
    return header + payload


def read_frame(stream: BinaryIO) -> tuple[int, bytes] | None:
    """(opcode, unmasked payload) of the next frame; None at end of stream."""
    head = stream.read(2)
    if len(head) < 2:
        return None
    opcode, masked, size = head[0] & 0x0F, head[1] & 0x80, head[1] & 0x7F
    if size in (126, 127):
        (size,) = struct.unpack("!H" if size == 126 else "!Q", stream.read(2 if size == 126 else 8))
    mask = stream.read(4) if masked else b"\0\0\0\0"
    data = stream.read(size)
    if len(mask) < 4 or len(data) < size:
        return None
    return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(data))


class _Connection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._lock = threading.Lock()

    def send(self, opcode: int, payload: bytes) -> None:
        with self._lock:
            self.sock.sendall(server_frame(opcode, payload))

    def drop(self) -> None:
        with contextlib.suppress(OSError):  # already gone
            self.sock.shutdown(socket.SHUT_RDWR)


class FakeSocketMode:
    """Socket Mode server on 127.0.0.1; use as a context manager or via start()/stop()."""

    def __init__(self, app_id: str = "A0001") -> None:
        self.app_id = app_id
        self._cond = threading.Condition()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._open: list[_Connection] = []
        self._received: list[JSON] = []
        self._acks: dict[str, JSON] = {}
        self.connections = 0
        """How many WebSocket connections have been opened so far."""

    # ---- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeSocketMode:
        if self._server is None:
            server = _Server(("127.0.0.1", 0), _Handler)
            server.fake = self
            self._thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._server = server
            self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        self.drop_connections()
        if server is not None:
            server.shutdown()
            server.server_close()  # joins the connection threads
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> FakeSocketMode:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The WebSocket URL for ``apps.connections.open`` to hand out."""
        if self._server is None:
            raise RuntimeError("FakeSocketMode is not running; call start() first")
        return f"ws://127.0.0.1:{self._server.server_address[1]}{PATH}"

    # ---- test-facing -----------------------------------------------------------------------

    def wait_connected(self, timeout: float = 5.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: bool(self._open), timeout=timeout):
                raise TimeoutError(f"no Socket Mode client connected within {timeout}s")

    def send_envelope(self, envelope: JSON, timeout: float = 5.0) -> None:
        """Push ``envelope`` to the newest open connection (waiting for one if need be)."""
        self.wait_connected(timeout)
        with self._cond:
            connection = self._open[-1]
        connection.send(OP_TEXT, json.dumps(envelope).encode())

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> JSON:
        """The client's acknowledgement of ``envelope_id``."""
        with self._cond:
            if not self._cond.wait_for(lambda: envelope_id in self._acks, timeout=timeout):
                raise TimeoutError(f"no ack for envelope {envelope_id!r} within {timeout}s")
            return self._acks[envelope_id]

    def received(self) -> list[JSON]:
        """Every JSON text message the clients sent, in order."""
        with self._cond:
            return list(self._received)

    def drop_connections(self) -> None:
        """End every connection without a Close frame (see the module docstring)."""
        with self._cond:
            connections = list(self._open)
        for connection in connections:
            connection.drop()

    # ---- called from the connection threads ------------------------------------------------

    def _opened(self, connection: _Connection) -> None:
        with self._cond:
            self._open.append(connection)
            self.connections += 1
            self._cond.notify_all()

    def _closed(self, connection: _Connection) -> None:
        with self._cond:
            self._open.remove(connection)
            self._cond.notify_all()

    def _hello(self) -> bytes:
        return json.dumps({
            "type": "hello",
            "num_connections": 1,
            "debug_info": {"host": "applink-fake", "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        }).encode()

    def _text(self, data: bytes) -> None:
        message = json.loads(data)
        with self._cond:
            self._received.append(message)
            if isinstance(message, dict) and "envelope_id" in message:
                self._acks[message["envelope_id"]] = message
            self._cond.notify_all()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeSocketMode


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        key = self._read_handshake()
        if key is None:
            self.wfile.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            return
        fake = cast(_Server, self.server).fake
        connection = _Connection(self.request)
        with connection._lock:  # the 101 and the hello go out before any envelope
            self.wfile.write(
                b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                b"Connection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept_key(key).encode() + b"\r\n\r\n"
                + server_frame(OP_TEXT, fake._hello())
            )
            fake._opened(connection)
        try:
            with contextlib.suppress(OSError):  # a reset connection has simply ended
                self._serve(fake, connection)
        finally:
            fake._closed(connection)

    def _read_handshake(self) -> str | None:
        """The Sec-WebSocket-Key of a well-formed upgrade request for PATH, else None."""
        request_line = self.rfile.readline().decode("latin-1")
        headers: dict[str, str] = {}
        while (line := self.rfile.readline().decode("latin-1").strip()):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        parts = request_line.split()
        if len(parts) != 3 or parts[0] != "GET" or not parts[1].startswith(PATH):
            return None
        if headers.get("upgrade", "").lower() != "websocket":
            return None
        return headers.get("sec-websocket-key") or None

    def _serve(self, fake: FakeSocketMode, connection: _Connection) -> None:
        while (frame := read_frame(cast(BinaryIO, self.rfile))) is not None:
            opcode, data = frame
            if opcode == OP_TEXT:
                fake._text(data)
            elif opcode == OP_PING:
                connection.send(OP_PONG, data)
            elif opcode == OP_CLOSE:
                connection.send(OP_CLOSE, data[:2])
                return
            # pongs (answers to pings we never send) and anything else: ignored
