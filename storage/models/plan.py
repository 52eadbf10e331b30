"""The plan itself: plans, themes, actions and their milestones."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.timestamps import UTCDateTime, utcnow

if TYPE_CHECKING:
    from storage.models.people import Owner

STATUSES = ("not-started", "on-track", "at-risk", "off-track", "complete")


class Plan(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    board: Mapped[str] = mapped_column(String(300), default="")
    #: Place names in the plan's area, one a line: words the data guard never takes for names.
    places: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: What the plan calls its board ("partnership") and its themes ("priority"); "" when
    #: the plan says nothing, for the bot's own words ("board", "theme").
    board_word: Mapped[str] = mapped_column(String(40), default="", server_default="")
    theme_word: Mapped[str] = mapped_column(String(40), default="", server_default="")
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    themes: Mapped[list[Theme]] = relationship(
        back_populates="plan", order_by="Theme.number", cascade="all, delete-orphan"
    )


class Theme(Base):
    __tablename__ = "themes"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    #: What the plan calls it where that is not its number: "Priority 1a", "P2".
    label: Mapped[str] = mapped_column(String(40), default="", server_default="")

    plan: Mapped[Plan] = relationship(back_populates="themes")


class ActionOwner(Base):
    """An action's owner, in the order the plan names them."""

    __tablename__ = "action_owners"

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"),
                                           primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    owner: Mapped[Owner] = relationship(lazy="joined")


class Action(Base):
    __tablename__ = "actions"
    __table_args__ = (UniqueConstraint("plan_id", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), index=True)
    ref: Mapped[str] = mapped_column(String(20))
    sort_key: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(String(200))
    due_kind: Mapped[str] = mapped_column(String(16))
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    #: How `when_text` was read, for people to see: "read as the end of Q2 2015/16: 30 Sep
    #: 2015"; the words kept beside the date ("subject to funding"); why it is unread or odd.
    due_read_as: Mapped[str] = mapped_column(Text, default="")
    due_qualifier: Mapped[str] = mapped_column(Text, default="")
    due_warning: Mapped[str] = mapped_column(Text, default="")
    baseline_due_date: Mapped[date | None] = mapped_column(Date)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="not-started")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    theme: Mapped[Theme] = relationship()
    ownerships: Mapped[list[ActionOwner]] = relationship(
        order_by=ActionOwner.position, collection_class=ordering_list("position"),
        cascade="all, delete-orphan", lazy="selectin",
    )
    owners: AssociationProxy[list[Owner]] = association_proxy(
        "ownerships", "owner", creator=lambda owner: ActionOwner(owner=owner)
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="action", order_by="Milestone.due_date", cascade="all, delete-orphan",
        lazy="selectin",
    )


class Milestone(Base):
    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(300))
    when_text: Mapped[str] = mapped_column(String(100))
    due_date: Mapped[date] = mapped_column(Date, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Read from a second date in the action's own *when* cell, not written as a milestone:
    #: derived again at each import, and never exported as a milestone.
    from_when: Mapped[bool] = mapped_column(Boolean, default=False)

    action: Mapped[Action] = relationship(back_populates="milestones")

