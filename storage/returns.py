"""Owners' quarterly returns of one plan: given, and read back for a report. Never commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit
from storage.models import Action, Plan, QuarterReturn


class Returns:
    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan

    def give(self, action: Action, period_end: date, status: str, commentary: str, by: str,
             at: datetime) -> QuarterReturn:
        """An action's return for the period ending `period_end`; given again, it replaces
        the first (one return an action a quarter, the latest word kept)."""
        found = self.session.scalar(select(QuarterReturn).where(
            QuarterReturn.action_id == action.id, QuarterReturn.period_end == period_end))
        given = found or QuarterReturn(plan_id=self.plan.id, action_id=action.id,
                                       period_end=period_end)
        given.status, given.commentary, given.by, given.at = status, commentary, by, at
        self.session.add(given)
        audit.record(self.session, self.plan.id, by, "return.give", action.ref, at,
                     period_end=period_end, status=status)
        return given

    def given(self, first: date, last: date) -> dict[int, QuarterReturn]:
        """Each action's latest return for a period ending from `first` to `last`."""
        rows = self.session.scalars(select(QuarterReturn).where(
            QuarterReturn.plan_id == self.plan.id, QuarterReturn.period_end >= first,
            QuarterReturn.period_end <= last).order_by(QuarterReturn.period_end,
                                                       QuarterReturn.at))
        return {r.action_id: r for r in rows}

    def of_action(self, action_id: int) -> list[QuarterReturn]:
        """Every return given for one action, the latest period first."""
        return list(self.session.scalars(select(QuarterReturn).where(
            QuarterReturn.plan_id == self.plan.id, QuarterReturn.action_id == action_id)
            .order_by(QuarterReturn.period_end.desc())))
