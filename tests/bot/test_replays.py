"""A signed request sent again (a retry, a replay) is answered but not applied again."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from sqlalchemy import func, select

from bot.replays import ReplayMemory
from storage import seen_requests
from storage.database import Database
from storage.models import Challenge, Risk, SeenRequest, StatusChange
from tests.slackapp import ADMIN, SIGNING_SECRET, RunningApp, running_app, signature_of

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
KEEP = timedelta(minutes=5)


@pytest.fixture
def app(sample_database: Database) -> Iterator[RunningApp]:
    with running_app(sample_database) as running:
        yield running


def slash_body(text: str) -> bytes:
    """A slash command's form, fixed once, as Slack would send it (and send it again)."""
    return urlencode({"token": "t", "team_id": "T0001", "team_domain": "lscb",
                      "channel_id": "C1", "channel_name": "general", "user_id": ADMIN,
                      "user_name": "admin", "command": "/lscb", "text": text,
                      "response_url": "", "trigger_id": "1.2.abc", "api_app_id": "A1"}).encode()


def post(app: RunningApp, body: bytes, stamp: int, retry: str = "") -> tuple[int, bytes]:
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Slack-Request-Timestamp": str(stamp),
               "X-Slack-Signature": signature_of(SIGNING_SECRET, str(stamp), body)}
    if retry:
        headers |= {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"}
    with urlopen(Request(app.url, data=body, headers=headers,
                         method="POST"), timeout=10) as response:
        return response.status, response.read()


def count(database: Database, model: type[object]) -> int:
    with database.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize(("text", "model"), [
    ("challenge 2.3 why are the S11 returns late?", Challenge),
    ("risk add likelihood=4 impact=3 S11 returns late", Risk),
    ("update 2.3 at-risk two agencies late", StatusChange),
])
@pytest.mark.parametrize("retry", ["", "1"])
def test_a_request_sent_twice_is_applied_once(app: RunningApp, text: str, model: type[object],
                                              retry: str) -> None:
    before = count(app.database, model)
    body, stamp = slash_body(text), int(time.time())
    first = post(app, body, stamp)
    again = post(app, body, stamp, retry)
    assert first[0] == again[0] == 200
    assert json.loads(again[1]) == json.loads(first[1])  # answered as the first was
    assert "Sorry" not in json.loads(first[1])["text"]
    assert count(app.database, model) == before + 1


def test_the_same_words_sent_anew_are_a_new_request(app: RunningApp) -> None:
    body, stamp = slash_body("challenge 2.3 why late?"), int(time.time())
    post(app, body, stamp)
    post(app, body, stamp - 1)  # another timestamp: another request, signed anew
    assert count(app.database, Challenge) == 2


def test_every_process_sees_the_same_memory(database: Database) -> None:
    other = Database(database.url)
    try:
        with database.committed() as session:
            assert seen_requests.claim(session, "v0=abc", NOW, KEEP) is None
            seen_requests.answered(session, "v0=abc", 200, "application/json", '{"ok":1}')
        with other.committed() as session:
            earlier = seen_requests.claim(session, "v0=abc", NOW + timedelta(seconds=3), KEEP)
        assert earlier == seen_requests.Earlier(200, "application/json", '{"ok":1}')
    finally:
        other.dispose()


def test_a_request_still_being_answered_is_acknowledged_empty(database: Database) -> None:
    with database.committed() as session:
        seen_requests.claim(session, "v0=abc", NOW, KEEP)
    with database.committed() as session:
        assert seen_requests.claim(session, "v0=abc", NOW, KEEP) == seen_requests.Earlier(
            None, "", "")


def test_old_signatures_are_forgotten(database: Database) -> None:
    with database.committed() as session:
        seen_requests.claim(session, "v0=old", NOW, KEEP)
    with database.committed() as session:
        seen_requests.claim(session, "v0=new", NOW + timedelta(minutes=6), KEEP)
    with database.unit_of_work() as session:
        assert list(session.scalars(select(SeenRequest.signature))) == ["v0=new"]


def test_an_event_retried_with_a_new_signature_is_handled_once(database: Database) -> None:
    handled: list[bytes] = []

    def bolt(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        handled.append(environ["wsgi.input"].read())
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b""]

    memory = ReplayMemory(bolt, database)
    for signature in ("v0=first", "v0=retry"):  # Slack signs each retry anew
        body = json.dumps({"type": "event_callback", "event_id": "Ev1"}).encode()
        environ = {"REQUEST_METHOD": "POST", "HTTP_X_SLACK_SIGNATURE": signature,
                   "wsgi.input": io.BytesIO(body)}
        assert b"".join(memory(environ, lambda status, headers: None)) == b""
    assert len(handled) == 1
