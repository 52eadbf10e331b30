"""The quarter as it stood, at its edges: a milestone due on the period's last day is not
yet missed, an action whose wording is event-driven is never overdue by a date it still
carries, and a period starts on its first day (what was said or returned before it
belongs to the period before). Written against the three mutants of commands/snapshot.py
left alive after run F (issue 11)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from commands import Context
from commands.progress import update_status
from commands.quarterly import give_return
from commands.quarters import make_quarter
from commands.snapshot import Period, exceptions, overdue_days, period
from storage.as_at_rows import ActionAsAt, MilestoneAsAt
from storage.database import Database
from storage.duedates import DueKind
from tests.commands.conftest import committed, context
from tests.commands.rows import action_row

END = date(2014, 9, 30)
ASKED = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)


def _period(*actions: ActionAsAt) -> Period:
    return Period(date(2014, 7, 1), END, ASKED, None, list(actions), [])  # type: ignore[arg-type]


def test_a_milestone_due_on_the_periods_last_day_is_not_yet_missed() -> None:
    action = ActionAsAt(action_row("3.1", number=4), 3, "Audit", "", (
        MilestoneAsAt("draft", "29 September 2014", date(2014, 9, 29), False),
        MilestoneAsAt("final", "30 September 2014", END, False)))
    [missed] = exceptions(_period(action))
    assert (missed.milestone, missed.due, missed.overdue_days) == ("draft", date(2014, 9, 29), 1)


def test_an_event_driven_action_is_never_overdue_by_a_date_it_carries() -> None:
    """PlanAsAt gives a row the due date it had at the moment (from the audit of its moves)
    but the kind it has now: an action moved after the quarter and later reworded
    "Ongoing" comes back as an event with a date."""
    dated = action_row("2.5", "May 2014", date(2014, 5, 31), number=9)
    reworded = replace(dated, when_text="Ongoing", due_kind=DueKind.EVENT.value)
    assert overdue_days(ActionAsAt(dated, 2, "S11", ""), END) == 122
    assert overdue_days(ActionAsAt(reworded, 2, "S11", ""), END) == 0
    assert exceptions(_period(ActionAsAt(reworded, 2, "S11", ""))) == []


def _return(ctx: Context, owner: str, quarter_number: int, ref: str, status: str) -> None:
    found = next(o for o in ctx.repo.owners() if o.name == owner)
    give_return(ctx, found.id, make_quarter(2014, quarter_number, ctx.repo.plan.starts),
                {ref: (status, f"{ref} for Q{quarter_number}")})


def test_a_period_starts_on_its_first_day(sample_database: Database) -> None:
    cdop = "Child Death Overview Panel"
    committed(sample_database, lambda ctx: update_status(ctx, "2.5", "at-risk", "late June"),
              now=datetime(2014, 6, 30, 22, 30, tzinfo=UTC))  # 23:30 on 30 June in London
    committed(sample_database, lambda ctx: _return(ctx, cdop, 1, "6.1", "off-track"),
              now=datetime(2014, 6, 30, 10, 0, tzinfo=UTC))
    committed(sample_database, lambda ctx: _return(ctx, cdop, 2, "6.2", "at-risk"),
              now=datetime(2014, 10, 6, 10, 0, tzinfo=UTC))
    with sample_database.unit_of_work() as session:
        ctx = context(session, ASKED)
        found = period(ctx, date(2014, 7, 1), END)
        refs = {a.row.id: a.row.ref for a in found.actions}
        assert (found.first, found.as_of) == (date(2014, 7, 1), END)
        assert found.start == datetime(2014, 7, 1, 0, 0, tzinfo=ctx.tz)
        assert [refs[u.action_id] for u in found.updates] == []
        assert sorted(refs[i] for i in found.updated) == ["6.2"]
        statuses = {a.row.ref: a.row.status for a in found.actions}
        assert (statuses["6.1"], statuses["6.2"]) == ("off-track", "at-risk")
