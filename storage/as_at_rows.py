"""What `storage.as_at` gives back: light, read-only rows of the plan as it stood."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.rows import ActionRow, OwnerRef


@dataclass(frozen=True, slots=True)
class MilestoneAsAt:
    label: str
    when_text: str
    due_date: date
    done: bool


@dataclass(frozen=True, slots=True)
class ActionAsAt:
    """An action as it stood: `row` carries its status and due date at the moment."""

    row: ActionRow
    theme: int
    theme_title: str
    outcome: str
    milestones: tuple[MilestoneAsAt, ...] = ()

    @property
    def owners(self) -> tuple[OwnerRef, ...]:
        return self.row.owners


@dataclass(frozen=True, slots=True)
class Update:
    """One status change: who moved an action from what to what, when, and what they said."""

    action_id: int
    at: datetime
    by: str
    from_status: str
    to_status: str
    note: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ChallengeAsAt:
    """A challenge, with its answer only if it had been given by the moment; `raised_on`
    and `answered_on` are local days."""

    number: int
    ref: str
    at: datetime
    by: str
    text: str
    raised_on: date
    answer: str = ""
    answered_by: str = ""
    answered_at: datetime | None = None
    answered_on: date | None = None


@dataclass(frozen=True, slots=True)
class RiskAsAt:
    """A risk, closed only if it had been closed by the moment; days are local."""

    number: int
    text: str
    likelihood: int
    impact: int
    owner: str
    raised_on: date
    actions: tuple[str, ...]
    closed_on: date | None = None
    close_note: str = ""

    @property
    def score(self) -> int:
        return self.likelihood * self.impact
