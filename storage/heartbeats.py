"""The scheduler's heartbeat, and the ledger's totals: what a monitor and `lscb status`
read. Never commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.models import CycleBeat, Delivery

RUNNING, FINISHED, FAILED = "running", "finished", "failed"
FORGET_AFTER = timedelta(days=30)
"""A process's beat is dropped a month after its last cycle started (pids are not reused
for ever, and a restart is a new worker)."""


class Heartbeats:
    def __init__(self, session: Session) -> None:
        self.session = session

    def started(self, worker: str, at: datetime) -> None:
        """A cycle began in `worker`."""
        self.session.execute(delete(CycleBeat).where(CycleBeat.started_at < at - FORGET_AFTER))
        beat = self.session.get(CycleBeat, worker)
        if beat is None:
            self.session.add(CycleBeat(worker=worker, started_at=at, outcome=RUNNING))
        else:
            beat.started_at, beat.outcome = at, RUNNING

    def ended(self, worker: str, at: datetime, *, failed: bool = False) -> None:
        """The cycle `worker` started ended; a failed one leaves `finished_at` at the last
        cycle that did finish, so cycles that fail every time look like no cycles at all."""
        beat = self.session.get(CycleBeat, worker)
        if beat is None:  # forgotten meanwhile: a month-long cycle
            beat = CycleBeat(worker=worker, started_at=at)
            self.session.add(beat)
        beat.outcome = FAILED if failed else FINISHED
        if not failed:
            beat.finished_at = at

    def last_started(self) -> CycleBeat | None:
        return self.session.scalars(
            select(CycleBeat).order_by(CycleBeat.started_at.desc()).limit(1)).first()

    def last_finished(self) -> CycleBeat | None:
        """The beat of the cycle that finished most recently, in any process."""
        return self.session.scalars(
            select(CycleBeat).where(CycleBeat.finished_at.is_not(None))
            .order_by(CycleBeat.finished_at.desc()).limit(1)).first()


def deliveries_by_status(session: Session) -> dict[str, int]:
    """How many rows of the delivery ledger are in each status (pending, sent, failed…)."""
    rows = session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
    return {status: count for status, count in rows.tuples()}
