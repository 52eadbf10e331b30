"""The delivery ledger: every nudge the bot owes a channel, claimed before it is sent.

One row per (plan, nudge, occurrence, channel). A row is claimed by a worker in
its own transaction before anything is posted, so two schedulers, a cycle run
twice or a restart mid-cycle can never post the same nudge twice.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.timestamps import UTCDateTime

PENDING, SENDING, SENT, MISSED, UNROUTED = "pending", "sending", "sent", "missed", "unrouted"
FAILED = "failed"
UNKNOWN = "outcome_unknown"
"""The cause of a row whose last attempt may have reached Slack: look before posting again."""
CHANNEL_CAUSES = ("not_in_channel", "channel_not_found", "is_archived")
"""Permanent failures an admin can fix in Slack; the row goes out once the channel is fixed."""


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("plan_id", "nudge_key", "occurrence", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    nudge_key: Mapped[str] = mapped_column(String(200))
    occurrence: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(300))
    """A Slack conversation or user id, or ``mailto:ADDRESS`` for email (bot.mail)."""
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
    cause: Mapped[str] = mapped_column(String(40), default="")
    """Why it is not sent: Slack's error code for a failure, or `UNKNOWN`."""
    tried_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """The first attempt: nothing older can be this row's message when it is looked for."""
    tried_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When the last attempt was settled: nothing newer can be its message (None after a
    worker died mid-send, when only "now" bounds it)."""
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When the admins were told it failed (once)."""

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


class CycleBeat(Base):
    """A scheduler process's heartbeat: when its latest cycle started and ended, so a
    monitor (GET /healthz) and a person (`lscb status`) see a scheduler that has stopped."""

    __tablename__ = "cycle_beats"

    worker: Mapped[str] = mapped_column(String(100), primary_key=True)
    """host:pid of the process."""
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    """When its latest cycle that finished did so (None until one has; a failed cycle
    leaves it alone)."""
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    """``running`` while a cycle is under way, then ``finished`` or ``failed``."""


class ChannelPace(Base):
    """When the next message may go to a conversation: Slack takes about one a second per
    channel, and every process posting to it reads the same clock here, not its own."""

    __tablename__ = "channel_pacing"

    channel: Mapped[str] = mapped_column(String(32), primary_key=True)
    next_us: Mapped[int] = mapped_column(BigInteger)
    """Microseconds since the epoch (plain integers: the same arithmetic in every database)."""


class DeliveryHold(Base):
    """Sending stopped for the workspace: the app was uninstalled or its token revoked."""

    __tablename__ = "delivery_holds"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    """The workspace the event named, or "" when the bot found its token refused."""
    reason: Mapped[str] = mapped_column(String(40))
    since: Mapped[datetime] = mapped_column(UTCDateTime)
