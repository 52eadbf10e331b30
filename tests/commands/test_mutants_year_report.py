"""The yearly report on an annual action left undone: still on track by its status, but a
year past the date it fell due, so it made little progress, and says how late it is.
Written against mutants mutmut left alive in commands/year_report.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from commands.progress import update_status
from commands.year_report import LITTLE, build_year_report, read_year
from storage.database import Database
from tests.commands.conftest import committed, context

APRIL = date(2014, 4, 1)


def test_an_annual_action_a_year_overdue_made_little_progress(
        sample_database: Database) -> None:
    committed(sample_database, lambda ctx: update_status(ctx, "1.13", "on-track",
                                                         "first review booked"),
              now=datetime(2014, 5, 1, 9, tzinfo=UTC))
    with sample_database.unit_of_work() as session:
        ctx = context(session, datetime(2016, 4, 10, 9, tzinfo=UTC))
        year = build_year_report(ctx, read_year("2015/16", APRIL))
    lines = {item.ref: item for theme in year.themes for progress, item in theme.items
             if progress == LITTLE}
    assert lines["1.13"].due == date(2015, 3, 31)
    assert lines["1.13"].why == "🟢 on track · 12 months overdue"
