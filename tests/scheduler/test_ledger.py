"""The ledger's guarantees, on SQLite and PostgreSQL: record once, claim once, settle once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from storage.database import Database
from storage.ledger import Ledger, Nudge
from storage.models.delivery import MISSED, PENDING, SENDING, SENT, UNROUTED

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
