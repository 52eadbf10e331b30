"""Working days, bank holidays and the clock changes, as pure functions."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from commands.calendar import (
    first_working_day_from,
    is_working_day,
    next_working_day_after,
    reporting_days,
    send_time,
)

LONDON = ZoneInfo("Europe/London")
BI_MONTHLY = "FREQ=YEARLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=1"
QUARTERLY = "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1"
PLAN_STARTS = date(2014, 4, 1)


@pytest.mark.parametrize(("day", "working"), [
    (date(2014, 8, 25), False),   # summer bank holiday
    (date(2015, 4, 3), False),    # Good Friday
    (date(2015, 4, 6), False),    # Easter Monday
    (date(2014, 12, 25), False),  # Christmas
    (date(2014, 12, 26), False),  # Boxing Day
    (date(2015, 1, 1), False),
    (date(2014, 10, 25), False),  # a Saturday
    (date(2014, 8, 26), True),
])
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_a_send_on_a_non_working_day_moves_to_the_next_working_day() -> None:
    assert first_working_day_from(date(2014, 8, 23)) == date(2014, 8, 26)
    assert next_working_day_after(date(2015, 4, 2)) == date(2015, 4, 7)
    assert next_working_day_after(date(2014, 12, 24)) == date(2014, 12, 29)


def test_nine_oclock_is_nine_oclock_in_london_across_the_clock_changes() -> None:
    before_autumn = send_time(date(2014, 10, 24), LONDON)
    after_autumn = send_time(date(2014, 10, 27), LONDON)
    after_spring = send_time(date(2015, 3, 30), LONDON)
    assert before_autumn.astimezone(UTC) == datetime(2014, 10, 24, 8, 0, tzinfo=UTC)
    assert after_autumn.astimezone(UTC) == datetime(2014, 10, 27, 9, 0, tzinfo=UTC)
    assert after_spring.astimezone(UTC) == datetime(2015, 3, 30, 8, 0, tzinfo=UTC)


def test_bi_monthly_and_quarterly_over_a_plan_year() -> None:
    year = (date(2014, 4, 1), date(2015, 3, 31))
    bi_monthly = [sent for _, sent in reporting_days(BI_MONTHLY, PLAN_STARTS, *year)]
    quarterly = [sent for _, sent in reporting_days(QUARTERLY, PLAN_STARTS, *year)]
    assert bi_monthly == [date(2014, 4, 1), date(2014, 6, 2), date(2014, 8, 1),
                          date(2014, 10, 1), date(2014, 12, 1), date(2015, 2, 2)]
    assert quarterly == [date(2014, 4, 1), date(2014, 7, 1), date(2014, 10, 1),
                         date(2015, 1, 2)]
