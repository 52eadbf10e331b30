"""A reporting period as it stood at its end: the actions then, and what owners said in it.

The quarterly and the yearly report are both built from a `Period`, so "as at" means the
same in each: statuses, due dates and milestones as they were on the last day (or today,
if that is sooner), and the owners' commentary given within the period, or in the
quarterly returns given for it afterwards (`commands.quarterly`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from commands.context import Context
from commands.text import STATUS_BADGES, day, overdue_by
from storage.as_at import BOT_ACTOR, ActionAsAt, MilestoneAsAt, PlanAsAt, Update
from storage.duedates import DATED_KINDS

FLAGGED = ("off-track", "at-risk")


@dataclass(frozen=True)
class Commentary:
    """What an owner last said about an action in the period, and on which day."""

    note: str
    day: date
    by: str
    status: str


@dataclass(frozen=True)
class Item:
    """One line of a report: an action, or one of its milestones, and why it is there."""

    action: ActionAsAt
    why: str
    wording: str
    due: date | None
    overdue_days: int = 0
    commentary: Commentary | None = None
    milestone: str = ""

    @property
    def ref(self) -> str:
        return self.action.row.ref

    @property
    def status(self) -> str:
        return self.action.row.status

    @property
    def owners(self) -> str:
        return " / ".join(o.name for o in self.action.owners)

    @property
    def text(self) -> str:
        return f"Milestone: {self.milestone}" if self.milestone else self.action.row.text


@dataclass
class Period:
    first: date
    as_of: date
    start: datetime
    source: PlanAsAt
    actions: list[ActionAsAt]
    updates: list[Update]
    commentary: dict[int, Commentary] = field(default_factory=dict)
    updated: set[int] = field(default_factory=set)
    by_id: dict[int, ActionAsAt] = field(default_factory=dict)

    def action(self, action_id: int) -> ActionAsAt | None:
        return self.by_id.get(action_id)

    def said(self, update: Update) -> Commentary:
        return Commentary(update.note.strip(), self.day_of(update.at), update.by,
                          update.to_status)

    def day_of(self, at: datetime) -> date:
        return at.astimezone(self.source.tz).date()


def period(ctx: Context, first: date, last: date) -> Period:
    """The plan from `first` to `last` (or today, if sooner), as it stood at the end; an
    owner's quarterly return for the period gives the action's RAG for it."""
    as_of = min(ctx.today, last)
    start = datetime.combine(first, time.min, tzinfo=ctx.tz)
    end = datetime.combine(as_of, time.max, tzinfo=ctx.tz)
    source = PlanAsAt(ctx.repo.session, ctx.repo.plan, end, ctx.tz)
    returns = ctx.repo.returns.given(first, last)
    actions = [replace(a, row=replace(a.row, status=returns[a.row.id].status))
               if a.row.id in returns else a for a in source.actions()]
    found = Period(first, as_of, start, source, actions, source.updates(start),
                   by_id={a.row.id: a for a in actions})
    for update in found.updates:
        if update.by != BOT_ACTOR:
            found.updated.add(update.action_id)
            if update.note.strip():
                found.commentary[update.action_id] = found.said(update)
    for action_id, given in returns.items():
        found.updated.add(action_id)  # the owners' quarterly returns, given after the end
        if given.commentary.strip():
            found.commentary[action_id] = Commentary(given.commentary.strip(),
                                                     found.day_of(given.at), given.by,
                                                     given.status)
    return found


def overdue_days(action: ActionAsAt, as_of: date) -> int:
    row = action.row
    if row.status == "complete" or row.due_kind not in DATED_KINDS or row.due_date is None:
        return 0
    return max(0, (as_of - row.due_date).days)


def exceptions(found: Period) -> list[Item]:
    """Off track, at risk or overdue, and every missed milestone, in plan order."""
    items = []
    for action in found.actions:
        row = action.row
        if row.status == "complete":
            continue
        late = overdue_days(action, found.as_of)
        reasons = [STATUS_BADGES[row.status]] if row.status in FLAGGED else []
        if late and row.due_date:
            reasons.append(overdue_by(row.due_date, found.as_of))
        note = found.commentary.get(row.id)
        if reasons:
            items.append(Item(action, " · ".join(reasons), row.when_text, row.due_date, late,
                              note))
        items += [missed(action, m, found.as_of, note) for m in action.milestones
                  if not m.done and m.due_date < found.as_of]
    return items


def missed(action: ActionAsAt, milestone: MilestoneAsAt, as_of: date,
           note: Commentary | None) -> Item:
    why = f"milestone missed · {overdue_by(milestone.due_date, as_of)}"
    return Item(action, why, milestone.when_text, milestone.due_date,
                (as_of - milestone.due_date).days, note, milestone.label)


def highlights(found: Period) -> list[Item]:
    """Completed, or back on track from at risk or off track, within the period."""
    items = []
    for update in found.updates:
        action = found.action(update.action_id)
        back = update.to_status == "on-track" and update.from_status in FLAGGED
        if action is None or not (update.to_status == "complete" or back):
            continue
        word = "complete" if update.to_status == "complete" else "back on track"
        note = found.said(update) if update.note.strip() else \
            found.commentary.get(update.action_id)
        why = f"{STATUS_BADGES[update.to_status].split()[0]} {word} on " \
              f"{day(found.day_of(update.at))}"
        items.append(Item(action, why, action.row.when_text, action.row.due_date,
                          overdue_days(action, found.as_of), note))
    return items


def item_of(action: ActionAsAt, found: Period, why: str = "") -> Item:
    """An action as a report line, with its status, lateness and commentary."""
    late = overdue_days(action, found.as_of)
    words = why or STATUS_BADGES.get(action.row.status, action.row.status)
    if late and action.row.due_date and not why:
        words += f" · {overdue_by(action.row.due_date, found.as_of)}"
    return Item(action, words, action.row.when_text, action.row.due_date, late,
                found.commentary.get(action.row.id))
