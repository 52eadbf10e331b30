"""The `/lscb` subcommands: registration, dispatch, help and "did you mean".

A subcommand reads its words (`Args`), calls a service and returns the service's page;
its docstring's first line is its help line, so the help can never drift from the code.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from commands.context import CommandError, Context, require_admin
from commands.page import COMMAND, Code, Command, Line, Page, line
from commands.slash.arguments import Args, Part
from commands.words import OURS, Words

Handler = Callable[[Context, Args], Page]
HELP_WORDS = ("help", "?", "-h", "--help")


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


def only_reads(typed: str | Sequence[Part]) -> bool:
    """Whether the command can only read the plan, so its answer may be reused."""
    entry = _BY_NAME.get(Args(typed).peek())
    return entry is None or not entry.changes_plan


def dispatch(ctx: Context, typed: str | Sequence[Part]) -> Page:
    """Answer what follows `/lscb`; a CommandError becomes its own refusal."""
    args = Args(typed)
    word = args.next_word().lower()
    if not word or word in HELP_WORDS:
        return help_page(ctx.caller.is_admin, ctx.words)
    entry = _BY_NAME.get(word)
    if entry is None:
        return unknown_page(word)
    try:
        if entry.admin_only:
            require_admin(ctx, f"use `{entry.name}`")
        return entry.handler(ctx, args)
    except CommandError as error:
        return refusal(error.line)


def refusal(said: Line) -> Page:
    """A page that changed nothing; the caller does not commit."""
    return Page(is_error=True).paragraph(said)


def is_help(typed: str | Sequence[Part]) -> bool:
    word = Args(typed).peek()
    return not word or word in HELP_WORDS


def help_page(is_admin: bool, words: Words = OURS) -> Page:
    """Every subcommand the caller may use, in the plan's words where a command takes them."""
    shown = sorted((s for s in SUBCOMMANDS.values() if is_admin or not s.admin_only),
                   key=lambda s: s.admin_only)
    return (Page().heading(f"{COMMAND}: the business plan in Slack")
            .lines([line(Command(_usage(s, words)), f" {words.said(s.help_line)}")
                    for s in shown])
            .note("Replies are only visible to you unless a command says otherwise."))


def _usage(entry: Subcommand, words: Words) -> str:
    """The usage in the plan's words (`priority N`) when that is a name the command has."""
    said = words.said(entry.usage)
    return said if _BY_NAME.get(said.split()[0].lower()) is entry else entry.usage


def unknown_page(word: str) -> Page:
    """One line: the word is unknown; the nearest command, preferring one it begins."""
    names = sorted(_BY_NAME)
    starting = [n for n in names if n.startswith(word)]
    close = starting or difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    guess = line(" Did you mean ", Command(close[0]), "?") if close else ""
    return refusal(line("I don't know ", Code(word[:40]), ".", guess, " ", Command("help"),
                        " lists every command."))
