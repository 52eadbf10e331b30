"""Reading due dates as partnerships write them: each form, how it was read, and why not."""

from __future__ import annotations

from datetime import date

import pytest

from storage.duedates import Due, DueKind, month_end_of, plan_year_end, read_when
from storage.periods import PlanPeriod

THREE_YEARS = PlanPeriod(date(2014, 4, 1), date(2017, 3, 31))  # the sample's
ONE_YEAR = PlanPeriod(date(2015, 4, 1), date(2016, 3, 31))  # a SAB's strategic plan
CALENDAR = PlanPeriod(date(2015, 1, 1), date(2015, 12, 31))  # a plan that runs Jan-Dec
D = date.fromisoformat


def dated(wording: str, period: PlanPeriod = THREE_YEARS) -> Due:
    due = read_when(wording, period)
    assert due.kind is DueKind.DATE, (wording, due)
    return due


SEED_WORDINGS = [
    ("April 2014", Due(DueKind.DATE, D("2014-04-30"))),
    ("Sept 2014", Due(DueKind.DATE, D("2014-09-30"))),
    ("September\n\n2014", Due(DueKind.DATE, D("2014-09-30"))),
    ("Oct 2014", Due(DueKind.DATE, D("2014-10-31"))),
    ("Feb 2015", Due(DueKind.DATE, D("2015-02-28"))),
    ("March\n2015", Due(DueKind.DATE, D("2015-03-31"))),
    ("Annually", Due(DueKind.ANNUAL, D("2015-03-31"))),
    ("Annually from 2014", Due(DueKind.ANNUAL, D("2015-03-31"))),
    ("Annually\nfrom 2015", Due(DueKind.ANNUAL, D("2016-03-31"))),
    ("Ongoing – following a review", Due(DueKind.EVENT)),
    ("Ongoing –\nfollowing a\nreview", Due(DueKind.EVENT)),
    ("Following each Annual Report", Due(DueKind.EVENT)),
]


@pytest.mark.parametrize(("wording", "expected"), SEED_WORDINGS)
def test_the_sample_plans_wordings_keep_their_kind_and_date(wording: str,
                                                            expected: Due) -> None:
    due = read_when(wording, THREE_YEARS)
    assert (due.kind, due.date, due.warning) == (expected.kind, expected.date, "")


@pytest.mark.parametrize("wording", [
    "15/06/2015", "15.06.2015", "15-06-2015", "15/6/2015", "15/06/15", "15 June 2015",
    "15th June 2015", "15th of June 2015", "15 Jun 2015", "15-Jun-2015", "June 15th, 2015",
    "2015-06-15", "2015-06-15 00:00:00", "by 15/06/2015", "15\u00a0June\u00a02015",
    "15.6.15", "w/e 15/06/2015",
])
def test_a_uk_date_in_every_usual_form_is_that_day(wording: str) -> None:
    due = dated(wording)
    assert due.date == D("2015-06-15")
    assert due.read_as == "read as 15 Jun 2015"


@pytest.mark.parametrize(("wording", "expected", "qualifier"), [
    ("Policy signed off by May 2016", "2016-05-31", "Policy signed off"),
    ("end of June 2016", "2016-06-30", ""),
    ("By the end of June 2016.", "2016-06-30", ""),
    ("no later than Sept 2016", "2016-09-30", ""),
    ("Not later than Sept. 2016", "2016-09-30", ""),
    ("by April 2012", "2012-04-30", ""),
    ("Section 11 audit returns due by Mar-2016", "2016-03-31", "Section 11 audit returns"),
    ("Target date: November 2015", "2015-11-30", ""),
    ("Completed by\u200b July 2015", "2015-07-31", ""),
    ("Jul-15", "2015-07-31", ""),  # a spreadsheet's mmm-yy
    ("July '15", "2015-07-31", ""),
    ("End July 2015", "2015-07-31", ""),
    ("end-July 2015", "2015-07-31", ""),
])
def test_a_month_inside_a_sentence_is_due_at_its_end(wording: str, expected: str,
                                                     qualifier: str) -> None:
    due = dated(wording)
    assert (due.date, due.qualifier) == (D(expected), qualifier)
    assert due.read_as.startswith("read as the end of ")


def test_before_a_month_means_the_day_before_it_and_the_start_of_one_its_first_day() -> None:
    assert dated("before June 2016").date == D("2016-05-31")
    assert dated("before June 2016").read_as == "read as the day before June 2016: 31 May 2016"
    assert dated("by the start of June 2015").date == D("2015-06-01")
    assert dated("before the end of June 2016").date == D("2016-06-30")


@pytest.mark.parametrize(("wording", "expected"), [
    ("Oct/Nov 2015", "2015-11-30"),
    ("October–November 2015", "2015-11-30"),
    ("October - November 2015", "2015-11-30"),
    ("June/July 2012", "2012-07-31"),
    ("Oct to Nov 2015", "2015-11-30"),
    ("between June and August 2015", "2015-08-31"),
    ("Dec 2015 – Jan 2016", "2016-01-31"),
    ("December/January 2016", "2016-01-31"),
    ("from April 2015 to March 2016", "2016-03-31"),
    ("12/2015 – 03/2016", "2016-03-31"),
    ("May or June 2016", "2016-06-30"),
])
def test_a_range_is_due_at_the_end_of_the_later_month(wording: str, expected: str) -> None:
    assert dated(wording).date == D(expected)
    assert dated(wording).milestones == ()


@pytest.mark.parametrize(("wording", "expected", "read_as"), [
    ("Q2 2015/16", "2015-09-30", "read as the end of Q2 2015/16: 30 Sep 2015"),
    ("Quarter 4 2016-17", "2017-03-31", "read as the end of Q4 2016/17: 31 Mar 2017"),
    ("end of Q1 2016/17", "2016-06-30", "read as the end of Q1 2016/17: 30 Jun 2016"),
    ("Q3 15/16", "2015-12-31", "read as the end of Q3 2015/16: 31 Dec 2015"),
    ("2015/16 Q2", "2015-09-30", "read as the end of Q2 2015/16: 30 Sep 2015"),
    ("Q2 of 2015/2016", "2015-09-30", "read as the end of Q2 2015/16: 30 Sep 2015"),
    ("Q1-Q2 2015/16", "2015-09-30", "read as the end of Q1–Q2 2015/16: 30 Sep 2015"),
])
def test_a_quarter_is_the_plans_quarter(wording: str, expected: str, read_as: str) -> None:
    assert (dated(wording).date, dated(wording).read_as) == (D(expected), read_as)


def test_quarters_follow_the_plans_year_where_it_does_not_start_in_april() -> None:
    september = PlanPeriod(date(2015, 9, 1), date(2018, 8, 31))  # an academic-year plan
    assert dated("Q1 2015/16", september).date == D("2015-11-30")
    assert dated("2015/16", september).date == D("2016-08-31")
    assert dated("Q3 2015", CALENDAR).date == D("2015-09-30")
    assert dated("Q3 2015/16", CALENDAR).date == D("2015-12-31")  # the UK financial year's


@pytest.mark.parametrize("wording", ["2015/16", "FY 2015-16", "FY2015/16", "FY15/16",
                                     "2015–16", "2015/2016", "across financial year 2015/16",
                                     "Financial Year 2015-16", "during 2015/16"])
def test_a_financial_year_is_due_at_its_end(wording: str) -> None:
    assert dated(wording).date == D("2016-03-31")
    assert dated(wording).read_as == "read as the end of 2015/16: 31 Mar 2016"


def test_the_domain_notes_financial_year_reads_even_before_the_plan_with_a_warning() -> None:
    due = dated("across financial year 2012/13")
    assert due.date == D("2013-03-31")
    assert "more than a year before the plan starts" in due.warning


@pytest.mark.parametrize(("wording", "period", "expected"), [
    ("by the end of the financial year", ONE_YEAR, "2016-03-31"),
    ("By end of financial year", ONE_YEAR, "2016-03-31"),
    ("end of the financial year", CALENDAR, "2015-03-31"),
    ("Q3", ONE_YEAR, "2015-12-31"),
    ("by year 2", THREE_YEARS, "2016-03-31"),
    ("End of Year Three", THREE_YEARS, "2017-03-31"),
    ("Year 1", ONE_YEAR, "2016-03-31"),
    ("by the end of the plan", THREE_YEARS, "2017-03-31"),
])
def test_wording_relative_to_the_plan_reads_where_it_is_unambiguous(
        wording: str, period: PlanPeriod, expected: str) -> None:
    assert dated(wording, period).date == D(expected)


@pytest.mark.parametrize(("wording", "period", "why"), [
    ("by the end of the financial year", THREE_YEARS, "which one? This plan runs 3 years"),
    ("Q3", THREE_YEARS, "“Q3” has no year, and this plan runs 3 years"),
    ("Q3 2015", THREE_YEARS, "could be the plan's Q3 2015/16 (Oct–Dec 2015) or the calendar's"),
    ("by year 2", ONE_YEAR, "this plan runs 1 year"),
    ("year 4", THREE_YEARS, "this plan runs 3 years"),
    ("by the end of the year", ONE_YEAR, "the calendar year or the financial year?"),
    ("2011-12", THREE_YEARS, "could be December 2011 or the year 2011/12"),
])
def test_ambiguous_relative_wording_is_unread_with_a_warning_that_says_why(
        wording: str, period: PlanPeriod, why: str) -> None:
    due = read_when(wording, period)
    assert (due.kind, due.date) == (DueKind.UNPARSED, None)
    assert why in due.warning


@pytest.mark.parametrize(("wording", "expected", "qualifier"), [
    ("December 2015 (subject to funding)", "2015-12-31", "subject to funding"),
    ("June 2016 as agreed with partners", "2016-06-30", "as agreed with partners"),
    ("September 2014 (website permitting)", "2014-09-30", "website permitting"),
    ("By 31st March 2016 (subject to Board approval)", "2016-03-31",
     "subject to Board approval"),
    ("Q4 2015/16 – provisional", "2016-03-31", "provisional"),
    ("December 2015 (may slip)", "2015-12-31", "may slip"),
])
def test_a_qualifier_is_kept_beside_the_date(wording: str, expected: str,
                                             qualifier: str) -> None:
    due = dated(wording)
    assert (due.date, due.qualifier) == (D(expected), qualifier)


def test_two_dates_in_a_cell_are_a_milestone_and_the_due_date() -> None:
    due = dated("September 2015; review by March 2016")
    assert due.date == D("2016-03-31")
    assert [(m.label, m.when, m.date) for m in due.milestones] == [
        ("September 2015", "September 2015", D("2015-09-30"))]
    assert due.qualifier == "review"
    assert "1 milestone from the same cell: “September 2015”: 30 Sep 2015" in due.read_as


def test_three_dates_in_a_cell_make_two_milestones_in_date_order() -> None:
    due = dated("Final report March 2015, first draft by July 2014 and consultation Dec 2014")
    assert (due.date, due.qualifier) == (D("2015-03-31"), "Final report")
    assert [(m.label, m.date) for m in due.milestones] == [
        ("first draft by July 2014", D("2014-07-31")), ("consultation Dec 2014", D("2014-12-31"))]


def test_the_same_date_written_twice_is_one_date() -> None:
    due = dated("Year 2 (2015/16)")
    assert (due.date, due.milestones) == (D("2016-03-31"), ())


def test_an_event_wording_with_a_date_in_it_says_the_date_is_not_followed() -> None:
    due = read_when("Ongoing until March 2016", THREE_YEARS)
    assert due.kind is DueKind.EVENT
    assert "“March 2016” in it is not taken as a due date" in due.warning


def test_a_recurrence_beside_a_date_is_kept_and_said_to_be_not_followed() -> None:
    due = dated("By March 2016 and then annually")
    assert (due.date, due.qualifier) == (D("2016-03-31"), "and then annually")
    assert due.warning == "“annually” is kept but not followed: the action is due once, on " \
                          "31 Mar 2016"


def test_a_date_years_from_the_plan_is_read_but_called_out() -> None:
    assert "more than five years after the plan ends" in dated("May 2041").warning
    assert dated("May 2016").warning == ""


def test_a_leap_february_ends_on_the_29th() -> None:
    assert month_end_of("Feb 2016") == D("2016-02-29")
    assert dated("29/02/2016").date == D("2016-02-29")


def test_month_end_of_reads_a_whole_month_only() -> None:
    assert month_end_of("Mar-2015") == D("2015-03-31")
    assert month_end_of("15 March 2015") is None
    assert month_end_of("Q4 2014/15") is None
    assert month_end_of("by March 2015") is None


def test_annual_actions_follow_the_plan_year_not_the_calendar_year() -> None:
    assert read_when("Annually from 2015", THREE_YEARS).date == D("2016-03-31")
    assert plan_year_end(date(2014, 1, 1), 2014) == D("2014-12-31")
    assert plan_year_end(date(2016, 2, 29), 2017) == D("2018-02-27")  # no crash on a leap day
    assert read_when("Annually", THREE_YEARS).read_as == (
        "read as yearly, first at the end of the plan year 2014/15: 31 Mar 2015")
