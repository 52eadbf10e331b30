"""Everything about one action, and every change made to it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from commands.context import Context
from commands.lookup import find_action
from commands.text import overdue_by, status, theme_name, when
from storage.refs import parent_ref, sub_refs


@dataclass(frozen=True)
class MilestoneLine:
    label: str
    when_text: str
    due: date
    done: bool


@dataclass(frozen=True)
class UpdateLine:
    at: datetime
    by: str
    from_status: str
    to_status: str
    note: str


@dataclass(frozen=True)
class ChallengeLine:
    at: datetime
    by: str
    text: str


@dataclass(frozen=True)
class ActionDetail:
    ref: str
    text: str
    theme: str
    owners: list[str]
    when: str
    lateness: str
    status: str
    outcome: str
    milestones: list[MilestoneLine]
    updates: list[UpdateLine]
    challenges: list[ChallengeLine]
    part_of: str = ""  # the parent action's reference, for a sub-action (1.1a is part of 1.1)
    parts: tuple[str, ...] = ()  # the sub-actions' references


@dataclass(frozen=True)
class Change:
    at: datetime
    actor: str
    verb: str
    values: dict[str, object]


@dataclass(frozen=True)
class History:
    ref: str
    changes: list[Change]


def action_detail(ctx: Context, ref: str) -> ActionDetail:
    """The action's text, theme, owner, when, status, outcome, milestones, updates and
    challenges."""
    found = find_action(ctx, ref)
    late = ""
    if found.due_date and found.due_date < ctx.today and found.status != "complete":
        late = overdue_by(found.due_date, ctx.today)
    return ActionDetail(
        found.ref, found.text, theme_name(found.theme.number, found.theme.title,
                                          found.theme.label),
        [o.name for o in found.owners], when(found), late, status(found), found.outcome,
        [MilestoneLine(m.label, m.when_text, m.due_date, m.done) for m in found.milestones],
        [UpdateLine(u.at, u.by, u.from_status, u.to_status, u.note)
         for u in ctx.repo.updates(found)],
        [ChallengeLine(c.at, c.by, c.text) for c, _ in ctx.repo.challenges(found)],
        part_of=parent_ref(found.ref) or "",
        # by reference alone, as `part_of` is: a plan may file a part under another theme
        parts=tuple(sub_refs(found.ref, (a.ref for a in ctx.repo.actions()))))


def history(ctx: Context, ref: str) -> History:
    """Every audited change to an action, oldest first."""
    action = find_action(ctx, ref)
    return History(action.ref, [Change(e.at, e.actor, e.verb, json.loads(e.detail or "{}"))
                                for e in ctx.repo.history(action.ref)])
