"""`/lscb due` and `/lscb move` read dates as the plan does (issue 8)."""

from __future__ import annotations

import pytest

from tests.commands.conftest import Ask


@pytest.mark.parametrize(("text", "header"), [
    ("due 2015", "Due from 1 Jan 2015 to 31 Dec 2015: 10 items"),
    ("due 2015-03", "Due from 1 Mar 2015 to 31 Mar 2015: 6 items"),
    ("due March 2015", "Due from 1 Mar 2015 to 31 Mar 2015: 6 items"),
    ("due this month", "Due from 1 Oct 2014 to 31 Oct 2014: 2 items"),
    ("due Q3 2014/15", "Due from 1 Oct 2014 to 31 Dec 2014: 3 items"),
    ("due 2014/15", "Due from 1 Apr 2014 to 31 Mar 2015: 42 items"),
])
def test_due_reads_years_months_and_quarters(ask: Ask, text: str, header: str) -> None:
    assert ask(text).text.startswith(header)


def test_due_next_month_is_the_calendar_month_after_today(ask: Ask) -> None:
    assert ask("due next month").text == "Nothing falls due from 1 Nov 2014 to 30 Nov 2014."


@pytest.mark.parametrize(("text", "moved_to"), [
    ("move 2.6 September 2015 survey supplier delayed", "30 Sep 2015"),
    ("move 2.6 15/06/2015 board asked for it", "15 Jun 2015"),
    ("move 2.6 15th June 2015 board asked for it", "15 Jun 2015"),
    ("move 2.6 Q2 2015/16 new lead", "30 Sep 2015"),
])
def test_move_reads_the_new_date_as_the_plan_does(ask: Ask, text: str, moved_to: str) -> None:
    assert ask(text).text == f"*2.6* is now due {moved_to} (originally 31 May 2015)."


def test_move_keeps_the_whole_reason_after_a_date_of_several_words(ask: Ask) -> None:
    ask("move 2.6 15 June 2015 the board asked")
    assert "the board asked" in ask("history 2.6").text


def test_move_without_a_reason_or_a_date_says_so(ask: Ask) -> None:
    assert ask("move 2.6 September 2015").text.startswith("Say why the date moves")
    assert ask("move 2.6 soon because").text == ("“soon” is not a date: use 2015-03-31 or "
                                                 "Mar-2015.")
