"""Writing the audit log: every change to a plan, by whom and when."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import AuditEntry, Plan

COLUMNS = ["plan", "at", "actor", "verb", "subject", "detail"]


def record(session: Session, plan_id: int, actor: str, verb: str, subject: str,
           at: datetime, **detail: Any) -> None:
    """Add one audit entry to the session; the caller's transaction decides its fate."""
    session.add(AuditEntry(plan_id=plan_id, actor=actor, verb=verb, subject=subject, at=at,
                           detail=json.dumps(detail, default=str, sort_keys=True)))


def newest_entry(session: Session, plan_id: int) -> int:
    """The id of the plan's newest audit entry (0: none): every change writes one, so
    whether anything read from the plan could have changed since."""
    return session.scalar(select(func.max(AuditEntry.id)).where(
        AuditEntry.plan_id == plan_id)) or 0


def every_entry(session: Session) -> list[list[str]]:
    """The whole audit log of every plan, oldest first, as rows under `COLUMNS`."""
    return [[slug, e.at.isoformat(), e.actor, e.verb, e.subject, e.detail]
            for e, slug in session.execute(select(AuditEntry, Plan.slug).join(Plan)
                                           .order_by(AuditEntry.at, AuditEntry.id))]
