"""What could not be delivered, and what to do about it: the ledger seen from the admins' side.

A permanent failure is told to the admins once (`unreported`, `mark_reported`) and sent again
once its cause is fixed (`retry_channel`), if it is still within the grace window. A pending
row (or an abandoned claim) that has aged past the window is `expire`d to missed rather
than sent late. A hold stops
all sending while the app is uninstalled or its token revoked.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.ledger import insert_for
from storage.models import ChannelLink, Delivery, DeliveryHold
from storage.models.delivery import CHANNEL_CAUSES, FAILED, MISSED, PENDING, SENDING, UNKNOWN

ADMINS = "admins"
"""The audience of the bot's own notices; their failures are logged, never reported again."""


class Failures:
    def __init__(self, session: Session) -> None:
        self.session = session

    def unreported(self, plan_id: int) -> list[Delivery]:
        """Failed rows of the plan the admins have not been told about, oldest first."""
        return list(self.session.scalars(
            select(Delivery).where(Delivery.plan_id == plan_id, Delivery.status == FAILED,
                                   Delivery.reported_at.is_(None), Delivery.audience != ADMINS)
            .order_by(Delivery.send_at, Delivery.id)))

    def mark_reported(self, ids: list[int], at: datetime) -> None:
        if ids:
            self.session.execute(update(Delivery).where(Delivery.id.in_(ids))
                                 .values(reported_at=at)
                                 .execution_options(synchronize_session=False))

    def expire(self, plan_id: int, missed_before: datetime,
               abandoned_before: datetime | None = None) -> list[int]:
        """Rows now older than the grace window become missed, never to be posted late:
        pending ones, and claims abandoned before `abandoned_before` (a worker died
        mid-send). Returns their ids."""
        waiting = Delivery.status == PENDING
        if abandoned_before is not None:
            waiting = or_(waiting, and_(Delivery.status == SENDING,
                                        Delivery.claimed_at < abandoned_before))
        return list(self.session.scalars(
            update(Delivery).where(Delivery.plan_id == plan_id, waiting,
                                   Delivery.send_at < missed_before)
            .values(status=MISSED).returning(Delivery.id)
            .execution_options(synchronize_session=False)))

    def broken_channels(self, missed_before: datetime) -> list[str]:
        """Channels still linked to an owner whose nudges failed for a reason an admin can
        fix in Slack, with some still worth sending."""
        linked = select(ChannelLink.slack_channel_id)
        return list(self.session.scalars(
            select(Delivery.channel).distinct()
            .where(Delivery.status == FAILED, Delivery.cause.in_(CHANNEL_CAUSES),
                   Delivery.send_at >= missed_before, Delivery.channel.in_(linked))
            .order_by(Delivery.channel)))

    def retry_channel(self, channel: str, missed_before: datetime) -> int:
        """The channel works now: its failed nudges within the window are pending again.

        Whether an earlier attempt reached Slack is not known any more (a failure may have
        followed a lost reply), so they are looked for before they are posted.
        """
        result = self.session.execute(
            update(Delivery).where(Delivery.channel == channel, Delivery.status == FAILED,
                                   Delivery.cause.in_(CHANNEL_CAUSES),
                                   Delivery.send_at >= missed_before)
            .values(status=PENDING, cause=UNKNOWN, last_error="", reported_at=None)
            .execution_options(synchronize_session=False))
        return int(result.rowcount)  # type: ignore[attr-defined]

    # ---- holds ---------------------------------------------------------------------------------

    def hold(self, team_id: str, reason: str, at: datetime) -> None:
        """Stop sending (the first reason and time are kept)."""
        self.session.execute(insert_for(self.session, DeliveryHold)
                             .values(team_id=team_id, reason=reason, since=at)
                             .on_conflict_do_nothing())

    def holds(self) -> list[DeliveryHold]:
        return list(self.session.scalars(select(DeliveryHold).order_by(DeliveryHold.since)))

    def release(self) -> list[DeliveryHold]:
        """Sending may resume; returns the holds lifted."""
        lifted = self.holds()
        self.session.execute(delete(DeliveryHold))
        return lifted

    def mark_owed(self, until: datetime, reason: str) -> int:
        """Note on every pending nudge due by `until` why it waits; returns how many."""
        result = self.session.execute(
            update(Delivery).where(Delivery.status == PENDING, Delivery.send_at <= until)
            .values(last_error=f"held: Slack refuses the bot's token ({reason})")
            .execution_options(synchronize_session=False))
        return int(result.rowcount)  # type: ignore[attr-defined]
