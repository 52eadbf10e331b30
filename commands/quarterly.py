"""The owners' quarterly return: each lead's RAG and short commentary on their open actions,
given in the weeks after a quarter ends (`commands.returns_window`), for the board's
monitoring report, which uses it as each action's commentary for the quarter. Owners who
have not answered hear a reminder a week before returns are due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commands.context import CommandError, Context, FieldError, NotPermitted
from commands.lookup import find_action
from commands.page import Command
from commands.progress import change_status, read_status
from commands.quarters import Quarter
from commands.returns_window import due_date, return_window
from storage.models import STATUSES, Owner
from storage.rows import ActionRow

MAX_RETURN_LINES = 45  # two inputs an action, in a modal of at most 100 blocks


@dataclass(frozen=True)
class ReturnLine:
    ref: str
    text: str
    status: str
    commentary: str  # what this owner's return already says, if it was given


@dataclass(frozen=True)
class ReturnForm:
    owner: str
    owner_id: int
    quarter: Quarter
    due: date
    lines: list[ReturnLine]
    left_out: int  # open actions past what one modal holds: `/lscb update` takes them


def _owner(ctx: Context, owner_id: int) -> Owner:
    found = next((o for o in ctx.repo.owners() if o.id == owner_id), None)
    if found is None:
        raise CommandError("That return is for an owner this plan no longer has.")
    if not (ctx.caller.is_admin or ctx.speaks_for([found])):
        raise NotPermitted(f"Only people linked to {found.name}, or an admin, can give its "
                           f"quarterly return. If that's you, ask an admin to link you.")
    return found


def open_actions(ctx: Context, owner: Owner) -> list[ActionRow]:
    return [a for a in ctx.repo.actions([owner]) if a.status != "complete"]


def return_form(ctx: Context, owner_id: int, quarter: Quarter) -> ReturnForm:
    """What the return's modal shows: the owner's open actions, each with its status and
    what the owner's return for the quarter already says."""
    owner = _owner(ctx, owner_id)
    actions = open_actions(ctx, owner)
    given = ctx.repo.returns.given(quarter.last, quarter.last)
    lines = [ReturnLine(a.ref, a.text, a.status,
                        given[a.id].commentary if a.id in given else "")
             for a in actions[:MAX_RETURN_LINES]]
    return ReturnForm(owner.name, owner.id, quarter, due_date(quarter), lines,
                      max(0, len(actions) - MAX_RETURN_LINES))


def give_return(ctx: Context, owner_id: int, quarter: Quarter,
                entries: dict[str, tuple[str, str]]) -> list[str]:
    """Record the return: each action's status and commentary, as an update of its own
    (so the reasons for amber and red, the guard and the history apply). The refs given."""
    owner = _owner(ctx, owner_id)
    given = []
    for ref, (status, commentary) in entries.items():
        if status not in STATUSES:
            raise FieldError(f"status:{ref}", "Choose one of the statuses offered.")
        action = find_action(ctx, ref)
        if owner.id not in {o.id for o in action.owners}:
            raise CommandError(f"{action.ref} is not one of {owner.name}'s actions.")
        try:
            change_status(ctx, action, status, commentary, for_quarter=quarter)
        except CommandError as error:
            raise FieldError(f"note:{ref}", error.line) from error
        given.append(action.ref)
    return given


def return_one(ctx: Context, ref: str, status: str, commentary: str) -> tuple[str, Quarter]:
    """`/lscb return REF STATUS commentary`: one action's return for the quarter just ended,
    given as the owner the caller speaks for (or, for an admin, its first owner)."""
    quarter = return_window(ctx)
    if quarter is None:
        raise CommandError("There is no quarterly return to give today: returns are given "
                           "in the three weeks after a quarter ends. ",
                           Command(f"update {ref or 'REF'} STATUS note"),
                           " records progress now.")
    action = find_action(ctx, ref)
    mine = [o for o in action.owners if ctx.speaks_for([o])] or (
        list(action.owners)[:1] if ctx.caller.is_admin else [])
    if not mine:
        raise NotPermitted(f"Only people linked to {' / '.join(o.name for o in action.owners)}"
                           f", or an admin, can give {action.ref}'s return.")
    give_return(ctx, mine[0].id, quarter, {action.ref: (read_status(status), commentary)})
    return action.ref, quarter
