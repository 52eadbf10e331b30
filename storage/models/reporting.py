"""The reporting planner: who reports what to the board, and on which cadence."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.models.people import Owner


class ReportingOwner(Base):
    """Who reports a planner row, in the order the plan names them."""

    __tablename__ = "reporting_owners"

    row_id: Mapped[int] = mapped_column(ForeignKey("reporting_rows.id", ondelete="CASCADE"),
                                        primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    owner: Mapped[Owner] = relationship(lazy="joined")


class ReportingRow(Base):
    __tablename__ = "reporting_rows"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(String(200))
    activity: Mapped[str] = mapped_column(Text, default="")
    tells: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(Text, default="")

    ownerships: Mapped[list[ReportingOwner]] = relationship(
        order_by=ReportingOwner.position, collection_class=ordering_list("position"),
        cascade="all, delete-orphan", lazy="selectin",
    )
    owners: AssociationProxy[list[Owner]] = association_proxy(
        "ownerships", "owner", creator=lambda owner: ReportingOwner(owner=owner)
    )
    cadences: Mapped[list[Cadence]] = relationship(
        back_populates="row", cascade="all, delete-orphan", order_by="Cadence.position",
        lazy="selectin",
    )


class Cadence(Base):
    """One recurring report of a planner row, as an RFC 5545 recurrence rule."""

    __tablename__ = "cadences"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("reporting_rows.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(200), default="")
    rule: Mapped[str] = mapped_column(String(300))
    carries_report: Mapped[bool] = mapped_column(Boolean, default=False)
    copy_to: Mapped[str] = mapped_column(String(300), default="")

    row: Mapped[ReportingRow] = relationship(back_populates="cadences")
