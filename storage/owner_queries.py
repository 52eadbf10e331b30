"""Queries and changes about who owns what: owners, aliases and links to Slack."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from storage import audit
from storage.errors import OwnerNotFound
from storage.models import ChannelLink, Owner, OwnerAlias, OwnerMember, Plan, UserLink
from storage.names import name_key
from storage.rows import OwnerRef

MAX_NAME = 200  # the alias column's width: nothing longer can match


class OwnerQueries:
    """The owner side of a plan's repository. Never commits."""

    session: Session
    plan: Plan

    def owners(self) -> list[Owner]:
        return list(self.session.scalars(
            select(Owner).where(Owner.plan_id == self.plan.id).order_by(Owner.name)))

    def owner_by_id(self, owner_id: int) -> Owner | None:
        """The plan's owner with this id, if it has one."""
        owner = self.session.get(Owner, owner_id)
        return owner if owner is not None and owner.plan_id == self.plan.id else None

    def resolve_owner(self, query: str) -> Owner:
        """The one owner a name, alias or unambiguous abbreviation means."""
        key = name_key(query)
        if not key or len(key) > MAX_NAME:
            raise OwnerNotFound(query[:MAX_NAME], [])
        exact = self._owners_matching(OwnerAlias.key == key)
        if len(exact) == 1:
            return exact[0]
        words = or_(OwnerAlias.key.startswith(key, autoescape=True),
                    OwnerAlias.key.contains(" " + key, autoescape=True))
        found = exact or self._owners_matching(words)
        if len(found) == 1:
            return found[0]
        raise OwnerNotFound(query, sorted(o.name for o in found))

    def _owners_matching(self, condition: ColumnElement[bool]) -> list[Owner]:
        return list(self.session.scalars(
            select(Owner).join(OwnerAlias).where(OwnerAlias.plan_id == self.plan.id, condition)
            .distinct().order_by(Owner.name)))

    def groups_of(self, owners: list[Owner]) -> list[Owner]:
        """The owner groups any of `owners` belongs to ("the statutory partners")."""
        return list(self.session.scalars(
            select(Owner).join(OwnerMember, OwnerMember.group_id == Owner.id)
            .where(OwnerMember.member_id.in_([o.id for o in owners])).distinct()
            .order_by(Owner.name)))

    def group_members(self) -> dict[int, list[OwnerRef]]:
        """Each owner group's members, by the group's id, in the plan's order."""
        members: dict[int, list[OwnerRef]] = defaultdict(list)
        rows = self.session.execute(
            select(OwnerMember.group_id, Owner.id, Owner.name)
            .join(Owner, Owner.id == OwnerMember.member_id)
            .where(Owner.plan_id == self.plan.id)
            .order_by(OwnerMember.group_id, OwnerMember.position))
        for group_id, owner_id, name in rows:
            members[group_id].append(OwnerRef(owner_id, name))
        return dict(members)

    def owners_of_user(self, user_id: str) -> list[Owner]:
        return list(self.session.scalars(
            select(Owner).join(UserLink).where(UserLink.plan_id == self.plan.id,
                                               UserLink.slack_user_id == user_id)
            .order_by(Owner.name)))

    def users_of(self, owner: Owner) -> list[str]:
        return list(self.session.scalars(
            select(UserLink.slack_user_id).where(UserLink.owner_id == owner.id)
            .order_by(UserLink.slack_user_id)))

    def unlinked_owners(self) -> list[Owner]:
        linked = set(self.session.scalars(select(UserLink.owner_id)
                                          .where(UserLink.plan_id == self.plan.id)))
        return [o for o in self.owners() if o.id not in linked]

    def link_user(self, user_id: str, owner: Owner, actor: str, now: datetime) -> bool:
        """Link a Slack user to an owner; False when they were linked already."""
        if user_id in self.users_of(owner):
            return False
        self.session.add(UserLink(plan_id=self.plan.id, owner_id=owner.id, slack_user_id=user_id))
        audit.record(self.session, self.plan.id, actor, "user.link", owner.name, now, user=user_id)
        return True

    def unlink_user(self, user_id: str, owner: Owner, actor: str, now: datetime) -> bool:
        link = self.session.scalar(select(UserLink).where(UserLink.owner_id == owner.id,
                                                          UserLink.slack_user_id == user_id))
        if link is None:
            return False
        self.session.delete(link)
        audit.record(self.session, self.plan.id, actor, "user.unlink", owner.name, now,
                     user=user_id)
        return True

    def link_channel(self, channel_id: str, owner: Owner, actor: str, now: datetime) -> None:
        link = self.session.scalar(select(ChannelLink).where(ChannelLink.owner_id == owner.id))
        previous = link.slack_channel_id if link else None
        link = link or ChannelLink(plan_id=self.plan.id, owner_id=owner.id)
        link.slack_channel_id = channel_id
        self.session.add(link)
        audit.record(self.session, self.plan.id, actor, "channel.link", owner.name, now,
                     channel=channel_id, previous=previous)

    def channels(self) -> dict[int, str]:
        """Every owner's channel, by owner id."""
        rows = self.session.execute(select(ChannelLink.owner_id, ChannelLink.slack_channel_id)
                                    .where(ChannelLink.plan_id == self.plan.id))
        return {owner_id: channel for owner_id, channel in rows}

    def set_email(self, owner: Owner, address: str, also: bool, actor: str,
                  now: datetime) -> bool:
        """Give an owner an email address ("" removes it); False when nothing changed."""
        if (owner.email, owner.email_also) == (address, also and bool(address)):
            return False
        previous = owner.email
        owner.email, owner.email_also = address, also and bool(address)
        audit.record(self.session, self.plan.id, actor,
                     "email.set" if address else "email.remove", owner.name, now,
                     email=address, previous=previous, also=owner.email_also)
        return True

    def channel_of(self, owner: Owner) -> str | None:
        return self.session.scalar(select(ChannelLink.slack_channel_id)
                                   .where(ChannelLink.owner_id == owner.id))
