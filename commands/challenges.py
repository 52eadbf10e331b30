"""The challenge log that action 1.8 asks for: the board challenged a partner, and when."""

from __future__ import annotations

from commands.context import CommandError, Context, Reply
from commands.detail import find_action
from commands.layout import ReplyBuilder, simple
from commands.registry import subcommand
from commands.text import escape, plural, shorten

MAX_CHALLENGE = 1000


@subcommand("challenge REF TEXT")
def challenge(ctx: Context, args: str) -> Reply:
    """log a challenge to the owner of an action"""
    words = args.split(maxsplit=1)
    if len(words) < 2:
        raise CommandError("Say which action and what the challenge is, e.g. "
                           "`/lscb challenge 2.3 Why are two agencies' S11 returns late?`")
    action = find_action(ctx, words[0])
    if len(words[1]) > MAX_CHALLENGE:
        raise CommandError(f"Keep a challenge under {MAX_CHALLENGE} characters.")
    ctx.repo.add_challenge(action, words[1], ctx.caller.user_id, ctx.now)
    owners = " / ".join(o.name for o in action.owners)
    return simple(f"Challenge logged on *{action.ref}* for {escape(owners)}: "
                  f"“{escape(words[1])}”")


@subcommand("challenges [REF]")
def challenges(ctx: Context, args: str) -> Reply:
    """the challenge log, for the whole plan or one action"""
    action = find_action(ctx, args) if args.strip() else None
    logged = ctx.repo.challenges(action)
    scope = f" on {action.ref}" if action else ""
    if not logged:
        return simple(f"No challenges logged{scope} yet.")
    lines = [f"*{escape(a.ref)}* {c.at.astimezone(ctx.tz):%d %b %Y} <@{escape(c.by)}>: "
             f"{escape(shorten(c.text, 300))}" for c, a in logged]
    return (ReplyBuilder().header(f"Challenge log{scope}: {plural(len(logged), 'challenge')}")
            .lines(lines, "/lscb challenges REF").build())
