"""The server under abuse: huge bodies, hundreds of idle connections, slow requests, forged
signatures. Over real sockets against `lscb serve` in a child process (so its memory can be
measured, with the limits production uses) or the app in-process with shorter deadlines."""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from bot.server import ServerLimits
from storage.database import Database
from tests.fakeslack import FakeSlack, signed_slash_command
from tests.slackapp import SIGNING_SECRET, app_settings, serving

ROOT = Path(__file__).resolve().parents[2]
SECRET = "limits-secret"
MB = 1 << 20


@dataclass
class Served:
    host: str
    port: int
    pid: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/slack/events"


@contextmanager
def lscb_serve(tmp_path: Path) -> Iterator[tuple[Served, list[str]]]:
    """`lscb serve` in a child process; the lines it logged are in the list after it stops."""
    log: list[str] = []
    with FakeSlack() as fake:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'lscb.sqlite3'}",
               "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_API_URL": fake.base_url, "PORT": "0", "LSCB_SCHEDULER": "off",
               "LSCB_TODAY": "2014-10-15", "LSCB_ADMINS": "UADMIN"}
        subprocess.run([sys.executable, "-m", "bot.cli", "plan", "import", "--sample"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        child = subprocess.Popen([sys.executable, "-m", "bot.cli"], cwd=ROOT, env=env,
                                 stderr=subprocess.PIPE, text=True)
        try:
            assert child.stderr is not None
            for line in child.stderr:
                if found := re.search(r"Serving Slack at http://0\.0\.0\.0:(\d+)/", line):
                    yield Served("127.0.0.1", int(found[1]), child.pid), log
                    break
            else:
                pytest.fail("lscb serve exited before serving")
        finally:
            child.terminate()
            _, rest = child.communicate(timeout=30)
            log += rest.splitlines()


def peak_rss_kb(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in KB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)[1])  # type: ignore[index]


def post_head(length: int | None, chunked: bool = False) -> bytes:
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}"
    return (f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n").encode()


def read_status(sock: socket.socket, timeout: float = 5) -> str:
    """The status line of the server's answer, without sending anything more."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\r\n", 1)[0].decode()


def blast(sock: socket.socket, size: int) -> threading.Thread:
    """Send `size` bytes of body as fast as the socket takes them, until it is closed."""
    def send() -> None:
        block = b"A" * MB
        try:
            for _ in range(size // MB):
                sock.sendall(block)
        except OSError:
            pass  # the server hung up on us, as it should
    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, list[str]]]:
    with lscb_serve(tmp_path_factory.mktemp("served")) as running:
        yield running


def test_a_50_mb_post_is_refused_at_once_without_reading_it(
        served: tuple[Served, list[str]]) -> None:
    server, _ = served
    status, _ = signed_slash_command(server.url, SECRET, text="help")
    assert status == 200
    with socket.create_connection((server.host, server.port)) as sock:
        started = time.monotonic()
        sock.sendall(post_head(50 * MB))  # and not one byte of the body
        assert read_status(sock) == "HTTP/1.1 413 Request Entity Too Large"
        assert time.monotonic() - started < 1


def test_a_50_mb_body_sent_anyway_costs_the_server_no_memory(
        served: tuple[Served, list[str]]) -> None:
    server, _ = served
    signed_slash_command(server.url, SECRET, text="overdue")
    before = peak_rss_kb(server.pid)
    for _ in range(3):
        with socket.create_connection((server.host, server.port)) as sock:
            sock.sendall(post_head(50 * MB))
            sender = blast(sock, 50 * MB)
            assert read_status(sock).startswith("HTTP/1.1 413")
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # stops the sender, if the server has not
            sender.join(timeout=30)
    grown = peak_rss_kb(server.pid) - before
    assert grown < 8 * 1024, f"the server's peak memory grew by {grown} KB"
    status, _ = signed_slash_command(server.url, SECRET, text="help")
    assert status == 200


def test_a_chunked_body_is_cut_off_once_past_the_limit(served: tuple[Served, list[str]]) -> None:
    server, _ = served
    with socket.create_connection((server.host, server.port)) as sock:
        sock.sendall(post_head(None, chunked=True))
        chunk = b"A" * 64 * 1024
        for _ in range(17):  # 1 MiB + 64 KiB, and never the last chunk that ends the body
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        assert read_status(sock) == "HTTP/1.1 413 Request Entity Too Large"


def test_300_idle_connections_do_not_lock_out_a_slash_command(
        served: tuple[Served, list[str]]) -> None:
    server, _ = served
    with ExitStack() as idle:
        for _ in range(300):
            idle.enter_context(socket.create_connection((server.host, server.port)))
        started = time.monotonic()
        status, body = signed_slash_command(server.url, SECRET, text="overdue chair",
                                            timeout=10)
        assert status == 200 and isinstance(body, dict), body
        assert body["text"].startswith("Overdue for Chair on 15 Oct 2014")
        assert time.monotonic() - started < 5


def test_refusals_are_logged_in_one_line_each_without_the_body(tmp_path: Path) -> None:
    marker = "NHS-943-476-5919-in-a-forged-body"
    with lscb_serve(tmp_path) as (server, log):
        assert signed_slash_command(server.url, SECRET, text=marker,
                                    secret_override="forged")[0] == 401
        assert signed_slash_command(server.url, SECRET, text=marker,
                                    timestamp=int(time.time()) - 600)[0] == 401
        with socket.create_connection((server.host, server.port)) as sock:
            sock.sendall(post_head(50 * MB) + marker.encode())
            assert read_status(sock).startswith("HTTP/1.1 413")
    refusals = [line for line in log if "Refused POST /slack/events" in line]
    assert len(refusals) == 3, log
    assert "401 bad signature" in refusals[0]
    assert "401 stale request timestamp" in refusals[1]
    assert f"413 exceeds max_body of {MB + 1} ({50 * MB} bytes)" in refusals[2]
    assert not [line for line in log if marker in line or "payload" in line]


# --- in-process, with deadlines short enough to watch ----------------------------------------


FAST = ServerLimits(request_seconds=0.5, sweep_seconds=0.1, idle_seconds=30)


@pytest.fixture
def fast_server(tmp_path: Path) -> Iterator[str]:
    database = Database(f"sqlite:///{tmp_path / 'lscb.sqlite3'}")
    with FakeSlack() as fake, serving(database, app_settings(database, fake, date(2014, 10, 15)),
                                      FAST) as url:
        yield url
    database.dispose()


def test_a_slowloris_connection_is_dropped_though_never_idle(fast_server: str) -> None:
    host, port = fast_server.removeprefix("http://").split("/")[0].split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        dropped = False
        while time.monotonic() - started < 10 and not dropped:
            try:
                sock.sendall(b"X")  # a header trickling in, far more often than idle_seconds
                sock.settimeout(0.05)
                dropped = sock.recv(1) == b""
            except TimeoutError:
                continue
            except OSError:
                dropped = True
        elapsed = time.monotonic() - started
    assert dropped, "the server still holds the slow request after 10 s"
    assert FAST.request_seconds <= elapsed < FAST.request_seconds + 3
    assert signed_slash_command(fast_server, SIGNING_SECRET, text="help")[0] == 200


def test_one_line_is_logged_when_a_slow_request_is_dropped(
        fast_server: str, caplog: pytest.LogCaptureFixture) -> None:
    host, port = fast_server.removeprefix("http://").split("/")[0].split(":")
    with caplog.at_level(logging.WARNING, logger="lscb"), \
            socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nContent-Length: 10\r\n\r\nhal")
        sock.settimeout(5)
        assert sock.recv(1) == b""
    assert [r.getMessage() for r in caplog.records if "Dropped" in r.getMessage()] == [
        "Dropped a connection from 127.0.0.1: its request was not complete after 0.5 s"]


def test_the_connection_limit_follows_the_descriptors_the_process_may_open() -> None:
    script = ("import resource; from bot.server import connection_limit\n"
              "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
              "resource.setrlimit(resource.RLIMIT_NOFILE, (256, 300))\n"
              "print(connection_limit(1000), resource.getrlimit(resource.RLIMIT_NOFILE)[0])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["200", "300"]
