from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from commands.context import CommandError
from commands.page import Page
from commands.render_blocks import MAX_BLOCK_TEXT, MAX_BLOCKS, escape, to_reply
from commands.slash import SUBCOMMANDS
from commands.slash.lists import window
from commands.text import overdue_by
from tests.commands.conftest import Ask


def test_help_lists_every_subcommand_with_its_docstring(ask: Ask) -> None:
    reply = ask("help")
    for entry in SUBCOMMANDS.values():
        assert f"`/lscb {entry.usage}` {entry.help_line}" in reply.text
    assert ask("").text == reply.text


def test_help_hides_admin_commands_from_others(ask: Ask) -> None:
    assert "/lscb link" not in ask("help", user="U1", admin=False).text


def test_an_unknown_subcommand_suggests_the_nearest(ask: Ask) -> None:
    reply = ask("overdeu")
    assert reply.is_error
    assert "Did you mean `/lscb overdue`?" in reply.text


def test_an_owner_sees_their_actions_grouped(ask: Ask) -> None:
    text = ask("my-actions", user="U1", admin=False, acting_as=("chair",)).text
    assert "*Overdue* (6)" in text
    assert text.index("*1.1*") < text.index("*1.3*")


def test_an_unlinked_caller_is_told_how_to_get_linked(ask: Ask) -> None:
    text = ask("mine", user="U9", admin=False).text
    assert "not linked" in text and "(<@U9>): `/lscb link @name OWNER`" in text


def test_linking_makes_my_actions_work(ask: Ask) -> None:
    assert "now linked to Case Review Subgroup" in ask("link <@U5|sam> case review").text
    text = ask("mine", user="U5", admin=False).text
    assert "*5.1*" in text and "*Ongoing* (2)" in text


def test_overdue_groups_by_owner_with_how_late(ask: Ask) -> None:
    text = ask("overdue pmqa").text
    assert text.startswith("Overdue for Performance Management and Quality Assurance Subgroup")
    assert "*2.1*" in text and "4 months overdue" in text
    assert "*1.1*" not in text


def test_a_missed_milestone_is_overdue(ask: Ask) -> None:
    late = datetime(2015, 1, 5, 12, tzinfo=UTC)
    assert "6.1* milestone: 2012 annual report" in ask("overdue cdop", now=late).text


def test_only_an_owner_or_an_admin_may_change_an_action(ask: Ask) -> None:
    refused = ask("update 2.3 at-risk", user="U1", admin=False, acting_as=("chair",))
    assert refused.is_error and "Only people linked to Policies and Procedures" in refused.text
    assert "not started" in ask("action 2.3").text
    allowed = ask("update 2.3 amber two returns late", user="U2", admin=False,
                  acting_as=("policy",))
    assert "now 🟠 at risk" in allowed.text
    assert "two returns late" in ask("action 2.3").text


def test_completing_an_annual_action_brings_it_round_next_year(ask: Ask) -> None:
    assert "due again on 31 Mar 2016" in ask("done 1.13 review held").text
    detail = ask("action 1.13").text
    assert "Annually → 31 Mar 2016" in detail and "not started" in detail


def test_a_completed_action_leaves_overdue(ask: Ask) -> None:
    ask("done 1.1")
    assert "*1.1*" not in ask("overdue chair").text


@pytest.mark.parametrize("text", ["update", "update 2.3", "update 2.3 purple", "done",
                                  "done 99.1", "action", "owner", "theme 12", "due soonish",
                                  "challenge 2.3", "link nobody chair", "channel #x pmqa"])
def test_bad_input_gets_a_short_specific_reply(ask: Ask, text: str) -> None:
    reply = ask(text)
    assert reply.is_error
    assert len(reply.blocks) == 1 and len(reply.text) < 400


def test_typed_text_is_escaped(ask: Ask) -> None:
    ask("challenge 2.3 &lt;!channel&gt; see &lt;https://evil.example|this&gt; &amp; that")
    text = ask("challenges").text
    assert "&lt;!channel&gt;" in text and "&amp; that" in text
    assert "<!channel>" not in text


def test_the_schedule_shows_next_working_days(ask: Ask) -> None:
    text = ask("schedule").text
    assert "SCR update to the LSCB → LSCB · next: 1 Dec 2014, 2 Feb 2015" in text
    assert "next: 2 Jan 2015, 1 Apr 2015" in text


def test_due_windows() -> None:
    today = date(2014, 10, 15)
    assert window("", today) == (today, date(2014, 11, 14))
    assert window("14 days", today) == (today, date(2014, 10, 29))
    assert window("2 weeks", today) == (today, date(2014, 10, 29))
    assert window("Sept 2014", today) == (date(2014, 9, 1), date(2014, 9, 30))
    with pytest.raises(CommandError):
        window("whenever", today)


def block_text(blocks: list[dict[str, Any]]) -> int:
    """How much text Slack counts in a message's blocks (sections, headers, context)."""
    return sum(len(b["text"]["text"]) if "text" in b else
               sum(len(e.get("text", "")) for e in b.get("elements", [])
                   if isinstance(e.get("text"), str)) for b in blocks)


@pytest.mark.parametrize("width", [10, 200, 2900])
def test_long_lists_are_cut_with_a_count_and_a_narrower_command(width: int) -> None:
    page = Page().heading("Many").lines([(f"line {i} " + "x" * width,) for i in range(2000)],
                                        "/lscb overdue OWNER")
    reply = to_reply(page)
    assert len(reply.blocks) <= MAX_BLOCKS
    assert block_text(reply.blocks) <= MAX_BLOCK_TEXT
    assert all(len(b["text"]["text"]) <= 3000 for b in reply.blocks if b["type"] == "section")
    last = reply.blocks[-1]["elements"][0]["text"]
    assert last.startswith("… and ") and "`/lscb overdue OWNER`" in last
    shown = sum(b["text"]["text"].count("line ") for b in reply.blocks if b["type"] == "section")
    assert shown > 0 and f"… and {2000 - shown} more" in last


def test_short_lines_fill_the_fifty_blocks_a_message_may_hold() -> None:
    page = Page().heading("Many")
    for i in range(100):
        page.paragraph(f"group {i}").lines([(f"line {i}",)])
    reply = to_reply(page)
    assert len(reply.blocks) == MAX_BLOCKS
    assert "… and 76 more not shown" in reply.blocks[-1]["elements"][0]["text"]  # 24 shown


def test_escape_and_lateness_helpers() -> None:
    assert escape("<@U1> & <!here>") == "&lt;@U1&gt; &amp; &lt;!here&gt;"
    assert overdue_by(date(2014, 10, 1), date(2014, 10, 2)) == "1 day overdue"
    assert overdue_by(date(2012, 10, 1), date(2014, 10, 15)) == "2 years overdue"
