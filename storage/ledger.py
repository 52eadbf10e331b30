"""The delivery ledger's queries: record what is owed, claim it, and settle it.

Claiming is a compare-and-set UPDATE committed before anything is posted: only
the worker whose UPDATE changed the row may send it. A claim older than the
lease belongs to a worker that died mid-send; it may be claimed again, and the
new claimant looks in the channel first (the outcome of the old send is unknown).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.models import CycleRun, Delivery
from storage.models.delivery import FAILED, MISSED, PENDING, SENDING, SENT, UNKNOWN, UNROUTED
from storage.timestamps import UTCDateTime

__all__ = ["FAILED", "Ledger", "Message", "Nudge", "insert_for"]


Message = tuple[str, list[dict[str, Any]]]


# What a nudge's key says, and so what the ledger holds once per (plan, key, occurrence,
# channel). The occurrence is the date the nudge is about: the cadence's date, the day an
# action or milestone falls due, the Monday of a digest's week, the last day of a quarter.
REPORTING = "report:{cadence}"  # a reporting cadence's nudge, e.g. report:scr-updates
DUE_SOON = "due-soon:{ref}"  # 14 days before; ":m{milestone id}" for a milestone
OVERDUE = "overdue:{ref}"  # the first working day after; ":m{milestone id}" likewise
DIGEST = "digest"  # the weekly overdue digest of a channel
RETURN = "return:{owner}"  # the quarterly return's request to an owner
RETURN_REMINDER = "return-reminder:{owner}"  # and its reminder, to owners yet to answer
ADMIN_NOTICE = "admin:{status}:{first row}"  # to each admin: nudges missed or unheard


@dataclass(frozen=True)
class Nudge:
    """One message owed to one channel ("" when no channel is linked: nobody will hear it).

    Its text is rendered by `render` on first use: working out what is due must stay
    cheap, and most of what a cycle finds is already in the ledger.
    """

    key: str
    occurrence: date
    channel: str
    send_at: datetime
    audience: str
    render: Callable[[], Message] = field(compare=False, repr=False)

    @cached_property
    def message(self) -> Message:
        return self.render()

    @property
    def text(self) -> str:
        return self.message[0]

    @property
    def blocks(self) -> list[dict[str, Any]]:
        return self.message[1]


class Ledger:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, plan_id: int, nudges: Iterable[Nudge], missed_before: datetime) -> list[int]:
        """Add what is not in the ledger yet; returns the ids of the rows added.

        A nudge for nobody (no channel) is recorded as unrouted, one older than
        `missed_before` as missed; the rest are pending.
        """
        new = self._not_recorded(plan_id, list(nudges))
        rows = [{"plan_id": plan_id, "nudge_key": n.key, "occurrence": n.occurrence,
                 "channel": n.channel, "send_at": n.send_at, "audience": n.audience,
                 "text": n.text, "blocks": json.dumps(n.blocks),
                 "status": UNROUTED if not n.channel else MISSED if n.send_at < missed_before
                 else PENDING} for n in new]
        if not rows:
            return []
        added = []
        for start in range(0, len(rows), 500):
            statement = (self._insert(Delivery).values(rows[start:start + 500])
                         .on_conflict_do_nothing().returning(Delivery.id))
            added += list(self.session.scalars(statement))
        return added

    def _not_recorded(self, plan_id: int, nudges: list[Nudge]) -> list[Nudge]:
        """The nudges the ledger does not hold yet (so only they are rendered)."""
        if not nudges:
            return []
        rows = self.session.execute(
            select(Delivery.nudge_key, Delivery.occurrence, Delivery.channel).where(
                Delivery.plan_id == plan_id,
                Delivery.send_at.between(min(n.send_at for n in nudges),
                                         max(n.send_at for n in nudges))))
        held = {(key, occurrence, channel) for key, occurrence, channel in rows}
        return [n for n in nudges if (n.key, n.occurrence, n.channel) not in held]

    def _insert(self, model: type[Any]) -> Any:
        return insert_for(self.session, model)

    def rows(self, ids: list[int]) -> list[Delivery]:
        return list(self.session.scalars(select(Delivery).where(Delivery.id.in_(ids))
                                         .order_by(Delivery.send_at, Delivery.id)))

    def claimable(self, now: datetime, lease: timedelta, until: datetime,
                  since: datetime | None = None) -> list[int]:
        """Pending rows due by `until` (and not before `since`, past which a nudge is too
        late to send), and abandoned claims, oldest first."""
        window = [Delivery.send_at <= until] + ([Delivery.send_at >= since] if since else [])
        return list(self.session.scalars(
            select(Delivery.id).where(self._claimable(now, lease), *window)
            .order_by(Delivery.send_at, Delivery.id)))

    @staticmethod
    def _claimable(now: datetime, lease: timedelta) -> Any:
        abandoned = and_(Delivery.status == SENDING, Delivery.claimed_at < now - lease)
        return or_(Delivery.status == PENDING, abandoned)

    def claim(self, delivery_id: int, worker: str, now: datetime,
              lease: timedelta) -> Delivery | None:
        """Take the row for `worker`, or None if another worker holds or settled it.

        A claim taken over from a worker that died mid-send has an `UNKNOWN` outcome.
        """
        result = self.session.execute(
            update(Delivery).where(Delivery.id == delivery_id, self._claimable(now, lease))
            .values(status=SENDING, claimed_by=worker, claimed_at=now,
                    attempts=Delivery.attempts + 1,
                    cause=case((Delivery.status == SENDING, UNKNOWN), else_=Delivery.cause),
                    tried_at=func.coalesce(Delivery.tried_at, literal(now, UTCDateTime())),
                    tried_until=case((Delivery.status == SENDING, None),
                                     else_=Delivery.tried_until))
            .execution_options(synchronize_session=False))
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return None
        return self.session.get(Delivery, delivery_id, populate_existing=True)

    def settle(self, delivery_id: int, worker: str, status: str, *, message_ts: str = "",
               error: str = "", cause: str = "", at: datetime | None = None) -> None:
        """Record the outcome of `worker`'s claim: sent, failed, or back to pending, with
        its cause (Slack's error, or `UNKNOWN` when Slack may have posted)."""
        self.session.execute(
            update(Delivery).where(Delivery.id == delivery_id, Delivery.claimed_by == worker,
                                   Delivery.status == SENDING)
            .values(status=status, message_ts=message_ts, last_error=error[:2000],
                    cause=cause[:40], sent_at=at if status == SENT else None, tried_until=at)
            .execution_options(synchronize_session=False))

    def last_cycle(self, plan_id: int) -> datetime | None:
        return self.session.scalar(select(CycleRun.ran_for).where(CycleRun.plan_id == plan_id))

    def mark_cycle(self, plan_id: int, ran_for: datetime) -> None:
        self.session.execute(self._insert(CycleRun).values(plan_id=plan_id, ran_for=ran_for)
                             .on_conflict_do_update(index_elements=["plan_id"],
                                                    set_={"ran_for": ran_for}))


def insert_for(session: Session, model: type[Any]) -> Any:
    """INSERT in this session's dialect, for ON CONFLICT (both SQLite and PostgreSQL)."""
    bind = session.get_bind()
    return (pg_insert if bind.dialect.name == "postgresql" else sqlite_insert)(model)
