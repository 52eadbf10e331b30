"""`action REF`: everything about one action."""

from __future__ import annotations

from commands.context import CommandError, Context, Reply
from commands.layout import ReplyBuilder
from commands.registry import subcommand
from commands.text import day, escape, overdue_by, status, when
from storage.errors import UnknownAction
from storage.models import Action


def find_action(ctx: Context, args: str) -> Action:
    ref = args.split()[0] if args.split() else ""
    if not ref:
        raise CommandError("Which action? Give its reference, e.g. `2.3`.")
    try:
        return ctx.repo.action(ref)
    except UnknownAction as error:
        if error.suggestions:
            raise CommandError(escape(str(error))) from error
        numbers = [t.number for t in ctx.repo.themes()]
        span = f"{min(numbers)} to {max(numbers)}" if numbers else "none yet"
        raise CommandError(f"{escape(str(error))} The plan's themes are {span}: "
                           f"`/lscb theme N` lists a theme's actions.") from error


@subcommand("action REF")
def action(ctx: Context, args: str) -> Reply:
    """everything about one action: owner, when, outcome, milestones, updates, challenges"""
    found = find_action(ctx, args)
    builder = ReplyBuilder().header(f"Action {found.ref}")
    builder.section(escape(found.text))
    lateness = ""
    if found.due_date and found.due_date < ctx.today and found.status != "complete":
        lateness = f" · *{overdue_by(found.due_date, ctx.today)}*"
    builder.section("\n".join([
        f"*Theme:* {found.theme.number}. {escape(found.theme.title)}",
        f"*Owner:* {escape(' / '.join(o.name for o in found.owners))}",
        f"*When:* {when(found)}{lateness}",
        f"*Status:* {status(found)}",
        f"*What we are trying to achieve:* {escape(found.outcome) or '—'}",
    ]))
    if found.milestones:
        builder.lines(["*Milestones*"] + [
            f"{'✅' if m.done else '⬜'} {escape(m.label)} · {escape(m.when_text)} → "
            f"{day(m.due_date)}" for m in found.milestones])
    updates = ctx.repo.updates(found)
    if updates:
        builder.lines(["*Latest updates*"] + [
            f"{u.at.astimezone(ctx.tz):%d %b %Y} <@{escape(u.by)}>: {u.from_status} → "
            f"{u.to_status}{' · ' + escape(u.note) if u.note else ''}" for u in updates])
    challenges = ctx.repo.challenges(found)
    if challenges:
        builder.lines(["*Challenges*"] + [
            f"{c.at.astimezone(ctx.tz):%d %b %Y} <@{escape(c.by)}>: {escape(c.text)}"
            for c, _ in challenges[:5]], f"/lscb challenges {found.ref}")
    return builder.build()
