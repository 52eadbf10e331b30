"""What the admins are told when Slack refuses nudges: grouped by cause, each with its fix,
and always a message Slack accepts however much went wrong."""

from __future__ import annotations

import json
from datetime import date

import pytest

from commands.nudge_span import as_message
from commands.page import ChannelRef, line
from commands.pages.notices import admin_notice, channel_problem, failure_notice, resumed_notice
from commands.render_blocks import mrkdwn
from tests.fakeslack import MESSAGE_BLOCK_TEXT_MAX, MESSAGE_BLOCKS_MAX, block_text_length
from tests.fakeslack_blocks import check_blocks

LINE = line(ChannelRef("C0123ABCD"), " · 1 Oct 2014 · Performance Management and Quality "
            "Assurance Subgroup · 📅 Reporting due: Quarterly business plan monitoring report "
            "(exceptions and highlights)")


def test_failures_are_grouped_by_cause_with_the_fix_for_each() -> None:
    text, blocks = as_message(failure_notice(
        [("is_archived", [LINE]), ("channel_not_found", [LINE] * 2), ("token", [LINE])],
        grace_days=7))
    assert "*The channel is archived* (1 nudge): unarchive it" in text
    assert "*The bot cannot see the channel* (2 nudges): if it is private, type " \
           "`/invite @lscb` in the channel" in text
    assert "reinstall the app" in text and "less than 7 days late" in text
    assert check_blocks(blocks, MESSAGE_BLOCKS_MAX) == []


@pytest.mark.parametrize("build", [
    lambda: as_message(failure_notice([("msg_blocks_too_long", [LINE] * 400),
                                       ("channel_not_found", [LINE] * 400)], grace_days=7)),
    lambda: as_message(admin_notice("Nudges nobody will hear", [LINE] * 800)),
])
def test_a_notice_about_hundreds_of_nudges_is_still_one_slack_accepts(build: object) -> None:
    _, blocks = build()  # type: ignore[operator]
    assert block_text_length(blocks) <= MESSAGE_BLOCK_TEXT_MAX
    assert check_blocks(blocks, MESSAGE_BLOCKS_MAX) == []
    assert "more not shown" in json.dumps(blocks)


@pytest.mark.parametrize(("cause", "words"), [
    ("not_in_channel", "The bot is not in the channel (<#C1>): type `/invite @lscb`"),
    ("channel_not_found", "if it was deleted, link another with `/lscb channel #channel"),
    ("is_archived", "The channel is archived (<#C1>): unarchive it"),
    ("missing_scope", "reinstall the app from manifest.yml"),
    ("token", "set SLACK_BOT_TOKEN to its new token"),
    ("unreachable", "the bot checks again"),
    ("<weird>&", "Slack refused them (&lt;weird&gt;&amp;)"),
])
def test_one_plain_sentence_per_channel_problem(cause: str, words: str) -> None:
    assert words in mrkdwn(channel_problem("C1", cause))


def test_after_a_reinstall_the_admins_hear_since_when_nothing_went_out() -> None:
    text, _ = as_message(resumed_notice(["app_uninstalled", "account_inactive",
                                         "app_uninstalled"], date(2014, 9, 30),
                                        date(2014, 10, 2)))
    assert "30 Sep 2014" in text and "2 Oct 2014" in text
    assert "app_uninstalled and account_inactive" in text
