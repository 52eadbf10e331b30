"""Small things every page leans on, at their edges: a plan word's plural, how long ago
something fell due, who may share the report, when a snooze was recorded, and a page's
buttons. Written against mutants mutmut left alive (issue 11)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from commands.buttons import snooze
from commands.context import NotPermitted
from commands.page import Bold, Button, Buttons, Command, Page, Paragraph, joined, message
from commands.report import check_may_share
from commands.text import overdue_by
from commands.words import plural
from storage.database import Database
from storage.models import AuditEntry
from tests.commands.conftest import NOW, context


@pytest.mark.parametrize(("noun", "nouns"), [
    ("priority", "priorities"), ("PRIORITY", "PRIORITies"), ("key", "keys"),
    ("partnership", "partnerships"), ("bus", "buses"), ("BOX", "BOXes"), ("church", "churches"),
    ("Waltz", "Waltzes"), ("theme", "themes"),
])
def test_a_plans_word_takes_the_plural_english_gives_it(noun: str, nouns: str) -> None:
    assert plural(noun) == nouns


@pytest.mark.parametrize(("days", "words"), [
    (0, "0 days overdue"), (1, "1 day overdue"), (13, "13 days overdue"),
    (14, "2 weeks overdue"), (59, "8 weeks overdue"), (60, "2 months overdue"),
    (729, "24 months overdue"), (730, "2 years overdue"), (1097, "3 years overdue"),
])
def test_how_long_overdue_is_said_in_the_largest_whole_unit(days: int, words: str) -> None:
    due = date(2014, 1, 1)
    assert overdue_by(due, due + timedelta(days=days)) == words


def test_a_member_who_speaks_for_no_owner_may_not_share_the_report(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        check_may_share(context(session))
        with pytest.raises(NotPermitted) as refused:
            check_may_share(context(session, user="U9", admin=False))
    assert refused.value.line == (
        "Only admins and people linked to the Chair or another owner can share the report in "
        "a channel. ", Command("report"), " shows it to you alone.")


def test_a_snooze_is_recorded_at_the_time_it_was_asked(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        snooze(context(session, acting_as=("policy",)), "2.5")
        session.commit()
    with sample_database.unit_of_work() as session:
        entries = [(e.actor, e.subject, e.at) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.verb == "action.snooze"))]
    assert entries == [("UADMIN", "2.5", NOW)]


def test_a_pages_buttons_keep_their_block_id() -> None:
    done = Button("Mark complete", "lscb_complete", "2.5", primary=True)
    assert Page().buttons("lscb_buttons_2.5", done).blocks == [
        Buttons("lscb_buttons_2.5", (done,))]


def test_lines_are_joined_with_their_separator_and_a_message_says_if_it_refuses() -> None:
    assert joined([("a",), (Bold("b"),)], " · ") == ("a", " · ", Bold("b"))
    assert joined([("a",), ("b",)]) == ("a", ", ", "b")
    assert message("No.", is_error=True) == Page([Paragraph(("No.",))], is_error=True)
    assert message("Yes.").is_error is False
