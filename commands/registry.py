"""The `/lscb` subcommands: registration, dispatch, help and "did you mean".

A subcommand is one function `(ctx, args) -> Reply`; its docstring's first line
is its help line, so the help can never drift from the code.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from commands.context import CommandError, Context, Reply
from commands.layout import ReplyBuilder
from commands.text import escape

Handler = Callable[[Context, str], Reply]


@dataclass(frozen=True)
class Subcommand:
    name: str
    usage: str
    handler: Handler
    aliases: tuple[str, ...] = ()
    admin_only: bool = False
    changes_plan: bool = False

    @property
    def help_line(self) -> str:
        return (self.handler.__doc__ or "").strip().splitlines()[0]


SUBCOMMANDS: dict[str, Subcommand] = {}
_BY_NAME: dict[str, Subcommand] = {}


def subcommand(usage: str, *, aliases: tuple[str, ...] = (), admin_only: bool = False,
               changes_plan: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler under the first word of `usage`; `changes_plan` if it can write."""
    def register(handler: Handler) -> Handler:
        entry = Subcommand(usage.split()[0], usage, handler, aliases, admin_only, changes_plan)
        SUBCOMMANDS[entry.name] = entry
        for name in (entry.name, *aliases):
            _BY_NAME[name] = entry
        return handler
    return register


def only_reads(text: str) -> bool:
    """Whether `/lscb text` can only read the plan, so its reply may be reused."""
    words = text.strip().split(maxsplit=1)
    entry = _BY_NAME.get(words[0].lower()) if words else None
    return entry is None or not entry.changes_plan


def dispatch(ctx: Context, text: str) -> Reply:
    """Answer the text after `/lscb`; a CommandError becomes its own plain reply."""
    words = text.strip().split(maxsplit=1)
    if not words or words[0].lower() in ("help", "?", "-h", "--help"):
        return help_reply(ctx)
    entry = _BY_NAME.get(words[0].lower())
    if entry is None:
        return unknown_reply(ctx, words[0])
    if entry.admin_only and not ctx.caller.is_admin:
        return refusal(f"Only an admin can use `{entry.name}`. Ask the board's business manager.")
    try:
        return entry.handler(ctx, words[1] if len(words) > 1 else "")
    except CommandError as error:
        return refusal(str(error))


def refusal(message: str) -> Reply:
    """A reply that changed nothing; whoever owns the transaction rolls it back."""
    reply = ReplyBuilder().section(message).build()
    reply.is_error = True
    return reply


def help_reply(ctx: Context, preface: str = "") -> Reply:
    builder = ReplyBuilder()
    if preface:
        builder.section(preface)
    builder.header("/lscb: the business plan in Slack")
    shown = sorted((s for s in SUBCOMMANDS.values() if ctx.caller.is_admin or not s.admin_only),
                   key=lambda s: s.admin_only)
    builder.lines([f"`/lscb {escape(s.usage)}` {s.help_line}" for s in shown])
    builder.context("Replies are only visible to you unless a command says otherwise.")
    return builder.build()


def unknown_reply(ctx: Context, word: str) -> Reply:
    close = difflib.get_close_matches(word.lower(), list(_BY_NAME), n=1, cutoff=0.6)
    guess = f" Did you mean `/lscb {close[0]}`?" if close else ""
    reply = help_reply(ctx, f"I don't know `{escape(word[:40])}`.{guess}")
    reply.is_error = True
    return reply
