"""Light, read-only rows for lists that may run to thousands of items.

Listing overdue actions over a large plan as full ORM objects (with their
owners and milestones eagerly loaded) costs tens of thousands of objects per
request; these rows carry just what a list line shows, from plain column queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Action, ActionOwner, Milestone, Owner


@dataclass(frozen=True, slots=True)
class OwnerRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ActionRow:
    """What a list line shows of an action (the fields `commands.text` reads)."""

    id: int
    ref: str
    text: str
    when_text: str
    due_kind: str
    due_date: date | None
    baseline_due_date: date | None
    status: str
    sort_key: int
    snoozed_until: date | None
    owners: tuple[OwnerRef, ...]


#: Anything a list line can show: a full action, or its light row.
ActionLike = Action | ActionRow
OwnerLike = Owner | OwnerRef


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    id: int
    label: str
    when_text: str
    due_date: date


@dataclass(frozen=True, slots=True)
class DueItem:
    """An action, or one of its milestones, falling due on `due`."""

    action: ActionRow
    due: date
    milestone: MilestoneRow | None = None


@dataclass(frozen=True, slots=True)
class Undated:
    """An open action whose *when* the bot cannot read, and why, in a user's words."""

    action: ActionRow
    why: str


ACTION_COLUMNS = (Action.id, Action.ref, Action.text, Action.when_text, Action.due_kind,
                  Action.due_date, Action.baseline_due_date, Action.status, Action.sort_key,
                  Action.snoozed_until)
MILESTONE_COLUMNS = (Milestone.id, Milestone.label, Milestone.when_text, Milestone.due_date)


def owners_by_action(session: Session, action_ids: Iterable[int]) -> dict[int, tuple[OwnerRef,
                                                                                   ...]]:
    """Each action's owners, in the plan's order, in one query."""
    found: dict[int, list[OwnerRef]] = defaultdict(list)
    ids = sorted(set(action_ids))
    for start in range(0, len(ids), 5000):
        rows = session.execute(
            select(ActionOwner.action_id, Owner.id, Owner.name).join(Owner)
            .where(ActionOwner.action_id.in_(ids[start:start + 5000]))
            .order_by(ActionOwner.action_id, ActionOwner.position))
        for action_id, owner_id, name in rows:
            found[action_id].append(OwnerRef(owner_id, name))
    return {action_id: tuple(owners) for action_id, owners in found.items()}


def action_row(values: Sequence[Any], owners: dict[int, tuple[OwnerRef, ...]]) -> ActionRow:
    fields = values[:len(ACTION_COLUMNS)]
    return ActionRow(*fields, owners.get(values[0], ()))  # type: ignore[call-arg]


def milestone_row(values: Sequence[Any]) -> MilestoneRow:
    return MilestoneRow(*values[len(ACTION_COLUMNS):])
