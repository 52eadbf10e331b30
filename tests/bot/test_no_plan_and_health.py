"""Two states a fresh installation meets: no plan loaded yet, and a database that is down."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

from storage.database import Database
from tests.fakeslack import FakeSlack, signed_slash_command
from tests.slackapp import ADMIN, SIGNING_SECRET, app_settings, serving


def get(url: str) -> tuple[int, str]:
    try:
        with urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


def test_every_command_says_how_to_load_a_plan_when_there_is_none(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with FakeSlack() as fake, serving(database, app_settings(database, fake,
                                                             date(2014, 10, 15))) as url:
        for text in ("overdue", "my-actions", "update 2.3 on-track fine", "help"):
            status, body = signed_slash_command(url, SIGNING_SECRET, text=text, user_id=ADMIN)
            assert status == 200 and isinstance(body, dict), (text, body)
            assert body["response_type"] == "ephemeral"
            assert body["text"].startswith("No plan is loaded yet."), (text, body["text"])
            assert "lscb plan import" in body["text"]
            assert ("/lscb: the business plan in Slack" in str(body["blocks"])) == (text == "help")
    database.dispose()


def test_health_answers_503_while_the_database_is_down(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = Database(f"sqlite:///{folder / 'lscb.sqlite3'}")
    with FakeSlack() as fake, serving(database, app_settings(database, fake,
                                                             date(2014, 10, 15))) as url:
        health = url.removesuffix("/slack/events") + "/healthz"
        assert get(health)[0] == 200
        folder.rename(tmp_path / "gone")  # the disk or server it lived on went away
        database.engine.dispose()  # so no pooled connection hides it
        code, body = get(health)
        assert (code, json.loads(body)["database"]) == (503, "unavailable")
        (tmp_path / "gone").rename(folder)
        assert get(health)[0] == 200
    database.dispose()
