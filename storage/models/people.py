"""Who owns what: owners and their aliases, and the Slack users and channels linked to them."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base

#: A group ("the statutory partners", "each agency") stands for its members: each of them
#: sees the group's actions as their own.
OWNER_KINDS = ("role", "subgroup", "agency", "post", "group")
GROUP = "group"


class OwnerMember(Base):
    """One member of an owner group, in the order the plan names them."""

    __tablename__ = "owner_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Owner(Base):
    __tablename__ = "owners"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    email: Mapped[str] = mapped_column(String(254), default="")
    """Where the owner's nudges go by email ("" for none): partners who are not in Slack."""
    email_also: Mapped[bool] = mapped_column(Boolean, default=False)
    """Email as well as the owner's Slack channel (`--also`); without a channel, email only."""

    aliases: Mapped[list[OwnerAlias]] = relationship(
        back_populates="owner", cascade="all, delete-orphan", order_by="OwnerAlias.id"
    )
    members: Mapped[list[Owner]] = relationship(
        secondary="owner_members", primaryjoin="Owner.id == OwnerMember.group_id",
        secondaryjoin="Owner.id == OwnerMember.member_id", order_by="OwnerMember.position",
        viewonly=True,
    )


class OwnerAlias(Base):
    """Every spelling of an owner, including its own name, keyed for case-free lookup."""

    __tablename__ = "owner_aliases"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))

    owner: Mapped[Owner] = relationship(back_populates="aliases")


class UserLink(Base):
    __tablename__ = "user_links"
    __table_args__ = (UniqueConstraint("owner_id", "slack_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    slack_user_id: Mapped[str] = mapped_column(String(32), index=True)

    owner: Mapped[Owner] = relationship()


class ChannelLink(Base):
    """The one channel where an owner hears its nudges and reminders."""

    __tablename__ = "channel_links"
    __table_args__ = (UniqueConstraint("owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    slack_channel_id: Mapped[str] = mapped_column(String(32), index=True)

    owner: Mapped[Owner] = relationship()


class Workspace(Base):
    """Which plan a Slack workspace (team) is working from."""

    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
