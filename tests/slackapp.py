"""The real app, served on a loopback port, talking to a fake Slack Web API."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from bot.app import create_app
from bot.config import Settings
from bot.web import make_server, make_wsgi
from storage.database import Database
from tests.fakeslack import FakeSlack

SIGNING_SECRET = "s3cret"
ADMIN = "UADMIN"


@dataclass
class RunningApp:
    url: str
    fake: FakeSlack
    database: Database
    settings: Settings


@contextmanager
def running_app(database: Database, today: date = date(2014, 10, 15)) -> Iterator[RunningApp]:
    """`lscb serve` in-process: bolt behind waitress on 127.0.0.1, Slack faked on loopback."""
    with FakeSlack() as fake:
        settings = Settings(database_url=database.url, bot_token="xoxb-test",
                            signing_secret=SIGNING_SECRET, slack_api_url=fake.base_url,
                            admins=frozenset({ADMIN}), today=today, scheduler=False)
        server = make_server(make_wsgi(create_app(settings, database), database),
                             "127.0.0.1", 0, threads=4)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            yield RunningApp(f"http://127.0.0.1:{server.effective_port}/slack/events", fake,
                             database, settings)
        finally:
            server.close()
            thread.join(timeout=5)
