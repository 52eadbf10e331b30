"""Small parts of the papers and of every answer, at their edges: the undated section in
the singular and the plural, the RAG table's columns, a status or a date said as stored,
the slash command as the workspace types it, and the guard's limit and its sense of today.
Written against mutants mutmut left alive (issue 11)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from unittest.mock import ANY

import pytest

from commands.context import CommandError
from commands.page import Command, Items, Page, as_typed, plain
from commands.paper import Column, Section, rag_section
from commands.quarters import make_quarter
from commands.report import QuarterReport, ThemeRag, by_owner, undated
from commands.report_paper import quarter_paper, risk_rows, undated_section
from commands.safety import MAX_TEXT, typed_text
from commands.snapshot import Item, Period
from commands.text import status, theme_name, when, whole_number
from commands.words import Words
from commands.year_paper import _little
from storage.as_at_rows import ActionAsAt, RiskAsAt
from storage.database import Database
from tests.commands.conftest import NOW, context
from tests.commands.rows import action_row


def _undated(count: int) -> list[ActionAsAt]:
    return [ActionAsAt(action_row(f"3.{n}", "when the review reports", number=n,
                                  owners=["Triage"]), 3, "Triage", "")
            for n in range(1, count + 1)]


def test_one_undated_action_is_spoken_of_in_the_singular() -> None:
    assert undated_section(_undated(1)).intro == (
        "1 open action has a due date written in words the bot cannot read as a date, so it "
        "is never counted as overdue. It is kept as the plan words it.",)


def test_several_undated_actions_are_listed_with_their_owners_and_wording() -> None:
    section = undated_section(_undated(2))
    assert section.intro == (
        "2 open actions have a due date written in words the bot cannot read as a date, so "
        "none of them is ever counted as overdue. They are kept as the plan words them.",)
    assert section.rows == (
        ("3.1", "Audit", "Triage", "on track", "when the review reports"),
        ("3.2", "Audit", "Triage", "on track", "when the review reports"))


def test_the_rag_table_is_a_wide_theme_column_then_a_narrow_one_per_status() -> None:
    section = rag_section([ThemeRag(1, "Leadership", Counter(
        {"on-track": 2, "complete": 1}))])
    assert section.columns == (
        Column("Theme", 40), Column("Off track", 11), Column("At risk", 11),
        Column("On track", 11), Column("Complete", 11), Column("Not started", 11),
        Column("Total", 9))
    assert section.rows == (("1. Leadership", 0, 0, 2, 1, 0, 3), ("All themes", 0, 0, 2, 1, 0, 3))


def test_a_status_the_bot_has_no_badge_for_is_said_as_stored() -> None:
    assert status(action_row(status="paused")) == "paused"
    assert status(action_row(status="at-risk")) == "🟠 at risk"


def test_a_date_written_as_the_bot_would_write_it_is_said_once() -> None:
    assert when(action_row(when_text="31 May 2014", due=date(2014, 5, 31))) == "31 May 2014"
    assert when(action_row(when_text="May 2014", due=date(2014, 5, 31))) == (
        "May 2014 → 31 May 2014")


@pytest.mark.parametrize(("text", "typed"), [
    ("/lscb", "/scp"), ("/lscb overdue OWNER", "/scp overdue OWNER"), ("/lscb: help", "/scp: help"),
    ("/lscbx overdue", "/lscbx overdue"), ("see /lscb overdue", "see /lscb overdue")])
def test_the_slash_command_is_written_as_the_workspace_installed_it(text: str,
                                                                     typed: str) -> None:
    assert as_typed(text, "/scp") == typed


def test_a_command_with_no_words_is_the_slash_command_alone() -> None:
    assert plain((Command(""),), "/scp") == "`/scp`"
    assert plain((Command("overdue"),), "/scp") == "`/scp overdue`"


def test_a_note_up_to_the_limit_is_kept_and_one_over_it_is_refused(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        assert typed_text(ctx, "a" * MAX_TEXT, "note") == "a" * MAX_TEXT
        with pytest.raises(CommandError) as refused:
            typed_text(ctx, "a" * (MAX_TEXT + 1), "note")
        assert refused.value.line == (
            "Keep the note under 2,000 characters; link to a document for more.",)


def test_the_guard_reads_a_date_against_today(sample_database: Database) -> None:
    """Five years before today is a child's age; without today the words alone would pass
    it (storage.guard's known limits)."""
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        with pytest.raises(CommandError):
            typed_text(ctx, "seen Jamie Smith on 12/03/2009", "note")
        assert typed_text(ctx, "report due 01/12/2014", "note") == "report due 01/12/2014"


def test_a_risks_row_names_its_actions_comma_separated() -> None:
    risk = RiskAsAt(3, "Late returns", 4, 3, "PMQA", date(2014, 9, 1), ("2.3", "2.4"))
    assert risk_rows([risk]) == (
        ("R3", "Late returns", 4, 3, 12, "PMQA", "2.3, 2.4", date(2014, 9, 1), None),)


def test_the_defaults_say_nothing_extra() -> None:
    """A theme with no label, a list with no narrower command, a number of nine digits."""
    assert theme_name(1, "Leadership") == "1. Leadership"
    assert theme_name(1, "Neglect", "Priority 1a") == "Priority 1a: Neglect"
    items = Page().items(["a"], lambda entry: (entry,)).lines([("b",)]).blocks
    assert [block.narrower for block in items if isinstance(block, Items)] == ["", ""]
    assert Page().items(["a"], lambda entry: (entry,), "overdue OWNER").blocks == [
        Items(["a"], ANY, "overdue OWNER")]
    assert (whole_number("123456789"), whole_number("1234567890")) == (123456789, None)


def test_actions_are_grouped_by_each_owner_and_the_ownerless_said_so() -> None:
    shared = ActionAsAt(action_row("3.1", owners=["Police", "Health"]), 3, "Triage", "")
    alone = ActionAsAt(action_row("3.2", number=2), 3, "Triage", "")
    assert by_owner([shared, alone]) == [("(no owner)", ["3.2"]), ("Health", ["3.1"]),
                                         ("Police", ["3.1"])]


def test_a_finished_action_with_no_date_is_not_counted_as_undated() -> None:
    rows = [ActionAsAt(action_row("3.1"), 3, "Triage", ""),
            ActionAsAt(action_row("3.2", number=2, status="complete"), 3, "Triage", ""),
            ActionAsAt(action_row("3.3", "May 2014", date(2014, 5, 31), number=3), 3,
                       "Triage", "")]
    found = Period(date(2014, 7, 1), date(2014, 9, 30), NOW, None, rows,  # type: ignore[arg-type]
                   [])
    assert [a.row.ref for a in undated(found)] == ["3.1"]


def _no_update(report: QuarterReport) -> Section:
    return next(s for s in quarter_paper(report).sections if s.sheet == "No update")


def test_the_no_update_section_counts_in_the_singular_and_says_when_all_spoke() -> None:
    quarter = make_quarter(2014, 2, date(2014, 4, 1))
    silent = ActionAsAt(action_row("3.1", owners=["Triage"]), 3, "Triage", "")
    one = QuarterReport("Plan", "board", quarter, date(2014, 9, 30), silent=[silent],
                        words=Words("partnership", "priority"))
    section = _no_update(one)
    assert section.intro == ("1 open action had no update from its owners in the quarter.",)
    assert section.columns == (Column("Owner", 40), Column("Actions", 10), Column("Refs", 60))
    assert section.rows == (("Triage", 1, "3.1"),)
    assert quarter_paper(one).words == Words("partnership", "priority")
    none = _no_update(QuarterReport("Plan", "board", quarter, date(2014, 9, 30)))
    assert (none.intro, none.empty) == (
        ("0 open actions had no update from their owners in the quarter.",),
        "Every open action had an update.")


class _OneLittle:
    """A year in which one action made little progress (all `_little` reads of a year)."""

    def little_progress(self) -> list[Item]:
        return [Item(ActionAsAt(action_row("3.1", status="off-track", owners=["Triage"]), 3,
                                "Triage", ""), "🔴 off track", "by spring", None)]


def test_one_action_with_little_progress_is_spoken_of_in_the_singular() -> None:
    section = _little(_OneLittle())  # type: ignore[arg-type]
    assert section.intro[0].startswith(
        "1 action was not started, off track, or overdue by more than a quarter at the "
        "year's end (1 off track).")
