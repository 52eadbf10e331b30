"""Slack's one message a second per channel, kept in the database so it holds across processes.

Each post first reserves the channel's next free slot in one atomic statement (an upsert that
moves the slot on by the gap), so two schedulers on one PostgreSQL never get the same second;
once Slack answers, the slot is pushed to a gap after the answer, so a slow request cannot
shorten it. Times are integer microseconds since the epoch: the same arithmetic everywhere.
"""

from __future__ import annotations

from sqlalchemy import case, update
from sqlalchemy.orm import Session

from storage.ledger import insert_for
from storage.models import ChannelPace


def reserve(session: Session, channel: str, now_us: int, gap_us: int) -> int:
    """The instant (µs) this caller may post to `channel`: now, or the slot after the last."""
    statement = insert_for(session, ChannelPace).values(channel=channel, next_us=now_us + gap_us)
    table = ChannelPace.__table__.c
    slot_end = case((table.next_us > now_us, table.next_us), else_=now_us) + gap_us
    statement = statement.on_conflict_do_update(index_elements=["channel"],
                                                set_={"next_us": slot_end})
    next_us = session.scalar(statement.returning(ChannelPace.next_us))
    return int(next_us or now_us + gap_us) - gap_us


def answered(session: Session, channel: str, at_us: int, gap_us: int) -> None:
    """Slack answered a post to `channel` at `at_us`: the next one waits a gap from then."""
    session.execute(update(ChannelPace)
                    .where(ChannelPace.channel == channel, ChannelPace.next_us < at_us + gap_us)
                    .values(next_us=at_us + gap_us)
                    .execution_options(synchronize_session=False))
