"""The challenge log's lines and what a clicked message says afterwards, pinned whole:
the day in the plan's time zone, where long text is cut, and who did what."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from commands.buttons import Snoozed
from commands.challenges import ChallengeEntry, ChallengeLog
from commands.page import Bold, Heading, Italic, Items, Mention
from commands.pages.challenges import challenge_log_page
from commands.pages.clicks import snoozed_line, updated_line
from commands.progress import StatusChanged

# Noon UTC on 1 July is already 2 July at UTC+14, whatever zone the machine runs in.
FAR_EAST = ZoneInfo("Pacific/Kiritimati")
AT = datetime(2014, 7, 1, 12, 0, tzinfo=UTC)
LONG = "x" * 301  # one character over what a challenge line shows of a text or an answer
CUT = "x" * 299 + "…"


def test_the_log_lists_each_challenge_on_the_plans_day_with_long_text_cut_at_300() -> None:
    asked = ChallengeEntry(1, "1.1", "Health", AT, "U1", LONG)
    answered = ChallengeEntry(2, "2.3", "Police", AT, "U2", "Why?", LONG, "U3")
    page = challenge_log_page(ChallengeLog(None, [asked, answered]), FAR_EAST)
    assert page.blocks[0] == Heading("Challenge log: 2 challenges")
    items = page.blocks[1]
    assert isinstance(items, Items)
    assert items.narrower == "/lscb challenges REF"
    assert [items.render(entry) for entry in items.entries] == [
        (Bold("#1"), " ", Bold("1.1"), " 02 Jul 2014 ", Mention("U1"), f": {CUT}",
         " · ", Italic("not yet answered")),
        (Bold("#2"), " ", Bold("2.3"), " 02 Jul 2014 ", Mention("U2"), ": Why?",
         "\n   ↳ answered by ", Mention("U3"), f": {CUT}"),
    ]


def test_a_snooze_says_who_snoozed_which_action_until_when() -> None:
    assert snoozed_line("U1", Snoozed("1.1", date(2014, 10, 22))) == (
        "😴 ", Mention("U1"), " snoozed reminders for ", Bold("1.1"), " until 22 Oct 2014.")


def test_an_update_says_the_new_status_who_and_the_note_cut_at_200() -> None:
    assert updated_line("U1", StatusChanged("1.1", "on-track", "at-risk")) == (
        "🟠 at risk ", Mention("U1"), " updated ", Bold("1.1"))
    assert updated_line("U1", StatusChanged("1.1", "on-track", "at-risk", "y" * 201)) == (
        "🟠 at risk ", Mention("U1"), " updated ", Bold("1.1"), ": " + "y" * 199 + "…")
