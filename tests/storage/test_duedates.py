from datetime import date

import pytest

from storage.duedates import Due, DueKind, month_end_of, parse_when, plan_year_end

PLAN_STARTS = date(2014, 4, 1)

SEED_WORDINGS = [
    ("April 2014", Due(DueKind.DATE, date(2014, 4, 30))),
    ("May 2014", Due(DueKind.DATE, date(2014, 5, 31))),
    ("June 2014", Due(DueKind.DATE, date(2014, 6, 30))),
    ("July 2014", Due(DueKind.DATE, date(2014, 7, 31))),
    ("Sept 2014", Due(DueKind.DATE, date(2014, 9, 30))),
    ("September 2014", Due(DueKind.DATE, date(2014, 9, 30))),
    ("September\n\n2014", Due(DueKind.DATE, date(2014, 9, 30))),
    ("Oct 2014", Due(DueKind.DATE, date(2014, 10, 31))),
    ("October 2014", Due(DueKind.DATE, date(2014, 10, 31))),
    ("December 2014", Due(DueKind.DATE, date(2014, 12, 31))),
    ("January 2015", Due(DueKind.DATE, date(2015, 1, 31))),
    ("Feb 2015", Due(DueKind.DATE, date(2015, 2, 28))),
    ("March\n2015", Due(DueKind.DATE, date(2015, 3, 31))),
    ("May 2015", Due(DueKind.DATE, date(2015, 5, 31))),
    ("Annually", Due(DueKind.ANNUAL, date(2015, 3, 31))),
    ("Annually from 2014", Due(DueKind.ANNUAL, date(2015, 3, 31))),
    ("Annually\nfrom 2014", Due(DueKind.ANNUAL, date(2015, 3, 31))),
    ("Ongoing – following a review", Due(DueKind.EVENT)),
    ("Ongoing –\nfollowing a\nreview", Due(DueKind.EVENT)),
    ("Following each Annual Report", Due(DueKind.EVENT)),
]


@pytest.mark.parametrize(("wording", "expected"), SEED_WORDINGS)
def test_every_seed_wording_derives_its_due_date(wording: str, expected: Due) -> None:
    assert parse_when(wording, PLAN_STARTS) == expected


@pytest.mark.parametrize("wording", ["May", "2014", "Summer 2014", "Janvier 2014", "", "soon",
                                     "31/05/2014", "Mayday 2014"])
def test_wording_that_cannot_be_read_is_never_guessed(wording: str) -> None:
    assert parse_when(wording, PLAN_STARTS) == Due(DueKind.UNPARSED)


def test_a_leap_february_ends_on_the_29th() -> None:
    assert month_end_of("Feb 2016") == date(2016, 2, 29)


def test_annual_actions_follow_the_plan_year_not_the_calendar_year() -> None:
    assert parse_when("Annually from 2015", PLAN_STARTS).date == date(2016, 3, 31)
    assert plan_year_end(date(2014, 1, 1), 2014) == date(2014, 12, 31)
