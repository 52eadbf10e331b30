"""Queries and changes on one plan. Repositories never commit: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from storage import audit
from storage.duedates import DueKind
from storage.errors import NoPlan, OwnerNotFound, UnknownAction
from storage.models import (
    Action,
    ActionOwner,
    AuditEntry,
    Cadence,
    Challenge,
    ChannelLink,
    Milestone,
    Owner,
    OwnerAlias,
    Plan,
    ReportingRow,
    StatusChange,
    Theme,
    UserLink,
    Workspace,
)
from storage.names import name_key
from storage.risk_log import RiskLog, move_due_date
from storage.rows import (
    ACTION_COLUMNS,
    MILESTONE_COLUMNS,
    ActionLike,
    ActionRow,
    DueItem,
    OwnerLike,
    action_row,
    milestone_row,
    owners_by_action,
)

DATED_KINDS = (DueKind.DATE.value, DueKind.ANNUAL.value)


def active_plan(session: Session, team_id: str | None = None) -> Plan:
    """The workspace's plan, else the plan imported most recently."""
    if team_id:
        plan = session.scalar(select(Plan).join(Workspace).where(Workspace.team_id == team_id))
        if plan is not None:
            return plan
    plan = session.scalar(select(Plan).order_by(Plan.imported_at.desc(), Plan.id.desc()).limit(1))
    if plan is None:
        raise NoPlan()
    return plan


class PlanRepository:
    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan

    @classmethod
    def for_team(cls, session: Session, team_id: str | None = None) -> PlanRepository:
        return cls(session, active_plan(session, team_id))

    # Owners -----------------------------------------------------------------

    def owners(self) -> list[Owner]:
        return list(self.session.scalars(
            select(Owner).where(Owner.plan_id == self.plan.id).order_by(Owner.name)))

    def resolve_owner(self, query: str) -> Owner:
        """The one owner a name, alias or unambiguous abbreviation means."""
        key = name_key(query)
        if not key:
            raise OwnerNotFound(query, [])
        exact = self._owners_matching(OwnerAlias.key == key)
        if len(exact) == 1:
            return exact[0]
        words = or_(OwnerAlias.key.startswith(key, autoescape=True),
                    OwnerAlias.key.contains(" " + key, autoescape=True))
        found = exact or self._owners_matching(words)
        if len(found) == 1:
            return found[0]
        raise OwnerNotFound(query, sorted(o.name for o in found))

    def _owners_matching(self, condition: object) -> list[Owner]:
        return list(self.session.scalars(
            select(Owner).join(OwnerAlias).where(OwnerAlias.plan_id == self.plan.id, condition)
            .distinct().order_by(Owner.name)))

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

    def channel_of(self, owner: Owner) -> str | None:
        return self.session.scalar(select(ChannelLink.slack_channel_id)
                                   .where(ChannelLink.owner_id == owner.id))

    # Actions ----------------------------------------------------------------

    def action(self, ref: str) -> Action:
        wanted = ref.strip().rstrip(".")
        action = self.session.scalar(self._actions().where(Action.ref == wanted))
        if action is None:
            raise UnknownAction(wanted, self._refs_like(wanted))
        return action

    def _refs_like(self, ref: str) -> list[str]:
        theme = ref.split(".")[0]
        refs = self.session.scalars(select(Action.ref).where(
            Action.plan_id == self.plan.id, Action.archived.is_(False),
            Action.ref.startswith(theme + ".", autoescape=True)).order_by(Action.sort_key))
        return list(refs)[:5]

    def _actions(self) -> Select[tuple[Action]]:
        return (select(Action).where(Action.plan_id == self.plan.id, Action.archived.is_(False))
                .order_by(Action.sort_key, Action.id))

    def actions(self, owners: Sequence[OwnerLike] | None = None,
                theme: int | None = None) -> list[ActionRow]:
        """Live actions in plan order, as light rows: by owner, by theme, or all."""
        query = (select(*ACTION_COLUMNS).where(Action.plan_id == self.plan.id,
                                               Action.archived.is_(False))
                 .order_by(Action.sort_key, Action.id))
        if owners is not None:
            query = query.where(Action.id.in_(self._owned_by(owners)))
        if theme is not None:
            query = query.join(Theme).where(Theme.number == theme)
        rows = list(self.session.execute(query))
        owned = owners_by_action(self.session, [r[0] for r in rows])
        return [action_row(r, owned) for r in rows]

    def _owned_by(self, owners: Sequence[OwnerLike]) -> Select[tuple[int]]:
        return select(ActionOwner.action_id).where(
            ActionOwner.owner_id.in_([o.id for o in owners]))

    def count_actions(self) -> int:
        return self.session.scalar(select(func.count()).select_from(
            self._actions().order_by(None).subquery())) or 0

    def themes(self) -> list[Theme]:
        return list(self.session.scalars(
            select(Theme).where(Theme.plan_id == self.plan.id).order_by(Theme.number)))

    def overdue(self, today: date, owners: Sequence[OwnerLike] | None = None) -> list[DueItem]:
        """Open actions and milestones whose date is before `today`, oldest first."""
        return self.falling_due(date.min, today, owners, before=True)

    def falling_due(self, first: date, last: date, owners: Sequence[OwnerLike] | None = None,
                    *, before: bool = False) -> list[DueItem]:
        """Open actions and milestones due from `first` to `last` (or before `last`)."""
        in_window = (Action.due_date < last) if before else Action.due_date.between(first, last)
        actions = select(*ACTION_COLUMNS).where(*self._open_conditions(),
                                                Action.due_kind.in_(DATED_KINDS), in_window)
        m_window = (Milestone.due_date < last) if before else Milestone.due_date.between(first,
                                                                                          last)
        milestones = (select(*ACTION_COLUMNS, *MILESTONE_COLUMNS).join(Action)
                      .where(*self._open_conditions(), Milestone.done.is_(False), m_window))
        if owners is not None:
            actions = actions.where(Action.id.in_(self._owned_by(owners)))
            milestones = milestones.where(Action.id.in_(self._owned_by(owners)))
        action_rows = list(self.session.execute(actions))
        milestone_rows = list(self.session.execute(milestones))
        owned = owners_by_action(self.session, [r[0] for r in [*action_rows, *milestone_rows]])
        items = [DueItem(action_row(r, owned), r.due_date) for r in action_rows]
        items += [DueItem(action_row(r, owned), r[-1], milestone_row(r)) for r in milestone_rows]
        return sorted(items, key=lambda i: (i.due, i.action.sort_key))

    def _open_conditions(self) -> tuple[object, ...]:
        return (Action.plan_id == self.plan.id, Action.archived.is_(False),
                Action.status != "complete")

    def _open(self) -> Select[tuple[Action]]:
        return select(Action).where(*self._open_conditions())

    def record_status(self, action: Action, status: str, actor: str, note: str,
                      now: datetime, evidence: str = "") -> StatusChange:
        change = StatusChange(action_id=action.id, at=now, by=actor, from_status=action.status,
                              to_status=status, note=note, evidence=evidence)
        action.status, action.updated_at = status, now
        self.session.add(change)
        audit.record(self.session, self.plan.id, actor, "action.status", action.ref, now,
                     to=status, note=note, **{"from": change.from_status})
        return change

    def move_due_date(self, action: Action, due: date, actor: str, now: datetime,
                      reason: str = "") -> None:
        move_due_date(self.session, action, due, actor, now, reason)

    @property
    def risks(self) -> RiskLog:
        return RiskLog(self.session, self.plan)

    def snooze(self, action: Action, until: date, actor: str, now: datetime) -> None:
        """Quiet an action's reminders until `until`; its due date and recurrence stay."""
        action.snoozed_until = until
        audit.record(self.session, self.plan.id, actor, "action.snooze", action.ref, now,
                     until=until)

    def audit_mark(self) -> int:
        """The plan's newest audit entry: every change to the plan writes one."""
        return self.session.scalar(select(func.max(AuditEntry.id))
                                   .where(AuditEntry.plan_id == self.plan.id)) or 0

    def history(self, ref: str) -> list[AuditEntry]:
        return list(self.session.scalars(
            select(AuditEntry).where(AuditEntry.plan_id == self.plan.id,
                                     AuditEntry.subject == ref)
            .order_by(AuditEntry.at, AuditEntry.id)))

    def changes_between(self, first: datetime, last: datetime) -> list[tuple[StatusChange,
                                                                               Action]]:
        return [(c, a) for c, a in self.session.execute(
            select(StatusChange, Action).join(Action).where(
                Action.plan_id == self.plan.id, StatusChange.at >= first,
                StatusChange.at <= last).order_by(StatusChange.at, StatusChange.id))]

    def status_counts(self) -> list[tuple[int, str, str, int]]:
        """(theme number, theme title, status, count) for every live action."""
        rows = self.session.execute(
            select(Theme.number, Theme.title, Action.status, func.count())
            .join(Action, Action.theme_id == Theme.id)
            .where(Action.plan_id == self.plan.id, Action.archived.is_(False))
            .group_by(Theme.number, Theme.title, Action.status).order_by(Theme.number))
        return [(n, t, s, c) for n, t, s, c in rows]

    def latest_notes(self, actions: Sequence[ActionLike]) -> dict[int, str]:
        """Each action's most recent status note, in one query."""
        latest = (select(StatusChange.action_id, func.max(StatusChange.id).label("id"))
                  .where(StatusChange.action_id.in_([a.id for a in actions]))
                  .group_by(StatusChange.action_id).subquery())
        rows = self.session.execute(select(StatusChange.action_id, StatusChange.note)
                                    .join(latest, StatusChange.id == latest.c.id))
        return {action_id: note for action_id, note in rows}

    def updates(self, action: Action, limit: int = 3) -> list[StatusChange]:
        return list(self.session.scalars(
            select(StatusChange).where(StatusChange.action_id == action.id)
            .order_by(StatusChange.at.desc(), StatusChange.id.desc()).limit(limit)))

    def add_challenge(self, action: Action, text: str, actor: str, now: datetime) -> Challenge:
        challenge = Challenge(action_id=action.id, at=now, by=actor, text=text)
        self.session.add(challenge)
        self.session.flush()
        audit.record(self.session, self.plan.id, actor, "challenge.add", action.ref, now)
        return challenge

    def challenge(self, challenge_id: int) -> tuple[Challenge, Action] | None:
        row = self.session.execute(select(Challenge, Action).join(Action).where(
            Action.plan_id == self.plan.id, Challenge.id == challenge_id)).first()
        return (row[0], row[1]) if row else None

    def answer_challenge(self, challenge: Challenge, action: Action, answer: str, actor: str,
                         now: datetime) -> None:
        challenge.answer, challenge.answered_by, challenge.answered_at = answer, actor, now
        audit.record(self.session, self.plan.id, actor, "challenge.answer", action.ref, now,
                     challenge=challenge.id)

    def challenges(self, action: Action | None = None) -> list[tuple[Challenge, Action]]:
        query = (select(Challenge, Action).join(Action).where(Action.plan_id == self.plan.id)
                 .order_by(Challenge.at.desc(), Challenge.id.desc()))
        if action is not None:
            query = query.where(Action.id == action.id)
        return [(c, a) for c, a in self.session.execute(query)]

    def cadence(self, key: str) -> Cadence | None:
        return self.session.scalar(select(Cadence).where(Cadence.plan_id == self.plan.id,
                                                         Cadence.key == key))

    def set_rule(self, cadence: Cadence, rule: str, actor: str, now: datetime) -> None:
        audit.record(self.session, self.plan.id, actor, "cadence.rule", cadence.key, now,
                     to=rule, **{"from": cadence.rule})
        cadence.rule = rule

    def reporting_rows(self) -> list[ReportingRow]:
        return list(self.session.scalars(select(ReportingRow).where(
            ReportingRow.plan_id == self.plan.id).order_by(ReportingRow.position)))
