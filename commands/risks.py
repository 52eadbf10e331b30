"""`/lscb risk add|list|close`: the risk log, open to every subgroup."""

from __future__ import annotations

import re

from commands.context import CommandError, Context, Reply
from commands.detail import find_action
from commands.layout import ReplyBuilder, simple
from commands.listing import resolve_owner
from commands.registry import subcommand
from commands.safety import refuse_personal_data
from commands.text import day, escape, plural, whole_number
from storage.models import Action, Owner, Risk

_OPTION = re.compile(r"\b(likelihood|impact|owner|actions|l|i)=(\"[^\"]*\"|\S+)", re.I)
ADD_USAGE = ("`/lscb risk add likelihood=4 impact=3 owner=pmqa actions=2.3,2.4 Late S11 "
             "returns from two agencies` (likelihood and impact 1 to 5)")


@subcommand("risk add|list|close", changes_plan=True)
def risk(ctx: Context, args: str) -> Reply:
    """the risk log: `risk add …`, `risk list`, `risk close N [note]`"""
    verb, _, rest = args.strip().partition(" ")
    handlers = {"add": add_risk, "list": list_risks, "": list_risks, "close": close_risk}
    if verb.lower() not in handlers:
        raise CommandError(f"Use `/lscb risk add …`, `/lscb risk list` or "
                           f"`/lscb risk close N`. To add: {ADD_USAGE}")
    return handlers[verb.lower()](ctx, rest.strip())


def add_risk(ctx: Context, args: str) -> Reply:
    options = {k.lower()[0]: v.strip('"') for k, v in _OPTION.findall(args)}
    text = " ".join(_OPTION.sub("", args).split())
    if not text or "l" not in options or "i" not in options:
        raise CommandError(f"Describe the risk with its likelihood and impact: {ADD_USAGE}")
    likelihood, impact = _score(options["l"], "likelihood"), _score(options["i"], "impact")
    owner: Owner | None = resolve_owner(ctx, options["o"]) if "o" in options else None
    actions: list[Action] = [find_action(ctx, ref) for ref in
                             filter(None, options.get("a", "").split(","))]
    found = ctx.repo.risks.add(refuse_personal_data(text), likelihood, impact, owner, actions,
                               ctx.caller.user_id, ctx.now)
    return simple(f"Risk R{found.number} logged: {escape(text)} · L{likelihood}×I{impact}="
                  f"{found.score}" + (f" · threatens {', '.join(a.ref for a in actions)}"
                                      if actions else ""))


def _score(value: str, name: str) -> int:
    score = whole_number(value, digits=1)
    if score is None or not 1 <= score <= 5:
        raise CommandError(f"The {name} is a number from 1 (low) to 5 (high), not "
                           f"“{escape(value[:10])}”.")
    return score


def risk_line(found: Risk) -> str:
    owner = f" · {escape(found.owner.name)}" if found.owner else ""
    threatens = (f" · threatens {', '.join(a.ref for a in found.actions)}"
                 if found.actions else "")
    return (f"*R{found.number}* {escape(found.text)} · L{found.likelihood}×I{found.impact}="
            f"*{found.score}*{owner}{threatens} · raised {day(found.raised_at.date())}")


def list_risks(ctx: Context, args: str) -> Reply:
    risks = ctx.repo.risks.open_risks()
    if not risks:
        return simple("The risk log has no open risks. Add one: " + ADD_USAGE)
    return (ReplyBuilder().header(f"Risk log: {plural(len(risks), 'open risk')}")
            .lines([risk_line(r) for r in risks], "/lscb report").build())


def close_risk(ctx: Context, args: str) -> Reply:
    number, _, note = args.lstrip("Rr#").partition(" ")
    wanted = whole_number(number)
    found = ctx.repo.risks.get(wanted) if wanted is not None else None
    if found is None or found.status != "open":
        raise CommandError(f"There is no open risk {escape(number[:10]) or '(none given)'}; "
                           f"`/lscb risk list` shows them.")
    linked = {o.id for o in ctx.caller_owners()}
    if not ctx.caller.is_admin and (found.owner is None or found.owner.id not in linked):
        raise CommandError("Only the risk's owner, or an admin, can close it.")
    ctx.repo.risks.close(found, refuse_personal_data(note.strip()), ctx.caller.user_id,
                         ctx.now)
    return simple(f"Risk R{found.number} closed.")
