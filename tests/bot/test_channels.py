"""Checking a channel when it is linked, against the faithful fake Slack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.channels import prepare_channel
from commands.render_blocks import mrkdwn
from tests.fakeslack import FakeSlack, Fault


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as running:  # manifest.yml's scopes
        running.add_channel("CPUB", "pmqa")
        running.add_channel("CIN", "chair", member=True)
        running.add_channel("CPRIV", "cdop", private=True)
        running.add_channel("COLD", "old", archived=True)
        yield running


def client(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=fake.base_url, retry_handlers=[])


def test_a_public_channel_is_joined_so_the_bot_can_read_it_back(fake: FakeSlack) -> None:
    check = prepare_channel(client(fake), "CPUB")
    assert (check.ok, check.joined, check.sentence) == (True, True, ())
    assert client(fake).conversations_history(channel="CPUB")["ok"]
    again = prepare_channel(client(fake), "CPUB")
    assert again.ok and not again.joined
    assert len(fake.calls("conversations.join")) == 1


def test_a_channel_the_bot_is_in_is_left_alone(fake: FakeSlack) -> None:
    assert prepare_channel(client(fake), "CIN").ok
    assert not fake.calls("conversations.join")


def test_a_private_channel_needs_an_invitation_and_says_how(fake: FakeSlack) -> None:
    check = prepare_channel(client(fake), "CPRIV")
    assert (check.ok, check.problem) == (False, "channel_not_found")
    assert "<#CPRIV>" in mrkdwn(check.sentence) and "`/invite @lscb`" in mrkdwn(check.sentence)
    fake.invite("CPRIV")
    invited = prepare_channel(client(fake), "CPRIV")
    assert invited.ok and invited.private


@pytest.mark.parametrize(("channel", "problem", "words"), [
    ("COLD", "is_archived", "unarchive it"),
    ("CNONE", "channel_not_found", "if it was deleted, link another"),
])
def test_archived_and_unknown_channels(fake: FakeSlack, channel: str, problem: str,
                                       words: str) -> None:
    check = prepare_channel(client(fake), channel)
    assert (check.ok, check.problem) == (False, problem)
    assert words in mrkdwn(check.sentence)


def test_missing_permissions_a_dead_token_and_a_silent_slack(fake: FakeSlack) -> None:
    fake.workspace.scopes.discard("channels:join")
    assert prepare_channel(client(fake), "CPUB").problem == "missing_scope"
    fake.inject("conversations.info", Fault.drop())
    silent = prepare_channel(client(fake), "CIN")
    assert silent.problem == "unreachable" and "checks again" in mrkdwn(silent.sentence)
    fake.uninstall()
    dead = prepare_channel(client(fake), "CIN")
    assert dead.problem == "account_inactive" and "SLACK_BOT_TOKEN" in mrkdwn(dead.sentence)
