"""The risk log and due-date change requests of one plan. Never commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.models import Action, DueChange, Owner, Plan, Risk


class RiskLog:
    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan

    def add(self, text: str, likelihood: int, impact: int, owner: Owner | None,
            actions: list[Action], actor: str, now: datetime) -> Risk:
        number = (self.session.scalar(select(func.max(Risk.number))
                                      .where(Risk.plan_id == self.plan.id)) or 0) + 1
        risk = Risk(plan_id=self.plan.id, number=number, text=text, likelihood=likelihood,
                    impact=impact, owner=owner, actions=actions, raised_by=actor, raised_at=now)
        self.session.add(risk)
        self.session.flush()
        audit.record(self.session, self.plan.id, actor, "risk.add", f"risk {number}", now,
                     likelihood=likelihood, impact=impact,
                     actions=[a.ref for a in actions])
        return risk

    def get(self, number: int) -> Risk | None:
        return self.session.scalar(select(Risk).where(Risk.plan_id == self.plan.id,
                                                      Risk.number == number))

    def open_risks(self) -> list[Risk]:
        risks = self.session.scalars(select(Risk).where(Risk.plan_id == self.plan.id,
                                                        Risk.status == "open"))
        return sorted(risks, key=lambda r: (-r.score, r.number))

    def close(self, risk: Risk, note: str, actor: str, now: datetime) -> None:
        risk.status, risk.closed_by, risk.closed_at, risk.close_note = "closed", actor, now, note
        audit.record(self.session, self.plan.id, actor, "risk.close", f"risk {risk.number}", now,
                     note=note)

    def request_due_change(self, action: Action, to_date: date, reason: str, actor: str,
                           now: datetime) -> DueChange:
        change = DueChange(plan_id=self.plan.id, action=action, from_date=action.due_date,
                           to_date=to_date, reason=reason, requested_by=actor, requested_at=now)
        self.session.add(change)
        self.session.flush()
        audit.record(self.session, self.plan.id, actor, "due.request", action.ref, now,
                     to=to_date, reason=reason, request=change.id)
        return change

    def due_change(self, change_id: int) -> DueChange | None:
        return self.session.scalar(select(DueChange).where(DueChange.plan_id == self.plan.id,
                                                           DueChange.id == change_id))

    def pending_due_changes(self) -> list[DueChange]:
        return list(self.session.scalars(
            select(DueChange).where(DueChange.plan_id == self.plan.id,
                                    DueChange.status == "pending").order_by(DueChange.id)))

    def decide(self, change: DueChange, approved: bool, actor: str, now: datetime) -> None:
        """Approve (moving the date, keeping the original as the baseline) or reject."""
        change.status = "approved" if approved else "rejected"
        change.decided_by, change.decided_at = actor, now
        audit.record(self.session, self.plan.id, actor, f"due.{change.status}",
                     change.action.ref, now, request=change.id, to=change.to_date)
        if approved:
            move_due_date(self.session, change.action, change.to_date, actor, now,
                          change.reason)


def move_due_date(session: Session, action: Action, due: date, actor: str, now: datetime,
                  reason: str = "") -> None:
    """Move an action's due date; the first move keeps the original as its baseline."""
    if action.baseline_due_date is None and action.due_kind != "annual":
        action.baseline_due_date = action.due_date
    audit.record(session, action.plan_id, actor, "action.due", action.ref, now,
                 to=due, reason=reason, **{"from": action.due_date})
    action.due_date, action.updated_at = due, now
