"""The ledger's guarantees, on SQLite and PostgreSQL: record once, claim once, settle once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage import pacing
from storage.database import Database
from storage.failures import Failures
from storage.ledger import Ledger, Nudge
from storage.models import Base
from storage.models.delivery import FAILED, MISSED, PENDING, SENDING, SENT, UNKNOWN, UNROUTED
from storage.repository import PlanRepository

NOW = datetime(2014, 6, 2, 11, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


def nudge(key: str, channel: str = "C1", send_at: datetime = NOW) -> Nudge:
    return Nudge(key=key, occurrence=date(2014, 6, 1), channel=channel, send_at=send_at,
                 audience="Case Review Subgroup", render=lambda: (f"nudge {key}", []))


def test_recording_twice_adds_nothing_and_sorts_by_status(sample_database: Database) -> None:
    owed = [nudge("a"), nudge("b", channel=""), nudge("c", send_at=NOW - timedelta(days=30))]
    with sample_database.committed() as session:
        first = Ledger(session).record(1, owed, missed_before=NOW - timedelta(days=7))
    with sample_database.committed() as session:
        assert Ledger(session).record(1, owed, missed_before=NOW - timedelta(days=7)) == []
        statuses = [d.status for d in Ledger(session).rows(first)]
    assert sorted(statuses) == sorted([PENDING, UNROUTED, MISSED])


def test_a_row_is_claimed_once_until_its_lease_runs_out(sample_database: Database) -> None:
    with sample_database.committed() as session:
        [row_id] = Ledger(session).record(1, [nudge("a")], NOW - timedelta(days=7))
    with sample_database.committed() as session:
        assert Ledger(session).claimable(NOW, LEASE, until=NOW) == [row_id]
        claimed = Ledger(session).claim(row_id, "w1", NOW, LEASE)
        assert claimed is not None and claimed.status == SENDING and claimed.attempts == 1
    with sample_database.committed() as session:
        assert Ledger(session).claim(row_id, "w2", NOW + timedelta(minutes=1), LEASE) is None
        later = NOW + timedelta(minutes=6)
        again = Ledger(session).claim(row_id, "w2", later, LEASE)
        assert again is not None and again.claimed_by == "w2" and again.attempts == 2


def test_only_the_claimant_settles_a_row(sample_database: Database) -> None:
    with sample_database.committed() as session:
        [row_id] = Ledger(session).record(1, [nudge("a")], NOW - timedelta(days=7))
        Ledger(session).claim(row_id, "w1", NOW, LEASE)
    with sample_database.committed() as session:
        Ledger(session).settle(row_id, "w2", SENT, message_ts="1.1", at=NOW)
        assert Ledger(session).rows([row_id])[0].status == SENDING
        Ledger(session).settle(row_id, "w1", SENT, message_ts="1.2", at=NOW)
    with sample_database.committed() as session:
        row = Ledger(session).rows([row_id])[0]
        assert (row.status, row.message_ts, row.sent_at) == (SENT, "1.2", NOW)
        assert Ledger(session).claimable(NOW + timedelta(days=1), LEASE, until=NOW) == []


def test_a_claim_remembers_the_first_try_and_a_takeover_does_not_know_the_outcome(
        sample_database: Database) -> None:
    with sample_database.committed() as session:
        [row_id] = Ledger(session).record(1, [nudge("a")], NOW - timedelta(days=7))
        first = Ledger(session).claim(row_id, "w1", NOW, LEASE)
        assert first is not None and (first.tried_at, first.cause) == (NOW, "")
    later = NOW + timedelta(minutes=10)
    with sample_database.committed() as session:
        taken = Ledger(session).claim(row_id, "w2", later, LEASE)  # w1 died mid-send
        assert taken is not None
        assert (taken.tried_at, taken.tried_until, taken.cause) == (NOW, None, UNKNOWN)
        Ledger(session).settle(row_id, "w2", PENDING, error="lost", cause=UNKNOWN, at=later)
    with sample_database.committed() as session:
        again = Ledger(session).claim(row_id, "w3", later + LEASE, LEASE)
        assert again is not None
        assert (again.tried_at, again.tried_until, again.cause) == (NOW, later, UNKNOWN)


def failed_row(database: Database, key: str, channel: str, cause: str,
               send_at: datetime = NOW) -> int:
    with database.committed() as session:
        [row_id] = Ledger(session).record(1, [nudge(key, channel, send_at)],
                                          send_at - timedelta(days=7))
        Ledger(session).claim(row_id, "w1", NOW, LEASE)
        Ledger(session).settle(row_id, "w1", FAILED, error=cause, cause=cause, at=NOW)
    return row_id


def test_failures_are_reported_once_and_a_fixed_channel_gets_them_back(
        sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_channel("CPRIV", repo.resolve_owner("pmqa"), "test", NOW)
    kept = failed_row(sample_database, "a", "CPRIV", "channel_not_found")
    old = failed_row(sample_database, "b", "CPRIV", "channel_not_found", NOW - timedelta(days=9))
    failed_row(sample_database, "c", "CGONE", "is_archived")  # no longer linked to anyone
    too_long = failed_row(sample_database, "d", "CPRIV", "msg_blocks_too_long")
    window = NOW - timedelta(days=7)
    with sample_database.committed() as session:
        failures = Failures(session)
        assert [d.nudge_key for d in failures.unreported(1)] == ["b", "a", "c", "d"]
        failures.mark_reported([kept, old], NOW)
        assert [d.nudge_key for d in failures.unreported(1)] == ["c", "d"]
        assert failures.broken_channels(window) == ["CPRIV"]
        assert failures.retry_channel("CPRIV", window) == 1
    with sample_database.committed() as session:
        rows = {d.id: d for d in Ledger(session).rows([kept, old, too_long])}
    assert (rows[kept].status, rows[kept].cause, rows[kept].reported_at) == (
        PENDING, UNKNOWN, None)
    assert rows[old].status == rows[too_long].status == FAILED


def test_what_waited_past_the_grace_window_expires_to_missed(sample_database: Database) -> None:
    with sample_database.committed() as session:
        ids = Ledger(session).record(1, [nudge("old", send_at=NOW - timedelta(days=8)),
                                         nudge("new")], NOW - timedelta(days=30))
    with sample_database.committed() as session:
        assert Failures(session).expire(1, NOW - timedelta(days=7)) == ids[:1]
        assert [d.status for d in Ledger(session).rows(ids)] == [MISSED, PENDING]


def test_a_hold_keeps_its_first_reason_until_released(sample_database: Database) -> None:
    with sample_database.committed() as session:
        Failures(session).hold("T1", "app_uninstalled", NOW)
        Failures(session).hold("T1", "tokens_revoked", NOW + LEASE)
        Failures(session).hold("", "account_inactive", NOW + LEASE)
    with sample_database.committed() as session:
        lifted = Failures(session).release()
        assert [(h.team_id, h.reason, h.since) for h in lifted] == [
            ("T1", "app_uninstalled", NOW), ("", "account_inactive", NOW + LEASE)]
        assert Failures(session).holds() == []


def test_channel_slots_are_a_gap_apart_whoever_reserves_them(sample_database: Database) -> None:
    gap = 1_000_000
    with sample_database.committed() as session:
        assert pacing.reserve(session, "C1", 5_000_000, gap) == 5_000_000
    with sample_database.committed() as session:  # another process, the same instant
        assert pacing.reserve(session, "C1", 5_000_000, gap) == 6_000_000
        assert pacing.reserve(session, "C2", 5_000_000, gap) == 5_000_000
    with sample_database.committed() as session:
        pacing.answered(session, "C1", 6_800_000, gap)  # Slack was slow to answer
        assert pacing.reserve(session, "C1", 6_900_000, gap) == 7_800_000
        assert pacing.reserve(session, "C2", 9_000_000, gap) == 9_000_000


def test_the_models_and_the_migrations_agree(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
