"""The real app, served on a loopback port, talking to a fake Slack Web API."""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date

from waitress import wasyncore

from bot.app import create_app
from bot.board_web import board_pages
from bot.config import Settings
from bot.server import ServerLimits
from bot.web import LIMITS, make_server, make_wsgi
from storage.database import Database
from tests.fakeslack import FakeSlack

SIGNING_SECRET = "s3cret"


def signature_of(secret: str, stamp: str, raw: bytes) -> str:
    """Slack's signature of a raw body, even one that is not UTF-8 (which Slack never
    sends, and slack_sdk's SignatureVerifier cannot sign): v0=HMAC-SHA256(v0:ts:body).
    https://api.slack.com/authentication/verifying-requests-from-slack"""
    return "v0=" + hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + raw,
                            hashlib.sha256).hexdigest()
ADMIN = "UADMIN"


@dataclass
class RunningApp:
    url: str
    fake: FakeSlack
    database: Database
    settings: Settings


def app_settings(database: Database, fake: FakeSlack, today: date) -> Settings:
    return Settings(database_url=database.url, bot_token="xoxb-test",
                    signing_secret=SIGNING_SECRET, slack_api_url=fake.base_url,
                    admins=frozenset({ADMIN}), today=today, scheduler=False)


@contextmanager
def serving(database: Database, settings: Settings,
            limits: ServerLimits = LIMITS) -> Iterator[str]:
    """The real app (create_app, make_wsgi, make_server) on an ephemeral port: its URL.

    The server's loop runs in its own thread and closes the server there too, so no
    socket is ever closed under a select() in another thread.
    """
    server = make_server(make_wsgi(create_app(settings, database), database,
                                   settings.signing_secret, limits.body_bytes,
                                   pages=board_pages(database, settings)),
                         "127.0.0.1", 0, threads=4,
                         limits=limits)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            wasyncore.loop(timeout=0.05, map=server._map, count=1,
                           use_poll=server.adj.asyncore_use_poll)
        server.close()

    thread = threading.Thread(target=loop, daemon=True, name="lscb-test-server")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    finally:
        stop.set()
        with suppress(OSError):  # closed already: the loop has seen `stop` and ended
            server.pull_trigger()  # wake the loop's poll now, not at its timeout
        thread.join(timeout=30)
        assert not thread.is_alive(), "the server did not stop"
        server.task_dispatcher.shutdown()


@contextmanager
def running_app(database: Database, today: date = date(2014, 10, 15)) -> Iterator[RunningApp]:
    """`lscb serve` in-process: bolt behind waitress on 127.0.0.1, Slack faked on loopback."""
    with FakeSlack() as fake:
        settings = app_settings(database, fake, today)
        with serving(database, settings) as url:
            yield RunningApp(url, fake, database, settings)
