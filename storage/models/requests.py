"""Signed Slack requests the bot has answered lately, so a replay is answered, not applied."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.timestamps import UTCDateTime


class SeenRequest(Base):
    """One signed request, by its signature (an HMAC of its timestamp and body, so the
    same request sent again, retried or replayed, has the same one). Kept in the
    database so that every process serving Slack agrees; pruned after Slack's 5-minute
    replay window, past which a request is refused as stale anyway."""

    __tablename__ = "seen_requests"

    signature: Mapped[str] = mapped_column(String(100), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[int | None] = mapped_column(Integer)
    """The HTTP status it was answered with; None while the first is being answered."""
    content_type: Mapped[str] = mapped_column(String(100), default="")
    answer: Mapped[str] = mapped_column(Text, default="")
