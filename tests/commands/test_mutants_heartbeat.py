"""The scheduler's pulse as /healthz and `lscb status` give it, judged from plain values:
the JSON answer whole, a young server still "starting" up to the very end of its grace,
and what `lscb status` counts for each plan.
Written against mutants mutmut left alive in commands/status.py (issue 11)."""

from __future__ import annotations

from datetime import date, timedelta

from commands.status import STALE, STARTING, judged, status
from storage.database import Database
from storage.models import CycleBeat, Delivery
from storage.repository import PlanRepository
from tests.commands.conftest import NOW

FIVE_MINUTES = 5  # a cycle every five minutes: stale after fifteen


def test_the_health_answer_says_when_it_was_checked_and_what_the_last_cycle_did() -> None:
    beat = CycleBeat(worker="host:42", started_at=NOW - timedelta(minutes=2),
                     finished_at=NOW - timedelta(minutes=1), outcome="finished")
    assert judged(beat, beat, NOW, FIVE_MINUTES).as_json() == {
        "status": "ok", "database": "ok", "checked_at": "2014-10-15T11:00:00+00:00",
        "stale_after_seconds": 900,
        "last_cycle": {"started_at": "2014-10-15T10:58:00+00:00",
                       "finished_at": "2014-10-15T10:59:00+00:00",
                       "outcome": "finished", "worker": "host:42"}}


def test_a_server_is_starting_until_its_grace_is_over_then_stale() -> None:
    at_the_end = judged(None, None, NOW, FIVE_MINUTES, up_since=NOW - timedelta(minutes=15))
    after_it = judged(None, None, NOW, FIVE_MINUTES,
                      up_since=NOW - timedelta(minutes=15, seconds=1))
    assert (at_the_end.state, after_it.state) == (STARTING, STALE)
    assert at_the_end.as_json()["last_cycle"] == {
        "started_at": None, "finished_at": None, "outcome": None, "worker": None}


def test_status_counts_each_plans_actions_owners_and_channels_and_names_the_unlinked(
        sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        pmqa = repo.resolve_owner("pmqa")
        repo.link_channel("CPMQA", pmqa, "UADMIN", NOW)
        repo.link_user("U1", repo.resolve_owner("chair"), "UADMIN", NOW)
        for day, state in ((1, "sent"), (2, "sent"), (3, "pending")):
            session.add(Delivery(plan_id=repo.plan.id, nudge_key="digest",
                                 occurrence=date(2014, 10, day), channel="CPMQA",
                                 send_at=NOW, status=state, text="Weekly overdue digest"))
    with sample_database.unit_of_work() as session:
        said = status(session, NOW, FIVE_MINUTES)
    assert (said.heartbeat.state, said.heartbeat.checked_at, said.deliveries) == (
        STALE, NOW, {"sent": 2, "pending": 1})
    [plan] = said.plans
    assert (plan.slug, plan.title, plan.actions, plan.owners, plan.channels, plan.teams) == (
        "cumbria-lscb-2014-2017", "Cumbria LSCB Business Plan 2014-2017", 44, 16, 1, [])
    assert len(plan.unlinked) == 15  # a channel is not a person: PMQA is still unlinked
    assert "Chair" not in plan.unlinked and pmqa.name in plan.unlinked
    assert plan.unlinked == sorted(plan.unlinked)
