"""The challenge log that action 1.8 asks for: the board challenged a partner, and the answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from commands.context import CommandError, Context
from commands.lookup import find_action
from commands.page import Command
from commands.progress import check_may_change
from commands.safety import typed_text


@dataclass(frozen=True)
class ChallengeEntry:
    number: int
    ref: str
    owners: str
    at: datetime
    by: str
    text: str
    answer: str = ""
    answered_by: str = ""


@dataclass(frozen=True)
class ChallengeLog:
    ref: str | None
    entries: list[ChallengeEntry]


def log_challenge(ctx: Context, ref: str, text: str) -> ChallengeEntry:
    """Log a challenge to the owners of an action (anyone may)."""
    if not ref or not text.strip():
        raise CommandError("Say which action and what the challenge is, e.g. ",
                           Command("challenge 2.3 Why are two agencies' S11 returns late?"))
    action = find_action(ctx, ref)
    typed_text(ctx, text, "challenge")
    challenge = ctx.repo.add_challenge(action, text, ctx.caller.user_id, ctx.now)
    return ChallengeEntry(challenge.id, action.ref, " / ".join(o.name for o in action.owners),
                          challenge.at, challenge.by, challenge.text)


def challenge_log(ctx: Context, ref: str = "") -> ChallengeLog:
    """The challenge log, for the whole plan or one action, newest first."""
    action = find_action(ctx, ref) if ref.strip() else None
    return ChallengeLog(action.ref if action else None, [
        ChallengeEntry(c.id, a.ref, " / ".join(o.name for o in a.owners), c.at, c.by, c.text,
                       c.answer, c.answered_by) for c, a in ctx.repo.challenges(action)])


def answer_challenge(ctx: Context, number: int | None, text: str) -> ChallengeEntry:
    """Answer challenge `number` (the action's owner, or an admin)."""
    if number is None or not text.strip():
        raise CommandError("Say which challenge and the answer, e.g. ",
                           Command("answer 3 Returns chased; both in by 30 Nov"), ".")
    found = ctx.repo.challenge(number)
    if found is None:
        raise CommandError(f"There is no challenge #{number}; ", Command("challenges"),
                           " lists them.")
    challenge, action = found
    check_may_change(ctx, action)
    ctx.repo.answer_challenge(challenge, action, typed_text(ctx, text, "answer"),
                              ctx.caller.user_id, ctx.now)
    return ChallengeEntry(challenge.id, action.ref, " / ".join(o.name for o in action.owners),
                          challenge.at, challenge.by, challenge.text, text, ctx.caller.user_id)
