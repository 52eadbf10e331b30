"""`/lscb` over Socket Mode, end to end on loopback.

The real bolt `SocketModeHandler` (slack_sdk's builtin client) asks FakeSlack's
`apps.connections.open` for a URL with the app-level token, opens a WebSocket to
FakeSocketMode, receives a `slash_commands` envelope and acks it with the reply.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app import create_app
from bot.config import Settings
from bot.entrypoints import socket_mode_handler
from storage.database import Database
from storage.importer import import_plan
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from tests.fakeslack import APP_ID, TEAM_DOMAIN, TEAM_ID, FakeSlack, as_slack_sends
from tests.fakesocket import FakeSocketMode

JSON = dict[str, Any]
APP_TOKEN = "xapp-test"
ADMIN = "UADMIN"
# slack_sdk would tunnel the WebSocket through a proxy named in these.
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")


def slash_command(envelope_id: str, text: str, user_id: str, response_url: str) -> JSON:
    """A `slash_commands` envelope as Slack pushes it over the socket."""
    payload = {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": "C123",
        "channel_name": "channel-c123",
        "user_id": user_id,
        "user_name": f"user_{user_id.lower()}",
        "command": "/lscb",
        "text": as_slack_sends(text),
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"1.2.{envelope_id}",
    }
    return {"envelope_id": envelope_id, "type": "slash_commands",
            "accepts_response_payload": True, "payload": payload}


def sample_database(url: str) -> Database:
    database = Database(url)
    with database.committed() as session:
        import_plan(session, read_plan_file(SAMPLE_PLAN), "test",
                    datetime(2014, 4, 1, 9, 0, tzinfo=UTC))
    return database


def test_the_bot_answers_lscb_over_socket_mode(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    threads_before = set(threading.enumerate())
    database_url = f"sqlite:///{tmp_path / 'lscb.sqlite3'}"
    database = sample_database(database_url)
    with FakeSlack() as fake, FakeSocketMode(app_id=APP_ID) as sockets:
        fake.socket_url = sockets.url
        settings = Settings(database_url=database_url, bot_token="xoxb-test",
                            app_token=APP_TOKEN, slack_api_url=fake.base_url,
                            admins=frozenset({ADMIN}), today=date(2014, 10, 15),
                            scheduler=False)
        handler = socket_mode_handler(create_app(settings, database), settings)
        try:
            handler.connect()
            respond_to = f"{fake.response_url_base}socket"

            sockets.send_envelope(slash_command("e1", "overdue chair", "U1", respond_to))
            ack = sockets.wait_for_ack("e1")
            assert ack["envelope_id"] == "e1"
            reply = ack["payload"]
            assert reply["text"].startswith("Overdue for Chair on 15 Oct 2014: 6 items")
            assert reply["blocks"] and reply["response_type"] == "ephemeral"

            sockets.send_envelope(slash_command("e2", "approvals", "U1", respond_to))
            refusal = sockets.wait_for_ack("e2")["payload"]
            assert refusal["text"] == ("Only an admin can use `approvals`. "
                                       "Ask the board's business manager.")
        finally:
            sockets.drop_connections()  # lets close() take the client's receive lock at once
            handler.close()
        [opened] = fake.calls("apps.connections.open")
        assert opened.headers.get("Authorization") == f"Bearer {APP_TOKEN}"
        assert sockets.connections == 1, "the client never had to reconnect"
        assert [m["envelope_id"] for m in sockets.received()] == ["e1", "e2"]
        assert fake.calls("response_url") == [], "the reply went in the ack, nothing posted"
    database.dispose()
    assert [t for t in threading.enumerate() if t not in threads_before] == []


def test_apps_connections_open_needs_a_socket_url() -> None:
    with FakeSlack() as fake:
        client = WebClient(base_url=fake.base_url, retry_handlers=[])
        with pytest.raises(SlackApiError) as refused:
            client.apps_connections_open(app_token=APP_TOKEN)
        assert refused.value.response["error"] == "not_configured"
