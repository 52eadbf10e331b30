"""A click is answered within Slack's 3 seconds whatever Slack's rate limits do."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest

from bot.cycle import run_cycle
from bot.delivery import SlackSender
from bot.interactive import TRY_AGAIN
from bot.slack_client import make_client
from storage.database import Database
from tests.fakeslack import FakeClock, FakeSlack, Fault, signed_interaction, signed_slash_command
from tests.slackapp import ADMIN, SIGNING_SECRET, app_settings, serving

CHANNEL, OWNER = "CPOLICY", "UPOLICY"


@dataclass
class Served:
    url: str
    fake: FakeSlack
    clock: FakeClock
    reminder: dict[str, Any]


@pytest.fixture
def served(sample_database: Database) -> Iterator[Served]:
    clock = FakeClock()
    with FakeSlack(clock=clock) as fake:
        fake.add_channel(CHANNEL, "policy")
        settings = app_settings(sample_database, fake, date(2015, 2, 16))
        with serving(sample_database, settings) as url:
            for text in (f"link <@{OWNER}> policy", f"channel <#{CHANNEL}> policy"):
                signed_slash_command(url, SIGNING_SECRET, text=text, user_id=ADMIN)
            sender = SlackSender(make_client(settings, retry_connections=False), min_interval=0)
            run_cycle(sample_database, replace(settings), sender, worker="test")
            reminder = next(m for m in fake.posts(CHANNEL) if "Action 2.5" in m["text"])
            yield Served(url, fake, clock, reminder)


def click_update(served: Served, trigger_id: str) -> tuple[int, float]:
    """Click *Update status* on the reminder; the status and how long the app took."""
    button = next(e for b in served.reminder["blocks"] if b["type"] == "actions"
                  for e in b["elements"] if e["action_id"] == "lscb_update")
    payload = {"type": "block_actions", "user": {"id": OWNER}, "team": {"id": "T0001"},
               "api_app_id": "A1", "trigger_id": trigger_id,
               "channel": {"id": CHANNEL}, "message": served.reminder,
               "response_url": f"{served.fake.response_url_base}click",
               "actions": [{"action_id": "lscb_update", "block_id": "b", "type": "button",
                            "value": button["value"], "action_ts": "1"}]}
    started = time.monotonic()
    status, _ = signed_interaction(served.url, SIGNING_SECRET, payload, timeout=30)
    return status, time.monotonic() - started


def test_a_rate_limited_modal_is_acknowledged_within_three_seconds(served: Served) -> None:
    served.fake.inject("views.open", Fault.rate_limited(retry_after=5))
    status, took = click_update(served, served.fake.trigger_id())
    assert status == 200 and took < 3.0
    assert len(served.fake.calls("views.open")) == 1  # no retry that sleeps
    [answer] = served.fake.calls("response_url")
    assert answer.params["text"] == TRY_AGAIN
    assert answer.params["response_type"] == "ephemeral"


def test_a_trigger_that_expired_while_slack_was_slow_asks_to_try_again(served: Served) -> None:
    trigger = served.fake.trigger_id()
    served.clock.advance(3.5)
    status, _ = click_update(served, trigger)
    assert status == 200 and not served.fake.modals()
    assert served.fake.calls("response_url")[0].params["text"] == TRY_AGAIN


def test_the_modal_opens_when_slack_is_willing(served: Served) -> None:
    status, took = click_update(served, served.fake.trigger_id())
    assert status == 200 and took < 3.0
    assert served.fake.modals() and not served.fake.calls("response_url")
