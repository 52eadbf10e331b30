"""Queries and changes on one plan. Repositories never commit: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.duedates import DATED_KINDS, DueKind
from storage.errors import NoPlan, UnknownAction
from storage.models import (
    Action,
    ActionOwner,
    AuditEntry,
    Cadence,
    Milestone,
    Plan,
    ReportingRow,
    Theme,
    Workspace,
)
from storage.owner_queries import OwnerQueries
from storage.plan_words import plan_words
from storage.progress_queries import ProgressQueries
from storage.returns import Returns
from storage.risk_log import RiskLog
from storage.rows import (
    ACTION_COLUMNS,
    MILESTONE_COLUMNS,
    ActionRow,
    DueItem,
    OwnerLike,
    Undated,
    action_row,
    milestone_row,
    owners_by_action,
)

MAX_REF = 20  # the column's width: a longer "ref" is no ref, and no pattern to search by


def _active_first() -> tuple[ColumnElement[Any], ...]:
    """Plans in the order that makes the active one first: the workspace's, then the newest.

    The team is a bound parameter, so each statement is built once, at import."""
    chosen = select(Workspace.plan_id).where(Workspace.team_id == bindparam("team_id"))
    return (case((Plan.id.in_(chosen), 1), else_=0).desc(), Plan.imported_at.desc(),
            Plan.id.desc())


_ACTIVE_PLAN = select(Plan).order_by(*_active_first()).limit(1)
_ACTIVE_PLAN_MARK = select(
    Plan.id, select(func.max(AuditEntry.id)).where(AuditEntry.plan_id == Plan.id)
    .scalar_subquery()).order_by(*_active_first()).limit(1)


def active_plan(session: Session, team_id: str | None = None) -> Plan:
    """The workspace's plan, else the plan imported most recently."""
    plan = session.scalar(_ACTIVE_PLAN, {"team_id": team_id or ""})
    if plan is None:
        raise NoPlan()
    return plan


def active_plan_mark(session: Session, team_id: str | None = None) -> tuple[int, int] | None:
    """The active plan's id and newest audit entry, in one light query: whether anything
    a reply was built from could have changed."""
    row = session.connection().execute(_ACTIVE_PLAN_MARK, {"team_id": team_id or ""}).first()
    return (row[0], row[1] or 0) if row else None


class PlanRepository(OwnerQueries, ProgressQueries):
    """Everything commands ask of one plan: owners, actions, progress and the planner."""

    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan
        self._known_words: frozenset[str] | None = None

    def known_words(self) -> frozenset[str]:
        """The plan's own words (owners, themes, places), which the data guard does not take
        for a person's name; read once per repository."""
        if self._known_words is None:
            self._known_words = plan_words(self.session, self.plan)
        return self._known_words

    @classmethod
    def for_team(cls, session: Session, team_id: str | None = None) -> PlanRepository:
        return cls(session, active_plan(session, team_id))

    def action(self, ref: str) -> Action:
        wanted = ref.strip().rstrip(".")
        if len(wanted) > MAX_REF:
            raise UnknownAction(wanted[:MAX_REF] + "…", [])
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

    def _owned_by(self, owners: Sequence[OwnerLike]) -> Select[Any]:
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
        items = [DueItem(action_row(r, owned), due) for r in action_rows if (due := r.due_date)]
        milestones_due = [(r, milestone_row(r)) for r in milestone_rows]
        items += [DueItem(action_row(r, owned), m.due_date, m) for r, m in milestones_due]
        return sorted(items, key=lambda i: (i.due, i.action.sort_key))

    def undated(self, owners: Sequence[OwnerLike] | None = None) -> list[Undated]:
        """Open actions whose date the bot cannot read (never overdue, so listed instead)."""
        rows = list(self.session.execute(
            select(*ACTION_COLUMNS, Action.due_warning).where(*self._undated(owners))
            .order_by(Action.sort_key, Action.id)))
        owned = owners_by_action(self.session, [r[0] for r in rows])
        return [Undated(action_row(r, owned), r.due_warning) for r in rows]

    def count_undated(self, owners: Sequence[OwnerLike] | None = None) -> int:
        """How many open actions have no date the bot can read."""
        return self.session.scalar(select(func.count()).select_from(Action)
                                   .where(*self._undated(owners))) or 0

    def _undated(self, owners: Sequence[OwnerLike] | None) -> list[ColumnElement[bool]]:
        conditions = [*self._open_conditions(), Action.due_kind == DueKind.UNPARSED.value]
        if owners is not None:
            conditions.append(Action.id.in_(self._owned_by(owners)))
        return conditions

    def _open_conditions(self) -> tuple[ColumnElement[bool], ...]:
        return (Action.plan_id == self.plan.id, Action.archived.is_(False),
                Action.status != "complete")

    @property
    def risks(self) -> RiskLog:
        return RiskLog(self.session, self.plan)

    @property
    def returns(self) -> Returns:
        return Returns(self.session, self.plan)

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
