"""The memory of signed requests answered in the last few minutes (see `SeenRequest`).

A request is claimed, in a transaction of its own, before it is handled: the first
claim of a signature wins (the primary key decides, on SQLite and PostgreSQL alike,
whichever process asks); a later one gets the first one's answer, or nothing while
that answer is still being made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.ledger import insert_for
from storage.models import SeenRequest


@dataclass(frozen=True)
class Earlier:
    """How the first of these requests was answered (`status` None: not yet)."""

    status: int | None
    content_type: str
    answer: str


def claim(session: Session, signature: str, now: datetime, keep: timedelta) -> Earlier | None:
    """None when this is the first time `signature` is seen within `keep` (it is now
    remembered); otherwise how it was answered. Forgets what is older than `keep`."""
    session.execute(delete(SeenRequest).where(SeenRequest.seen_at < now - keep))
    statement = (insert_for(session, SeenRequest)
                 .values(signature=signature, seen_at=now, content_type="", answer="")
                 .on_conflict_do_nothing(index_elements=["signature"])
                 .returning(SeenRequest.signature))
    if session.scalar(statement) is not None:
        return None
    row = session.scalars(select(SeenRequest).where(SeenRequest.signature == signature)).one()
    return Earlier(row.status, row.content_type, row.answer)


def answered(session: Session, signature: str, status: int, content_type: str,
             answer: str) -> None:
    """Remember how the request was answered, for a replay to be given the same."""
    row = session.get(SeenRequest, signature)
    if row is not None:
        row.status, row.content_type, row.answer = status, content_type, answer


def forget(session: Session, signature: str) -> None:
    """The request failed before it was answered: a retry may apply it after all."""
    session.execute(delete(SeenRequest).where(SeenRequest.signature == signature))
