"""The shared lines: nothing trails an action without an extra, a date due today is not late,
where undated wording and reasons are cut, and is/are in the undated count."""

from __future__ import annotations

from datetime import date

from commands.page import Bold, Italic
from commands.pages.lines import action_line, lateness, undated_count, undated_line
from storage.rows import Undated
from tests.commands.rows import action_row

TODAY = date(2014, 10, 15)


def test_an_action_without_an_extra_has_nothing_after_its_status() -> None:
    assert len(action_line(action_row(when_text="by spring"))) == 2


def test_a_date_due_today_is_due_not_overdue() -> None:
    assert lateness(TODAY, TODAY) == "due 15 Oct 2014"


def test_an_undated_line_cuts_the_wording_at_120_and_the_reason_at_160() -> None:
    assert undated_line(Undated(action_row(when_text="w" * 121), "r" * 161)) == (
        Bold("1.1"), " Audit · no owner · when: “", Italic("w" * 119 + "…"),
        "” · " + "r" * 159 + "…")


def test_the_undated_count_says_is_for_one_and_are_for_more() -> None:
    assert str(undated_count(1)[0]).endswith("whether it is late: ")
    assert str(undated_count(2)[0]).endswith(" are late: ")
