"""waitress, set up to keep answering Slack while someone holds connections open.

waitress's defaults suit a server behind a proxy that absorbs abuse; `lscb serve` often
faces the internet directly (a platform's router passes connections straight through).
With the defaults, 100 idle connections (each held for 120 s) lock every request out,
and a body of up to 1 GB is buffered before anything looks at it. The limits here:

* **Bodies**: Slack's payloads are small (a block_actions payload carrying a full
  50-block message is well under 200 KB), so anything over 1 MiB is refused with 413 as
  soon as its Content-Length is read, before a byte of it; a chunked body is cut off
  when it passes the limit.
* **Connections**: idle connections cost a file descriptor and a few KB each, not a
  thread (waitress serves sockets from one asyncore loop). So allow 1,000 of them, with
  poll() rather than select(), which cannot watch descriptors numbered over 1,024.
  Past the limit, new connections wait in the listen backlog rather than being refused.
* **Idle timeout**: 30 s (not 120) frees a connection nobody uses. Slack opens a fresh
  connection per request or reuses one within seconds, so nothing real is cut.
* **Slow requests** (slowloris): waitress only times out *silent* connections; one that
  trickles a byte every few seconds is never idle. `GuardedServer` drops any connection
  whose request has not fully arrived 10 s after its first byte. Slack gives up on us
  after 3 s, so a real request is never that slow.
* **Headers**: 32 KiB (not 256 KiB), so 1,000 half-sent requests hold at most ~32 MB.
* **Threads**: 8. Each request is answered inside its thread (`process_before_response`)
  and most of its time is one short database transaction; more threads than the
  database pool has connections (5 + 10 overflow) would only wait on the pool.

This is a floor, not a shield: a flood from many addresses needs a proxy or the
platform's router in front.
"""

from __future__ import annotations

import logging
import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from bot.edge import refused

log = logging.getLogger("lscb")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

#: File descriptors kept back from the connection limit for the database, logs, files.
RESERVED_DESCRIPTORS = 100


@dataclass(frozen=True)
class ServerLimits:
    """How much the HTTP server accepts, and for how long (see the module's docstring)."""

    body_bytes: int = 1 << 20
    header_bytes: int = 32 << 10
    connections: int = 1000
    idle_seconds: float = 30
    request_seconds: float = 10
    sweep_seconds: float = 2
    threads: int = 8
    backlog: int = 1024


class _LoggedErrorTask(ErrorTask):
    """waitress's own refusals (413 from Content-Length, 400 for broken headers), logged
    in one line: waitress answers them silently, and a body never reaches this point."""

    def execute(self) -> None:
        error = self.request.error
        refused(getattr(self.request, "command", "") or "?",
                getattr(self.request, "path", "") or "?", _peer(self.channel),
                error.code, str(error.body), self.request.content_length)
        super().execute()


class _GuardedChannel(HTTPChannel):
    """A connection that remembers when the request it is receiving began."""

    error_task_class = _LoggedErrorTask
    request_started = 0.0

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_started = time.monotonic()
        return bool(super().received(data))


class GuardedServer(TcpWSGIServer):
    """waitress's TCP server, also dropping requests that arrive too slowly."""

    channel_class = _GuardedChannel
    request_seconds: float = ServerLimits.request_seconds

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = time.monotonic() - self.request_seconds
        for channel in list(self.active_channels.values()):
            if channel.request is not None and not channel.will_close \
                    and channel.request_started < cutoff:
                log.warning("Dropped a connection from %s: its request was not complete "
                            "after %g s", _peer(channel), self.request_seconds)
                channel.will_close = True


def _peer(channel: Any) -> str:
    addr = getattr(channel, "addr", None)
    return str(addr[0]) if isinstance(addr, tuple) and addr else "?"


def connection_limit(wanted: int) -> int:
    """`wanted`, or fewer if the process may not open that many files; the soft limit is
    raised to the hard one first (platforms often start processes at 1,024)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    goal = wanted + RESERVED_DESCRIPTORS
    if soft != resource.RLIM_INFINITY and soft < goal:
        soft = goal if hard == resource.RLIM_INFINITY else min(goal, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
        except (ValueError, OSError):
            soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - RESERVED_DESCRIPTORS))


def guarded_server(wsgi: WSGIApp, host: str, port: int, limits: ServerLimits) -> GuardedServer:
    """A waitress server on (host, port) within `limits`; `.run()` serves."""
    adj = Adjustments(
        host=host, port=port, ident="lscb-bot", threads=limits.threads,
        # waitress refuses a body of exactly max_request_body_size; ours is the last allowed
        max_request_body_size=limits.body_bytes + 1,
        max_request_header_size=limits.header_bytes,
        connection_limit=connection_limit(limits.connections),
        channel_timeout=limits.idle_seconds, cleanup_interval=limits.sweep_seconds,
        backlog=limits.backlog, asyncore_use_poll=True)
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    server = GuardedServer(wsgi, {}, dispatcher=dispatcher, adj=adj, sockinfo=adj.listen[0])
    server.request_seconds = limits.request_seconds
    return server


