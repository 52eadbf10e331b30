"""A partnership installs the bot as `/scp`: it answers `/scp`, and says `/scp` everywhere."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storage.database import Database
from tests.e2e.conftest import SECRET, TODAY, Bot, block_texts
from tests.fakeslack import FakeSlack, signed_event, slack_text
from tests.slackapp import app_settings, serving

SCP = "/scp"


@pytest.fixture
def scp_bot(sample_file: Path, tmp_path: Path, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot on a copy of the sample plan, installed as `/scp` (LSCB_COMMAND=/scp)."""
    copy = Path(shutil.copyfile(sample_file, tmp_path / "scp.sqlite3"))
    database = Database(f"sqlite:///{copy}")
    try:
        settings = replace(app_settings(database, fake_slack, TODAY), command=SCP)
        with serving(database, settings) as url:
            yield Bot(url, copy, database)
    finally:
        database.dispose()


def said(bot: Bot, text: str, user: str = "UADMIN") -> str:
    status, body = bot.send(slack_text(text), user, command=SCP)
    assert status == 200 and isinstance(body, dict), body
    return "\n".join([body["text"], *block_texts(body["blocks"])])


def test_the_help_says_scp_and_never_lscb(scp_bot: Bot) -> None:
    help_text = said(scp_bot, "help")
    assert "/scp: the business plan in Slack" in help_text
    assert "`/scp overdue [OWNER]`" in help_text and "`/scp undated [OWNER]`" in help_text
    assert "/lscb" not in help_text


def test_replies_and_hints_follow_the_command(scp_bot: Bot) -> None:
    assert "Did you mean `/scp overdue`?" in said(scp_bot, "overdeu")
    mine = said(scp_bot, "my-actions", user="UNOBODY")
    assert "`/scp link @name OWNER`" in mine and "/lscb" not in mine
    assert "/lscb" not in said(scp_bot, "action 2.1")


def test_the_old_name_is_not_answered(scp_bot: Bot) -> None:
    """Slack only sends the command the app declares; bolt answers 404 for any other."""
    status, _ = scp_bot.send(slack_text("help"), command="/lscb")
    assert status == 404


def test_the_app_home_follows_the_command(scp_bot: Bot, fake_slack: FakeSlack) -> None:
    said(scp_bot, "link <@UCHAIR> chair")
    status, _ = signed_event(scp_bot.url, SECRET, {
        "type": "app_home_opened", "user": "UCHAIR", "channel": "D1", "tab": "home"})
    assert status == 200
    published = [c.params for c in fake_slack.calls("views.publish")
                 if c.params["user_id"] == "UCHAIR"][-1]
    text = json.dumps(published["view"])
    assert "`/scp help`" in text and "/lscb" not in text
