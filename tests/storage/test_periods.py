"""The plan's calendar: plan years, quarters and "2015/16" years, for any start month."""

from __future__ import annotations

from datetime import date

import pytest

from storage.periods import (
    PlanPeriod,
    make_quarter,
    plan_year_end,
    plan_years,
    quarter_of,
    split_year_starts,
)

APRIL = date(2014, 4, 1)


@pytest.mark.parametrize(("day", "label"), [
    (date(2014, 4, 1), "Q1 2014/15 (Apr–Jun 2014)"),
    (date(2014, 10, 15), "Q3 2014/15 (Oct–Dec 2014)"),
    (date(2015, 3, 31), "Q4 2014/15 (Jan–Mar 2015)"),
    (date(2015, 4, 1), "Q1 2015/16 (Apr–Jun 2015)"),
    (date(2013, 12, 1), "Q3 2013/14 (Oct–Dec 2013)"),  # before the plan began
])
def test_the_quarter_a_day_falls_in(day: date, label: str) -> None:
    assert quarter_of(day, APRIL).label == label


def test_quarters_of_a_plan_that_starts_in_september() -> None:
    september = date(2015, 9, 1)
    assert (make_quarter(2015, 1, september).first, make_quarter(2015, 1, september).last) == (
        date(2015, 9, 1), date(2015, 11, 30))
    assert make_quarter(2015, 4, september).last == date(2016, 8, 31)
    assert quarter_of(date(2016, 1, 10), september).previous(september).number == 1


def test_a_plan_counts_the_years_it_runs() -> None:
    assert plan_years(PlanPeriod(APRIL, date(2017, 3, 31))) == [2014, 2015, 2016]
    assert plan_years(PlanPeriod(date(2015, 4, 1), date(2016, 3, 31))) == [2015]
    assert plan_years(PlanPeriod(date(2015, 4, 1), date(2016, 9, 30))) == [2015, 2016]


def test_a_split_year_is_the_plans_year_or_for_a_calendar_plan_the_financial_year() -> None:
    assert split_year_starts(PlanPeriod(APRIL, date(2017, 3, 31)), 2015) == date(2015, 4, 1)
    assert split_year_starts(PlanPeriod(date(2015, 9, 1), date(2016, 8, 31)), 2015) == date(
        2015, 9, 1)
    assert split_year_starts(PlanPeriod(date(2015, 1, 1), date(2015, 12, 31)), 2015) == date(
        2015, 4, 1)


def test_the_plan_year_ends_the_day_before_it_starts_again() -> None:
    assert plan_year_end(APRIL, 2014) == date(2015, 3, 31)
    assert plan_year_end(date(2014, 4, 15), 2016) == date(2017, 4, 14)
