"""The plan as it stood at a moment, rebuilt from its history, for reports on a past quarter.

Today's rows say how things are now; a report "as at 30 Sep 2014" must show how they were
then. A value is the current one unless something changed it after the moment; then the
first such change's "from" is what it was at the moment:
- an action's status: `status_changes` (from, to, at);
- its due date: the audit log's `action.due` entries (from, to, as JSON);
- whether it was in the plan: each `plan.import` entry lists the refs it created and
  archived (the plan's first import is the published plan, in force from its start);
- a milestone counts as done once its action was completed on or after its date (that
  is when `done` marks it);
- risks by raised_at and closed_at; challenges by at, and their answers by answered_at.
The history does not keep the rest, so it is shown as it is now: an action's owners,
theme, text and wording.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.as_at_rows import ActionAsAt, ChallengeAsAt, MilestoneAsAt, RiskAsAt, Update
from storage.models import (
    Action,
    AuditEntry,
    Challenge,
    Milestone,
    Plan,
    Risk,
    StatusChange,
    Theme,
)
from storage.rows import ACTION_COLUMNS, action_row, owners_by_action

__all__ = ["BOT_ACTOR", "ActionAsAt", "ChallengeAsAt", "MilestoneAsAt", "PlanAsAt", "RiskAsAt",
           "Update"]

#: The bot's own changes (an annual action rolling on to next year) are not commentary.
BOT_ACTOR = "lscb"


class PlanAsAt:
    """Queries on one plan as it stood at `moment`. Reads only; a handful of queries each."""

    def __init__(self, session: Session, plan: Plan, moment: datetime, tz: ZoneInfo) -> None:
        self.session, self.plan, self.moment, self.tz = session, plan, moment, tz

    def actions(self) -> list[ActionAsAt]:
        """Every action in the plan at the moment, in plan order, with its status then."""
        created, archived = self._imports_after()
        rows = [r for r in self.session.execute(
            select(*ACTION_COLUMNS, Theme.number, Theme.title, Action.outcome, Action.archived)
            .join(Theme, Action.theme_id == Theme.id).where(Action.plan_id == self.plan.id)
            .order_by(Action.sort_key, Action.id))
            if r.ref not in created and (not r.archived or r.ref in archived)]
        owned = owners_by_action(self.session, [r.id for r in rows])
        status = self._first_after(select(StatusChange.action_id, StatusChange.from_status)
                                   .join(Action).where(Action.plan_id == self.plan.id,
                                                       StatusChange.at > self.moment)
                                   .order_by(StatusChange.at, StatusChange.id))
        due = self._due_dates_after()
        milestones = self._milestones([r.id for r in rows])
        return [ActionAsAt(replace(action_row(r, owned), status=status.get(r.id, r.status),
                                   due_date=due.get(r.ref, r.due_date)),
                           r.number, r.title, r.outcome, milestones.get(r.id, ()))
                for r in rows]

    def updates(self, first: datetime) -> list[Update]:
        """The status changes from `first` to the moment, oldest first."""
        rows = self.session.scalars(
            select(StatusChange).join(Action).where(
                Action.plan_id == self.plan.id, StatusChange.at >= first,
                StatusChange.at <= self.moment).order_by(StatusChange.at, StatusChange.id))
        return [Update(c.action_id, c.at, c.by, c.from_status, c.to_status, c.note, c.evidence)
                for c in rows]

    def challenges(self, first: datetime) -> list[ChallengeAsAt]:
        """Challenges raised from `first` to the moment, or earlier and still open at `first`;
        an answer only if it was given by the moment."""
        rows = self.session.execute(
            select(Challenge, Action.ref).join(Action).where(
                Action.plan_id == self.plan.id, Challenge.at <= self.moment,
                or_(Challenge.at >= first, Challenge.answered_at.is_(None),
                    Challenge.answered_at >= first)).order_by(Challenge.at, Challenge.id))
        found = []
        for c, ref in rows:
            answered = c.answered_at is not None and c.answered_at <= self.moment
            found.append(ChallengeAsAt(c.id, ref, c.at, c.by, c.text, self._day(c.at), *(
                (c.answer, c.answered_by, c.answered_at, self._day(c.answered_at))
                if answered and c.answered_at else ())))
        return found

    def risks(self, first: datetime | None = None) -> list[RiskAsAt]:
        """Risks open at the moment, or (given `first`) open at any time from `first` to it;
        highest score first."""
        still_open = Risk.closed_at > (self.moment if first is None else first)
        risks = self.session.scalars(select(Risk).where(
            Risk.plan_id == self.plan.id, Risk.raised_at <= self.moment,
            or_(Risk.closed_at.is_(None), still_open)))
        found = [RiskAsAt(r.number, r.text, r.likelihood, r.impact,
                          r.owner.name if r.owner else "", self._day(r.raised_at),
                          tuple(a.ref for a in r.actions),
                          *((self._day(r.closed_at), r.close_note) if r.closed_at is not None
                            and r.closed_at <= self.moment else ()))
                 for r in risks]
        return sorted(found, key=lambda r: (-r.score, r.number))

    def _first_after(self, query: object) -> dict[int, str]:
        first: dict[int, str] = {}
        for key, value in self.session.execute(query):  # type: ignore[call-overload]
            first.setdefault(key, value)
        return first

    def _due_dates_after(self) -> dict[str, date | None]:
        """Each moved action's due date before its first move after the moment, by ref."""
        due: dict[str, date | None] = {}
        for ref, detail in self._audit_after("action.due"):
            if ref not in due:
                was = json.loads(detail).get("from")
                due[ref] = date.fromisoformat(was) if was else None
        return due

    def _imports_after(self) -> tuple[set[str], set[str]]:
        """The refs later imports created (not there yet) and archived (still there)."""
        first_import = self.session.scalar(select(func.min(AuditEntry.id)).where(
            AuditEntry.plan_id == self.plan.id, AuditEntry.verb == "plan.import"))
        created: set[str] = set()
        archived: set[str] = set()
        for _, detail in self._audit_after("plan.import", after_id=first_import or 0):
            found = json.loads(detail)
            created.update(found.get("created", ()))
            archived.update(found.get("archived", ()))
        return created, archived

    def _audit_after(self, verb: str, after_id: int = 0) -> list[tuple[str, str]]:
        return [(s, d) for s, d in self.session.execute(
            select(AuditEntry.subject, AuditEntry.detail).where(
                AuditEntry.plan_id == self.plan.id, AuditEntry.verb == verb,
                AuditEntry.at > self.moment, AuditEntry.id > after_id)
            .order_by(AuditEntry.at, AuditEntry.id))]

    def _milestones(self, action_ids: list[int]) -> dict[int, tuple[MilestoneAsAt, ...]]:
        """Milestones done at the moment: done now, and the action completed on or after
        the milestone's date by then."""
        completed: dict[int, datetime] = dict(self.session.execute(  # type: ignore[arg-type]
            select(StatusChange.action_id, func.max(StatusChange.at)).join(Action).where(
                Action.plan_id == self.plan.id, StatusChange.to_status == "complete",
                StatusChange.at <= self.moment).group_by(StatusChange.action_id)).all())
        wanted = set(action_ids)
        found: dict[int, list[MilestoneAsAt]] = defaultdict(list)
        for m in self.session.scalars(select(Milestone).join(Action).where(
                Action.plan_id == self.plan.id).order_by(Milestone.due_date, Milestone.id)):
            if m.action_id in wanted:
                last = completed.get(m.action_id)
                done = m.done and last is not None and self._day(last) >= m.due_date
                found[m.action_id].append(MilestoneAsAt(m.label, m.when_text, m.due_date, done))
        return {action_id: tuple(ms) for action_id, ms in found.items()}

    def _day(self, at: datetime) -> date:
        if at.tzinfo is None:  # max() over SQLite comes back naive; the column stores UTC
            at = at.replace(tzinfo=UTC)
        return at.astimezone(self.tz).date()
