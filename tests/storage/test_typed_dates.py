"""Dates typed in commands read as the plan's cells do: `/lscb due` windows, `/lscb move`."""

from __future__ import annotations

from datetime import date

import pytest

from storage.periods import PlanPeriod
from storage.typed_dates import leading_date, read_date, read_window

PLAN = PlanPeriod(date(2014, 4, 1), date(2017, 3, 31))
TODAY = date(2014, 10, 15)
D = date.fromisoformat


@pytest.mark.parametrize(("text", "first", "last"), [
    ("14 days", "2014-10-15", "2014-10-29"),
    ("next 10 days", "2014-10-15", "2014-10-25"),
    ("6 weeks", "2014-10-15", "2014-11-26"),
    ("14", "2014-10-15", "2014-10-29"),
    ("3650 days", "2014-10-15", "2024-10-12"),
    ("2015", "2015-01-01", "2015-12-31"),
    ("2015-03", "2015-03-01", "2015-03-31"),
    ("March 2015", "2015-03-01", "2015-03-31"),
    ("Mar-2015", "2015-03-01", "2015-03-31"),
    ("mar 2015", "2015-03-01", "2015-03-31"),
    ("next month", "2014-11-01", "2014-11-30"),
    ("this month", "2014-10-01", "2014-10-31"),
    ("last month", "2014-09-01", "2014-09-30"),
    ("this quarter", "2014-10-01", "2014-12-31"),
    ("next quarter", "2015-01-01", "2015-03-31"),
    ("Q2 2015/16", "2015-07-01", "2015-09-30"),
    ("Q2 2015", "2015-07-01", "2015-09-30"),  # the plan year from 2015, as /lscb report reads
    ("Q4", "2015-01-01", "2015-03-31"),  # this plan year's
    ("2015/16", "2015-04-01", "2016-03-31"),
    ("FY 2015-16", "2015-04-01", "2016-03-31"),
    ("15/06/2015", "2015-06-15", "2015-06-15"),
    ("Oct/Nov 2015", "2015-10-01", "2015-11-30"),
])
def test_a_window_is_the_days_it_names(text: str, first: str, last: str) -> None:
    assert read_window(text, TODAY, PLAN) == (D(first), D(last))


def test_next_month_from_january_31st_is_february() -> None:
    assert read_window("next month", date(2015, 1, 31), PLAN) == (D("2015-02-01"),
                                                                  D("2015-02-28"))


@pytest.mark.parametrize("text", ["", "soonish", "May", "14 fortnights", "1899", "10000",
                                  "2011-12", "Q4 2999/00", "by May 2015", "May 2015 please",
                                  "Q5", "15/06/20155"])
def test_what_is_not_a_window_is_none(text: str) -> None:
    assert read_window(text, TODAY, PLAN) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("September 2015", "2015-09-30"), ("Sept 2015", "2015-09-30"), ("15/06/2015", "2015-06-15"),
    ("2015-06-15", "2015-06-15"), ("15th June 2015", "2015-06-15"), ("Mar-2015", "2015-03-31"),
    ("Q2 2015/16", "2015-09-30"), ("2015/16", "2016-03-31"), ("by September 2015", "2015-09-30"),
    ("end of June 2016", "2016-06-30"),
])
def test_a_new_date_reads_as_the_plan_reads_it(text: str, expected: str) -> None:
    assert read_date(text, PLAN) == D(expected)


@pytest.mark.parametrize("text", ["September", "September 2015 late", "Annually", "Q3",
                                  "Ongoing", "31/02/2015", "before June 2015",
                                  "Sept 2015; review March 2016", "the 15th of June, 2015"])
def test_anything_but_one_plain_date_is_not_a_new_date(text: str) -> None:
    assert read_date(text, PLAN) is None


@pytest.mark.parametrize(("text", "expected", "rest"), [
    ("September 2015 survey supplier delayed", "2015-09-30", "survey supplier delayed"),
    ("15 June 2015 the  board  asked", "2015-06-15", "the  board  asked"),
    ("2015-06-30 late", "2015-06-30", "late"),
    ("Q2 2015/16 new supplier", "2015-09-30", "new supplier"),
    ("May 2015 2016 budget cut", "2015-05-31", "2016 budget cut"),
    ("Mar-2015", "2015-03-31", ""),
])
def test_the_date_at_the_start_of_a_move_and_its_reason(text: str, expected: str,
                                                        rest: str) -> None:
    assert leading_date(text, PLAN) == (D(expected), rest)


def test_no_date_at_the_start_is_none() -> None:
    assert leading_date("soon, the supplier says", PLAN) is None
    assert leading_date("", PLAN) is None
