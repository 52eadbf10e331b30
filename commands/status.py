"""Is the bot alive, and what does it hold: the heartbeat a monitor reads (GET /healthz)
and the fuller status a person reads (`lscb status`). Decided here, rendered elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from storage.database import Session
from storage.heartbeats import Heartbeats, deliveries_by_status
from storage.models import CycleBeat
from storage.repository import PlanRepository
from storage.workspaces import plans_with_counts

STALE_AFTER_CYCLES = 3
OK, STARTING, STALE = "ok", "starting", "stale"


@dataclass(frozen=True)
class Heartbeat:
    """The scheduler's pulse: `state` is ok, starting (no cycle yet, but the server is young)
    or stale (no cycle finished for three cycle intervals)."""

    state: str
    checked_at: datetime
    stale_after: timedelta
    last_finished: datetime | None = None
    last_started: datetime | None = None
    last_outcome: str = ""
    worker: str = ""

    @property
    def healthy(self) -> bool:
        return self.state != STALE

    def as_json(self) -> dict[str, Any]:
        """What GET /healthz answers with (times in ISO 8601, UTC)."""
        def stamp(at: datetime | None) -> str | None:
            return at.isoformat() if at else None
        return {"status": self.state, "database": "ok", "checked_at": stamp(self.checked_at),
                "stale_after_seconds": int(self.stale_after.total_seconds()),
                "last_cycle": {"started_at": stamp(self.last_started),
                               "finished_at": stamp(self.last_finished),
                               "outcome": self.last_outcome or None,
                               "worker": self.worker or None}}


def heartbeat(session: Session, now: datetime, cycle_minutes: int,
              up_since: datetime | None = None) -> Heartbeat:
    """Stale when no cycle has finished in any process for three cycle intervals, counting
    from `up_since` (the server's start) when no cycle has finished since."""
    beats = Heartbeats(session)
    return judged(beats.last_finished(), beats.last_started(), now, cycle_minutes, up_since)


def judged(finished: CycleBeat | None, started: CycleBeat | None, now: datetime,
           cycle_minutes: int, up_since: datetime | None = None) -> Heartbeat:
    stale_after = timedelta(minutes=cycle_minutes * STALE_AFTER_CYCLES)
    last = finished.finished_at if finished else None
    if last is not None and now - last <= stale_after:
        state = OK
    elif up_since is not None and now - up_since <= stale_after and (
            last is None or last < up_since):
        state = STARTING
    else:
        state = STALE
    return Heartbeat(state, now, stale_after, last, started.started_at if started else None,
                     started.outcome if started else "", started.worker if started else "")


@dataclass(frozen=True)
class PlanStatus:
    slug: str
    title: str
    actions: int
    owners: int
    channels: int
    teams: list[str]
    unlinked: list[str]
    """Owners nobody is linked to."""


@dataclass(frozen=True)
class Status:
    heartbeat: Heartbeat
    plans: list[PlanStatus] = field(default_factory=list)
    deliveries: dict[str, int] = field(default_factory=dict)
    """The delivery ledger's rows by status."""


def status(session: Session, now: datetime, cycle_minutes: int) -> Status:
    """Everything `lscb status` tells a person."""
    plans = []
    for plan, actions, teams in plans_with_counts(session):
        repo = PlanRepository(session, plan)
        plans.append(PlanStatus(plan.slug, plan.title, actions, len(repo.owners()),
                                len(repo.channels()), teams,
                                [owner.name for owner in repo.unlinked_owners()]))
    return Status(heartbeat(session, now, cycle_minutes), plans, deliveries_by_status(session))
