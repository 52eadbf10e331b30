"""The quarter's report as it stood: who said what about an action and on which day (in
the plan's zone, not the server's), an action back on track carrying what was last said,
and a missed milestone carrying the owner's return. Written against mutants mutmut left
alive in commands/snapshot.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from commands import Context
from commands.progress import update_status
from commands.quarterly import give_return
from commands.quarters import make_quarter
from commands.report import build_report
from commands.snapshot import Commentary, Item, Period, item_of
from storage.as_at_rows import ActionAsAt
from storage.database import Database
from tests.commands.conftest import committed, context
from tests.commands.rows import action_row

LATE_EVENING = datetime(2014, 8, 5, 23, 30, tzinfo=UTC)  # 00:30 on 6 August in London
BACK = datetime(2014, 8, 20, 10, 0, tzinfo=UTC)
RETURNED = datetime(2014, 10, 6, 10, 0, tzinfo=UTC)
ASKED = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)


def test_the_quarter_says_who_said_what_on_which_local_day(sample_database: Database) -> None:
    committed(sample_database, lambda ctx: update_status(ctx, "2.5", "at-risk", "supplier late"),
              now=LATE_EVENING)
    committed(sample_database, lambda ctx: update_status(ctx, "2.5", "on-track", ""), now=BACK)

    def cdop_return(ctx: Context) -> None:
        owner = next(o for o in ctx.repo.owners() if o.name == "Child Death Overview Panel")
        give_return(ctx, owner.id, make_quarter(2014, 2, ctx.repo.plan.starts),
                    {"6.1": ("at-risk", "2011 report slipped to October")})
    committed(sample_database, cdop_return, now=RETURNED)
    with sample_database.unit_of_work() as session:
        ctx = context(session, ASKED)
        report = build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts))
    [back] = [item for item in report.highlights if item.ref == "2.5"]
    assert (back.why, back.overdue_days, back.commentary) == (
        "🟢 back on track on 20 Aug 2014", 0,
        Commentary("supplier late", date(2014, 8, 6), "UADMIN", "at-risk"))
    assert "6.1" not in [a.row.ref for a in report.silent]  # its owners' return speaks for it
    [milestone] = [item for item in report.exceptions if item.milestone]
    assert (milestone.ref, milestone.overdue_days, milestone.commentary) == (
        "6.1", 61, Commentary("2011 report slipped to October", date(2014, 10, 6), "UADMIN",
                              "at-risk"))


def test_a_finished_actions_missed_milestones_are_not_exceptions(
        sample_database: Database) -> None:
    committed(sample_database, lambda ctx: update_status(ctx, "6.1", "complete", "all three"),
              now=BACK)
    with sample_database.unit_of_work() as session:
        ctx = context(session, ASKED)
        report = build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts))
    assert [item.ref for item in report.exceptions if item.ref == "6.1"] == []


def test_an_action_as_a_report_line_says_its_status_and_lateness_unless_told_why() -> None:
    said = Commentary("chasing two agencies", date(2014, 9, 2), "U1", "on-track")
    late = ActionAsAt(action_row("2.3", "May 2014", date(2014, 5, 31), number=7), 2, "S11", "")
    undated = ActionAsAt(action_row("2.4", number=8, status="at-risk"), 2, "S11", "")
    found = Period(date(2014, 7, 1), date(2014, 9, 30), ASKED, None,  # type: ignore[arg-type]
                   [late, undated], [], commentary={7: said})
    assert item_of(late, found) == Item(late, "🟢 on track · 4 months overdue", "May 2014",
                                        date(2014, 5, 31), 122, said)
    assert item_of(late, found, "✅ completed on 2 Sep 2014").why == "✅ completed on 2 Sep 2014"
    assert item_of(undated, found) == Item(undated, "🟠 at risk", "by spring", None, 0, None)
