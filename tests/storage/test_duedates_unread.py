"""Near misses stay unread, say why, and nothing the reader is given makes it raise."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.duedates import DueKind, read_when
from storage.periods import PlanPeriod

THREE_YEARS = PlanPeriod(date(2014, 4, 1), date(2017, 3, 31))
ONE_YEAR = PlanPeriod(date(2015, 4, 1), date(2016, 3, 31))


@pytest.mark.parametrize(("wording", "why"), [
    ("May", "“May” has no year"),
    ("by May", "“May” has no year"),
    ("Sept/Oct", "“Sept” has no year"),
    ("Q3", "has no year, and this plan runs 3 years"),
    ("2015/16/17", "spans more than one year"),
    ("2015/17", "is not one year"),
    ("2015-2017", "is not one year"),
    ("31/02/2015", "“31/02/2015” is not a real date (read day first: day 31 of month 2)"),
    ("13/13/2015", "is not a real date"),
    ("06/15/2015", "is not a real date (read day first: day 6 of month 15)"),
    ("2015-02-30", "is not a real date (read as year-month-day)"),
    ("31 Sept 2015", "is not a real date"),
    ("13/2015", "there is no month 13"),
    ("Week 12", "no date, month, quarter or year"),
    ("TBC", "no date, month, quarter or year"),
    ("ASAP", "no date, month, quarter or year"),
    ("tbc", "no date, month, quarter or year"),
    ("May 20155", "“May” has no year"),
    ("15/06/20155", "no date, month, quarter or year"),
    ("01228 606060", "no date, month, quarter or year"),
    ("Tel 01228 226 2015", "“2015” alone is a year"),
    ("Section 11", "no date, month, quarter or year"),
    ("CP 2015 review", "“2015” alone is a year"),
    ("2014", "“2014” alone is a year"),
    ("Summer 2014", "“Summer” is a season"),
    ("Autumn term 2015", "“Autumn” is a season"),
    ("Janvier 2014", "“2014” alone is a year"),
    ("Mayday 2014", "“2014” alone is a year"),
    ("from April 2015", "“April 2015” says when it starts, not when it is due"),
    ("w/c 15 June 2015", "says when it starts"),
    ("May 2016 or 2017", "it says “2017” besides “May 2016”"),
    ("2011 data by July 2014", "it says “2011” besides “July 2014”"),
    ("June 2015, then in May", "it says “May” besides “June 2015”"),
    ("v1.2.15", "no date, month, quarter or year"),
    ("10.10.10.10", "no date, month, quarter or year"),
    ("April 2015 onwards", "“April 2015” says when it starts"),
    ("Mar 16", "“Mar” has no year"),
    ("15-Dec", "“Dec” has no year"),
    ("v2.0 2015", "“2015” alone is a year"),
    ("Q5 2015", "“2015” alone is a year"),
    ("May 1899", "“May” has no year"),
    ("Annually from 2999", "2999 is not a year a plan could hold"),
    ("before January 1900", "falls outside the years 1900 to 2999"),
    ("", "no date, month, quarter or year"),
])
def test_a_near_miss_is_kept_unread_and_says_why(wording: str, why: str) -> None:
    due = read_when(wording, THREE_YEARS)
    assert (due.kind, due.date, due.milestones) == (DueKind.UNPARSED, None, ())
    assert why in due.warning


def test_may_alone_is_unread_even_in_a_one_year_plan() -> None:
    assert read_when("May", ONE_YEAR).kind is DueKind.UNPARSED


def test_a_wording_is_never_completed_with_the_plans_or_todays_year() -> None:
    for wording in ("30 June", "June 30th", "end of June", "Q2", "30/06"):
        assert read_when(wording, THREE_YEARS).date is None, wording


_DATEISH = st.sampled_from(["May", "Sept", "2015", "2999", "1900", "1899", "3000", "/", "-",
                            "–", "Q", "Q4", "FY", "15/16", "31", "12", "by", "before", "from",
                            "end of", "year", "2", "(", ")", ";", ",", " and ", " ", "th",
                            "financial year", "the plan", "Annually", "Ongoing", "0", "99"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATEISH, max_size=12).map("".join),
       st.dates(date(1900, 1, 1), date(2990, 12, 31)), st.integers(0, 12))
def test_the_reader_never_raises_nor_dates_outside_1900_to_2999(
        wording: str, starts: date, years: int) -> None:
    period = PlanPeriod(starts, date(starts.year + years, starts.month, 1))
    due = read_when(wording, period)
    for day in [due.date, *(m.date for m in due.milestones)]:
        assert day is None or 1900 <= day.year <= 2999
    assert (due.date is None) == (due.kind in (DueKind.EVENT, DueKind.UNPARSED))
    assert due.kind is not DueKind.UNPARSED or due.warning


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_the_reader_survives_any_text(wording: str) -> None:
    due = read_when(wording, THREE_YEARS)
    assert due.date is None or 1900 <= due.date.year <= 2999
