"""Services called directly, asserting on the values they return and record.

Written against mutants mutmut left alive in commands/progress.py and commands/rebaseline.py
(issue 11): the slash-command tests read the reply's words, which these changes kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select

from commands import Caller, Context
from commands.context import CommandError
from commands.listing import my_actions, overdue
from commands.page import Command
from commands.progress import StatusChanged, change_status, read_status, update_status
from commands.rebaseline import request_move
from storage.database import Database
from storage.models import AuditEntry, StatusChange
from storage.repository import PlanRepository
from tests.commands.conftest import committed

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
Run = Callable[[Callable[[Context], Any]], Any]


@pytest.fixture
def as_admin(sample_database: Database) -> Run:
    """Run a service as an admin in a unit of work of its own, committed."""
    return partial(committed, sample_database, now=NOW)


def test_an_annual_action_comes_round_until_the_plan_ends(
        sample_database: Database) -> None:
    """Each year's review, a year apart (done again within 30 days is a repeat, refused)."""
    years = [NOW, NOW + timedelta(days=365), NOW + timedelta(days=730)]

    def done(at: datetime, note: str) -> object:
        with sample_database.committed() as session:
            return update_status(Context(PlanRepository.for_team(session), at,
                                         Caller("UADMIN", True, None)), "1.13", "done", note)
    assert done(years[0], "first review") == StatusChanged(
        "1.13", "not-started", "complete", "first review", date(2016, 3, 31))
    assert done(years[1], "second review") == StatusChanged(  # due again on the plan's last day
        "1.13", "not-started", "complete", "second review", date(2017, 3, 31))
    assert done(years[2], "last review") == StatusChanged(
        "1.13", "not-started", "complete", "last review", None, last_year=True)
    with sample_database.committed() as session:
        changes = list(session.scalars(select(StatusChange).order_by(StatusChange.id)))
        rolled = [(c.by, c.to_status, c.note, c.at) for c in changes if c.by == "lscb"]
        moved = [e.at for e in session.scalars(select(AuditEntry).where(
            AuditEntry.verb == "action.due", AuditEntry.subject == "1.13"))]
    assert rolled == [("lscb", "not-started", "annual: next due 31 Mar 2016", years[0]),
                      ("lscb", "not-started", "annual: next due 31 Mar 2017", years[1])]
    assert moved == years[:2]


def test_a_move_keeps_the_plans_first_date_as_its_original(
        as_admin: Run) -> None:
    first = as_admin(lambda ctx: request_move(ctx, "2.5", date(2015, 6, 30), "supplier late"))
    again = as_admin(lambda ctx: request_move(ctx, "2.5", date(2015, 9, 30), "later still"))
    assert first.reason == "supplier late"
    planned = first.from_date
    assert (again.from_date, again.to_date, again.original, again.reason, again.status) == (
        date(2015, 6, 30), date(2015, 9, 30), planned, "later still", "approved")


@pytest.mark.parametrize(("new_date", "allowed"), [
    (date(2013, 3, 31), False), (date(2013, 4, 1), True),  # a year before the plan starts
    (date(2022, 3, 31), True), (date(2022, 4, 1), False),  # five years after it ends
])
def test_a_move_may_go_a_year_before_the_plan_and_five_after(
        as_admin: Run, new_date: date,
        allowed: bool) -> None:
    def move(ctx: Context) -> object:
        return request_move(ctx, "2.5", new_date, "replanned")
    if allowed:
        assert as_admin(move).to_date == new_date
    else:
        with pytest.raises(CommandError):
            as_admin(move)


def test_a_move_without_a_reason_is_refused_with_an_example_to_type(as_admin: Run) -> None:
    with pytest.raises(CommandError) as refused:
        as_admin(lambda ctx: request_move(ctx, "2.5", date(2015, 6, 30), "   "))
    assert Command("move 2.5 2015-06-30 survey supplier delayed") in refused.value.line


def test_an_action_without_a_fixed_date_cannot_be_moved(as_admin: Run) -> None:
    with pytest.raises(CommandError) as refused:
        as_admin(lambda ctx: request_move(ctx, "5.4", date(2015, 6, 30), "replanned"))
    assert refused.value.line[0].startswith("5.4 has no fixed date")


def test_my_actions_sorts_each_action_into_exactly_one_list(sample_database: Database) -> None:
    new_year = datetime(2015, 1, 1, 11, 0, tzinfo=UTC)  # 9.3 falls due 30 days on: "soon"
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("2.2"), "complete", "U2", "", NOW)
        ctx = Context(repo, new_year, Caller("U2", False, ("pmqa",)))
        mine = my_actions(ctx)
        refs = {name: [a.ref for a in getattr(mine, name)]
                for name in ("soon", "later", "ongoing", "complete")}
        late = [(i.action.ref, i.due) for i in mine.overdue]
    assert (mine.user_id, mine.owners, mine.today, mine.total) == (
        "U2", ["Performance Management and Quality Assurance Subgroup"], date(2015, 1, 1), 5)
    assert late == [("2.1", date(2014, 5, 31)), ("9.1", date(2014, 9, 30)),
                    ("9.2", date(2014, 9, 30))]
    assert refs == {"soon": ["9.3"], "later": [], "ongoing": [], "complete": ["2.2"]}


def test_overdue_for_one_owner_keeps_to_that_owner(sample_database: Database) -> None:
    with sample_database.committed() as session:
        ctx = Context(PlanRepository.for_team(session), NOW, Caller("UADMIN", True, None))
        found = overdue(ctx, "pmqa")
        everyone = overdue(ctx)
        groups = [(g.owner, [i.action.ref for i in g.items]) for g in found.groups]
    assert (found.scope, found.count, groups) == (
        "Performance Management and Quality Assurance Subgroup", 3,
        [("Performance Management and Quality Assurance Subgroup", ["2.1", "9.1", "9.2"])])
    assert everyone.scope is None and everyone.count > found.count


@pytest.mark.parametrize(("word", "status"), [
    ("On_Track", "on-track"), ("AMBER", "at-risk"), ("not-started", "not-started"),
    ("Off-Track", "off-track"), ("Done", "complete")])
def test_status_words_are_read_whatever_their_case_and_separators(word: str,
                                                                  status: str) -> None:
    assert read_status(word) == status


def test_a_status_change_keeps_its_evidence(as_admin: Run, sample_database: Database) -> None:
    as_admin(lambda ctx: change_status(ctx, ctx.repo.action("2.3"), "on-track", "",
                                       evidence="https://example.org/audit"))
    with sample_database.committed() as session:
        last = session.scalars(select(StatusChange).order_by(StatusChange.id.desc())).first()
        assert last is not None and last.evidence == "https://example.org/audit"


def test_completing_an_action_marks_done_only_the_milestones_already_due(
        as_admin: Run, sample_database: Database) -> None:
    """6.1's three reports fall due in July 2014, December 2014 and March 2015: completed on
    15 Oct 2014, the July one is done; the two still to come are not."""
    as_admin(lambda ctx: update_status(ctx, "6.1", "done", "reports published"))
    with sample_database.committed() as session:
        milestones = PlanRepository.for_team(session).action("6.1").milestones
        done = [(m.due_date, m.done) for m in milestones]
    assert done == [(date(2014, 7, 31), True), (date(2014, 12, 31), False),
                    (date(2015, 3, 31), False)]
