"""A quarter as people type it, in either order, and the refusals of what is not one.
Written against mutants mutmut left alive in commands/quarters.py (issue 11)."""

from __future__ import annotations

from datetime import date

import pytest

from commands.context import CommandError
from commands.page import Code
from commands.quarters import make_quarter, read_quarter
from commands.year_report import read_year

STARTS, TODAY = date(2014, 4, 1), date(2014, 10, 15)


@pytest.mark.parametrize("typed", ["Q3 2014/15", "2014/15 Q3", "2014 q3", " q3   2014 "])
def test_a_quarter_reads_the_same_in_either_order(typed: str) -> None:
    assert read_quarter(typed, TODAY, STARTS) == make_quarter(2014, 3, STARTS)


def test_words_that_are_no_quarter_are_quoted_to_forty_characters() -> None:
    with pytest.raises(CommandError) as refused:
        read_quarter("the quarter after the one before the last one", TODAY, STARTS)
    assert refused.value.line == (
        "I can't read “the quarter after the one before the las” as a quarter. Try ",
        Code("Q2 2014/15"), " (plan quarters: Q1 starts in April).")


def test_a_year_no_plan_could_report_on_is_refused() -> None:
    with pytest.raises(CommandError) as refused:
        read_quarter("Q1 1850", TODAY, STARTS)
    assert refused.value.line == ("1850 is not a year this plan could report on.",)


def test_words_that_are_no_plan_year_are_quoted_to_forty_characters() -> None:
    typed = "the year after the year before the one before"
    with pytest.raises(CommandError) as refused:
        read_year(typed, STARTS)
    assert refused.value.line == (
        f"I can't read “{typed[:40]}” as a plan year. Try ", Code("2015/16"),
        " (plan years start in April).")


def test_two_years_that_are_not_one_plan_year_are_answered_with_the_one_meant() -> None:
    with pytest.raises(CommandError) as refused:
        read_year("2015/17", STARTS)
    assert refused.value.line == ("2015/17 is not one plan year: try 2015/16.",)
    assert read_year("2015/2016", STARTS).start == 2015
