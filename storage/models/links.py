"""Links to the board page and the calendar feeds that can be withdrawn (`storage.links`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.timestamps import UTCDateTime


class BoardLink(Base):
    """One link: the whole plan (no owner) or one owner's part of it.

    `nonce` is random; the token in the URL is derived from it with a key the database
    never holds, and only the token's SHA-256 `digest` is kept to find the link by.
    """

    __tablename__ = "board_links"
    __table_args__ = (UniqueConstraint("digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                                 index=True)
    nonce: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
