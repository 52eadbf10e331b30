"""Queries and changes about progress: statuses, dates, challenges and the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.models import Action, ActionOwner, AuditEntry, Challenge, Plan, StatusChange, Theme
from storage.risk_log import move_due_date
from storage.rows import ActionLike, OwnerLike


class ProgressQueries:
    """The progress side of a plan's repository. Never commits."""

    session: Session
    plan: Plan

    def record_status(self, action: Action, status: str, actor: str, note: str,
                      now: datetime, evidence: str = "") -> StatusChange:
        change = StatusChange(action_id=action.id, at=now, by=actor, from_status=action.status,
                              to_status=status, note=note, evidence=evidence)
        action.status, action.updated_at = status, now
        self.session.add(change)
        audit.record(self.session, self.plan.id, actor, "action.status", action.ref, now,
                     to=status, note=note, **{"from": change.from_status})
        return change

    def latest_changes(self, action: Action, count: int = 2) -> list[StatusChange]:
        """The action's `count` newest status changes, newest first."""
        return list(self.session.scalars(
            select(StatusChange).where(StatusChange.action_id == action.id)
            .order_by(StatusChange.id.desc()).limit(count)))

    def move_due_date(self, action: Action, due: date, actor: str, now: datetime,
                      reason: str = "") -> None:
        move_due_date(self.session, action, due, actor, now, reason)

    def snooze(self, action: Action, until: date, actor: str, now: datetime) -> None:
        """Quiet an action's reminders until `until`; its due date and recurrence stay."""
        action.snoozed_until = until
        audit.record(self.session, self.plan.id, actor, "action.snooze", action.ref, now,
                     until=until)

    def audit_mark(self) -> int:
        """The plan's newest audit entry: every change to the plan writes one."""
        return self.session.connection().scalar(
            select(func.max(AuditEntry.id)).where(AuditEntry.plan_id == self.plan.id)) or 0

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

    def status_counts(self, owners: Sequence[OwnerLike] | None = None
                      ) -> list[tuple[int, str, str, int]]:
        """(theme number, theme title, status, count) for every live action (of `owners`)."""
        query = (select(Theme.number, Theme.title, Action.status, func.count())
                 .join(Action, Action.theme_id == Theme.id)
                 .where(Action.plan_id == self.plan.id, Action.archived.is_(False))
                 .group_by(Theme.number, Theme.title, Action.status).order_by(Theme.number))
        if owners is not None:
            query = query.where(Action.id.in_(select(ActionOwner.action_id).where(
                ActionOwner.owner_id.in_([o.id for o in owners]))))
        return [(n, t, s, c) for n, t, s, c in self.session.execute(query)]

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
