"""Finding what a caller names: an action by its reference, an owner by any spelling."""

from __future__ import annotations

from commands.context import CommandError, Context
from commands.page import Code, Command
from storage.errors import OwnerNotFound, UnknownAction
from storage.models import Action, Owner


def find_action(ctx: Context, ref: str) -> Action:
    """The live action `ref` names, or a refusal that says what the plan has."""
    ref = ref.strip()
    if not ref:
        raise CommandError("Which action? Give its reference, e.g. ", Code("2.3"), ".")
    try:
        return ctx.repo.action(ref)
    except UnknownAction as error:
        if error.suggestions:
            raise CommandError(str(error)) from error
        numbers = [t.number for t in ctx.repo.themes()]
        span = f"{min(numbers)} to {max(numbers)}" if numbers else "none yet"
        raise CommandError(ctx.words.said(f"{error} The plan's themes are {span}: "),
                           Command("theme N"), ctx.words.said(" lists a theme's actions.")
                           ) from error


def resolve_owner(ctx: Context, name: str) -> Owner:
    """The one owner a name, alias or abbreviation means, or a refusal naming candidates."""
    try:
        return ctx.repo.resolve_owner(name)
    except OwnerNotFound as error:
        if error.candidates:
            raise CommandError(str(error)) from error
        raise CommandError(f"No owner is called “{name[:80]}”. ", Command("owners"),
                           " lists them all.") from error
