"""The ledger row by row: what each query keeps, orders, bounds and overwrites.

Written against the mutants mutmut left alive in storage/ledger.py (issue 11): each test
pins a value a mutant changed while the scheduler's tests still passed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.database import Database
from storage.ledger import Ledger, Message, Nudge
from storage.models import Plan
from storage.models.delivery import FAILED, PENDING, SENDING, SENT, UNKNOWN

NOW = datetime(2014, 6, 2, 11, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
WEEK_AGO = NOW - timedelta(days=7)


def nudge(key: str, send_at: datetime = NOW, rendered: list[str] | None = None) -> Nudge:
    def render() -> Message:
        if rendered is not None:
            rendered.append(key)
        return f"nudge {key}", []
    return Nudge(key=key, occurrence=date(2014, 6, 1), channel="C1", send_at=send_at,
                 audience="Case Review Subgroup", render=render)


def recorded(database: Database, *nudges: Nudge, plan_id: int = 1) -> list[int]:
    with database.committed() as session:
        return Ledger(session).record(plan_id, nudges, missed_before=WEEK_AGO)


def claimed(database: Database, row_id: int, worker: str, now: datetime) -> bool:
    with database.committed() as session:
        return Ledger(session).claim(row_id, worker, now, LEASE) is not None


def test_only_new_nudges_are_rendered(sample_database: Database) -> None:
    recorded(sample_database, nudge("a"))
    rendered: list[str] = []
    [added] = recorded(sample_database, nudge("a", rendered=rendered),
                       nudge("b", rendered=rendered))
    assert rendered == ["b"]
    with sample_database.committed() as session:
        assert [row.nudge_key for row in Ledger(session).rows([added])] == ["b"]


def test_another_plan_holding_the_same_nudge_does_not_stop_this_one(
        sample_database: Database) -> None:
    with sample_database.committed() as session:
        other = Plan(slug="other", title="Another plan", starts=date(2014, 4, 1),
                     ends=date(2015, 3, 31))
        session.add(other)
        session.flush()
        other_id = other.id
    recorded(sample_database, nudge("a"), plan_id=other_id)
    [row_id] = recorded(sample_database, nudge("a"), plan_id=1)
    with sample_database.committed() as session:
        assert [(r.plan_id, r.nudge_key) for r in Ledger(session).rows([row_id])] == [(1, "a")]


def test_every_nudge_of_a_long_list_is_recorded_across_batches(
        sample_database: Database) -> None:
    owed = [nudge(f"n{i}") for i in range(1201)]
    ids = recorded(sample_database, *owed)
    assert len(set(ids)) == 1201
    with sample_database.committed() as session:
        keys = {row.nudge_key for row in Ledger(session).rows(ids)}
    assert keys == {n.key for n in owed}


def test_a_nudge_due_exactly_at_the_cutoff_is_still_pending(sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a", send_at=WEEK_AGO))
    with sample_database.committed() as session:
        assert [row.status for row in Ledger(session).rows([row_id])] == [PENDING]


def test_rows_and_claims_come_in_send_order_not_insertion_order(
        sample_database: Database) -> None:
    late, early = recorded(sample_database, nudge("late", send_at=NOW + timedelta(hours=1)),
                           nudge("early", send_at=NOW - timedelta(hours=1)))
    with sample_database.committed() as session:
        ledger = Ledger(session)
        assert [row.id for row in ledger.rows([late, early])] == [early, late]
        assert ledger.claimable(NOW, LEASE, until=NOW + timedelta(hours=2)) == [early, late]


def test_a_row_due_after_the_window_is_not_claimable_yet(sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a", send_at=NOW + timedelta(hours=1)))
    with sample_database.committed() as session:
        ledger = Ledger(session)
        assert ledger.claimable(NOW, LEASE, until=NOW) == []
        assert ledger.claimable(NOW, LEASE, until=NOW + timedelta(hours=1)) == [row_id]


def test_a_claim_exactly_a_lease_old_is_still_held(sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a"))
    assert claimed(sample_database, row_id, "w1", NOW)
    assert not claimed(sample_database, row_id, "w2", NOW + LEASE)
    assert claimed(sample_database, row_id, "w2", NOW + LEASE + timedelta(microseconds=1))


def test_a_claim_in_london_time_records_the_same_instant(sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a"))
    with sample_database.committed() as session:
        row = Ledger(session).claim(row_id, "w1", NOW.astimezone(ZoneInfo("Europe/London")),
                                    LEASE)
        assert row is not None and (row.tried_at, row.claimed_at) == (NOW, NOW)


def test_a_claim_reads_the_row_afresh_in_a_session_that_holds_it(
        sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a"))
    with sample_database.committed() as session:
        ledger = Ledger(session)
        [held] = ledger.rows([row_id])  # kept, so the session's identity map keeps it too
        assert held.status == PENDING
        row = ledger.claim(row_id, "w1", NOW, LEASE)
        assert row is held and (row.status, row.claimed_by, row.attempts) == (
            SENDING, "w1", 1)


def test_a_second_takeover_forgets_when_the_last_attempt_was_settled(
        sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a"))
    assert claimed(sample_database, row_id, "w1", NOW)
    settled = NOW + timedelta(minutes=1)
    with sample_database.committed() as session:
        Ledger(session).settle(row_id, "w1", PENDING, error="ratelimited", at=settled)
    assert claimed(sample_database, row_id, "w2", settled)  # and w2 dies mid-send
    with sample_database.committed() as session:
        taken = Ledger(session).claim(row_id, "w3", settled + 2 * LEASE, LEASE)
        assert taken is not None
        assert (taken.tried_at, taken.tried_until, taken.cause) == (NOW, None, UNKNOWN)


def test_settling_stores_the_outcome_cut_to_its_columns_and_defaults_to_nothing(
        sample_database: Database) -> None:
    [row_id] = recorded(sample_database, nudge("a"))
    assert claimed(sample_database, row_id, "w1", NOW)
    with sample_database.committed() as session:
        Ledger(session).settle(row_id, "w1", PENDING, error="e" * 3000, cause="c" * 50, at=NOW)
        row = Ledger(session).rows([row_id])[0]
        assert (row.last_error, row.cause, row.sent_at, row.tried_until) == (
            "e" * 2000, "c" * 40, None, NOW)
    assert claimed(sample_database, row_id, "w1", NOW)
    with sample_database.committed() as session:
        Ledger(session).settle(row_id, "w1", FAILED, at=NOW)
        row = Ledger(session).rows([row_id])[0]
        assert (row.status, row.message_ts, row.last_error, row.cause, row.sent_at) == (
            FAILED, "", "", "", None)


def test_a_settlement_touches_only_its_own_row_and_only_while_claimed(
        sample_database: Database) -> None:
    first, second = recorded(sample_database, nudge("a"), nudge("b"))
    assert claimed(sample_database, first, "w1", NOW)
    assert claimed(sample_database, second, "w1", NOW)
    with sample_database.committed() as session:
        Ledger(session).settle(first, "w1", SENT, message_ts="1.1", at=NOW)
    with sample_database.committed() as session:
        Ledger(session).settle(first, "w1", FAILED, error="late", at=NOW)
        statuses = {row.id: row.status for row in Ledger(session).rows([first, second])}
    assert statuses == {first: SENT, second: SENDING}


def test_a_cycle_mark_moves_forward(sample_database: Database) -> None:
    with sample_database.committed() as session:
        assert Ledger(session).last_cycle(1) is None
        Ledger(session).mark_cycle(1, NOW)
    with sample_database.committed() as session:
        Ledger(session).mark_cycle(1, NOW + timedelta(days=1))
    with sample_database.committed() as session:
        assert Ledger(session).last_cycle(1) == NOW + timedelta(days=1)
