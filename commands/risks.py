"""The risk log, open to every subgroup: risks to delivering the plan, scored L × I."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commands.context import CommandError, Context, NotPermitted
from commands.lookup import find_action, resolve_owner
from commands.page import Command
from commands.safety import typed_text
from commands.text import whole_number
from storage.models import Risk

ADD_USAGE = Command("risk add likelihood=4 impact=3 owner=pmqa actions=2.3,2.4 Late S11 "
                    "returns from two agencies")


@dataclass(frozen=True)
class RiskEntry:
    number: int
    text: str
    likelihood: int
    impact: int
    owner: str
    actions: list[str]
    raised: date

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


def _entry(risk: Risk) -> RiskEntry:
    return RiskEntry(risk.number, risk.text, risk.likelihood, risk.impact,
                     risk.owner.name if risk.owner else "", [a.ref for a in risk.actions],
                     risk.raised_at.date())


def read_score(value: str, name: str) -> int:
    score = whole_number(value.strip(), digits=1)
    if score is None or not 1 <= score <= 5:
        raise CommandError(f"The {name} is a number from 1 (low) to 5 (high), not "
                           f"“{value[:10]}”.")
    return score


def add_risk(ctx: Context, text: str, likelihood: str, impact: str, owner: str = "",
             refs: list[str] | None = None) -> RiskEntry:
    """Log a risk; only the owner's people or an admin may attribute it to an owner."""
    if not text.strip() or not likelihood or not impact:
        raise CommandError("Describe the risk with its likelihood and impact (1 to 5): ",
                           ADD_USAGE)
    scores = read_score(likelihood, "likelihood"), read_score(impact, "impact")
    found = resolve_owner(ctx, owner) if owner.strip() else None
    if found and not (ctx.caller.is_admin or ctx.speaks_for([found])):
        raise NotPermitted(f"Only people linked to {found.name}, or an admin, can log a risk "
                           f"as {found.name}'s. Log it without an owner, or ask them.")
    actions = [find_action(ctx, ref) for ref in refs or []]
    risk = ctx.repo.risks.add(typed_text(ctx, text, "risk"), *scores, found, actions,
                              ctx.caller.user_id, ctx.now)
    return _entry(risk)


def open_risks(ctx: Context) -> list[RiskEntry]:
    """The open risks, highest score first."""
    return [_entry(r) for r in ctx.repo.risks.open_risks()]


def close_risk(ctx: Context, number: int | None, note: str) -> RiskEntry:
    """Close an open risk (its owner's people, or an admin)."""
    if number is None:
        raise CommandError("Say which risk to close: ", Command("risk close N note"), "; ",
                           Command("risk list"), " shows their numbers.")
    found = ctx.repo.risks.get(number)
    if found is None or found.status != "open":
        raise CommandError(f"There is no open risk {number}; ", Command("risk list"),
                           " shows them.")
    if not ctx.caller.is_admin and (found.owner is None or not ctx.speaks_for([found.owner])):
        raise NotPermitted("Only the risk's owner, or an admin, can close it.")
    ctx.repo.risks.close(found, typed_text(ctx, note.strip(), "note"), ctx.caller.user_id, ctx.now)
    return _entry(found)
