"""The delivery ledger: every nudge the bot owes a channel, claimed before it is sent.

One row per (plan, nudge, occurrence, channel). A row is claimed by a worker in
its own transaction before anything is posted, so two schedulers, a cycle run
twice or a restart mid-cycle can never post the same nudge twice.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.timestamps import UTCDateTime

PENDING, SENDING, SENT, MISSED, UNROUTED = "pending", "sending", "sent", "missed", "unrouted"


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("plan_id", "nudge_key", "occurrence", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    nudge_key: Mapped[str] = mapped_column(String(200))
    occurrence: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(32))
    send_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    audience: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)
    blocks: Mapped[str] = mapped_column(Text, default="[]")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str] = mapped_column(String(100), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message_ts: Mapped[str] = mapped_column(String(32), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")

    @property
    def ledger_key(self) -> str:
        """The key carried in the message's metadata, to find it again in the channel."""
        return f"{self.plan_id}|{self.nudge_key}|{self.occurrence.isoformat()}|{self.channel}"


class CycleRun(Base):
    """When a plan's nudges were last worked out, so downtime can be measured."""

    __tablename__ = "cycle_runs"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"),
                                         primary_key=True)
    ran_for: Mapped[datetime] = mapped_column(UTCDateTime)
