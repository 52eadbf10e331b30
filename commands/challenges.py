"""The challenge log that action 1.8 asks for: the board challenged a partner, and when."""

from __future__ import annotations

from commands.context import CommandError, Context, Reply
from commands.detail import find_action
from commands.layout import ReplyBuilder, simple
from commands.progress import check_may_change
from commands.registry import subcommand
from commands.safety import refuse_personal_data
from commands.text import escape, plural, shorten, whole_number

MAX_CHALLENGE = 1000


@subcommand("challenge REF TEXT", changes_plan=True)
def challenge(ctx: Context, args: str) -> Reply:
    """log a challenge to the owner of an action"""
    words = args.split(maxsplit=1)
    if len(words) < 2:
        raise CommandError("Say which action and what the challenge is, e.g. "
                           "`/lscb challenge 2.3 Why are two agencies' S11 returns late?`")
    action = find_action(ctx, words[0])
    if len(words[1]) > MAX_CHALLENGE:
        raise CommandError(f"Keep a challenge under {MAX_CHALLENGE} characters.")
    refuse_personal_data(words[1])
    owners = " / ".join(o.name for o in action.owners)
    challenge = ctx.repo.add_challenge(action, words[1], ctx.caller.user_id, ctx.now)
    return simple(f"Challenge #{challenge.id} logged on *{action.ref}* for {escape(owners)}: "
                  f"“{escape(words[1])}”")


@subcommand("challenges [REF]")
def challenges(ctx: Context, args: str) -> Reply:
    """the challenge log, for the whole plan or one action"""
    action = find_action(ctx, args) if args.strip() else None
    logged = ctx.repo.challenges(action)
    scope = f" on {action.ref}" if action else ""
    if not logged:
        return simple(f"No challenges logged{scope} yet.")
    lines = [f"*#{c.id}* *{escape(a.ref)}* {c.at.astimezone(ctx.tz):%d %b %Y} "
             f"<@{escape(c.by)}>: {escape(shorten(c.text, 300))}"
             + (f"\n   ↳ answered by <@{escape(c.answered_by)}>: {escape(shorten(c.answer, 300))}"
                if c.answer else " · _not yet answered_") for c, a in logged]
    return (ReplyBuilder().header(f"Challenge log{scope}: {plural(len(logged), 'challenge')}")
            .lines(lines, "/lscb challenges REF").build())


@subcommand("answer N TEXT", changes_plan=True)
def answer(ctx: Context, args: str) -> Reply:
    """answer challenge N (the action's owner, or an admin)"""
    words = args.split(maxsplit=1)
    number = whole_number(words[0].lstrip("#")) if len(words) == 2 else None
    if number is None:
        raise CommandError("Say which challenge and the answer, e.g. "
                           "`/lscb answer 3 Returns chased; both in by 30 Nov`.")
    found = ctx.repo.challenge(number)
    if found is None:
        raise CommandError(f"There is no challenge #{escape(words[0].lstrip('#'))}; "
                           f"`/lscb challenges` lists them.")
    challenge, action = found
    check_may_change(ctx, action)
    if len(words[1]) > MAX_CHALLENGE:
        raise CommandError(f"Keep an answer under {MAX_CHALLENGE} characters.")
    ctx.repo.answer_challenge(challenge, action, refuse_personal_data(words[1]),
                              ctx.caller.user_id, ctx.now)
    return simple(f"Challenge #{challenge.id} on *{action.ref}* answered: "
                  f"“{escape(words[1])}”")
