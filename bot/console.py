"""The local console: `/lscb` without Slack, on the same services and the same pages.

Type `/lscb overdue` (or just `overdue`); `as Chair` or `as U123` changes who you are;
`today 2014-10-15` travels in time; `quit` leaves. Lines are edited and remembered with
readline where the terminal has it; Ctrl-C cancels the line, Ctrl-D leaves.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from bot.answers import Asker, answer
from bot.config import Settings
from commands.page import COMMAND, Page
from commands.render_text import to_text
from commands.slash.registry import HELP_WORDS
from storage.database import Database
from storage.errors import NoPlan
from storage.repository import active_plan

CONSOLE_USER = "UCONSOLE"
#: The console's stand-in workspace: `lscb console --sample NAME` makes it work from that
#: sample; until then it works, as a workspace with no plan chosen does, from the newest.
CONSOLE_TEAM = "TCONSOLE"
PROMPT = "lscb> "
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")

WELCOME = """lscb console: the business plan bot, without Slack.
You are the business manager (an admin). Try:
  {c} overdue{p}        {c} my-actions{p}      {c} action 6.1{p}     {c} help
  as Chair             (see what the Chair sees; `as admin` to come back)
  today 2014-10-15     (travel in time; `today` alone shows the date in use)
  quit
"""
CONSOLE_WORDS = """
The console's own words
=======================
as OWNER        speak as an owner (`as Chair`), a Slack user (`as U123`) or `as admin`
today DATE      pretend it is DATE (2014-10-15); `today` alone says which day it is
quit            leave (or Ctrl-D); Ctrl-C cancels the line you are typing"""


@dataclass(frozen=True)
class Who:
    """Who the console is speaking as: an admin, an owner (`as Chair`) or a Slack user."""

    user_id: str = CONSOLE_USER
    acting_as: tuple[str, ...] | None = None
    is_admin: bool | None = True

    @classmethod
    def parse(cls, name: str) -> Who:
        name = name.strip()
        if name.lower() in ("admin", "me", ""):
            return cls()
        if _USER_ID.match(name):
            return cls(user_id=name, is_admin=None)
        return cls(acting_as=(name,), is_admin=False)

    def describe(self) -> str:
        if self.acting_as:
            return f"as {self.acting_as[0]}"
        return "as the admin" if self.user_id == CONSOLE_USER else f"as Slack user {self.user_id}"

    @property
    def asker(self) -> Asker:
        return Asker(self.user_id, CONSOLE_TEAM, self.acting_as, self.is_admin)


def without_command(text: str, command: str) -> str:
    """What follows the slash command, as the workspace calls it or by its own name."""
    text = text.strip()
    for name in (command, COMMAND):
        if text == name or text.startswith(name + " "):
            return text[len(name):].strip()
    return text


def ask_page(database: Database, settings: Settings, who: Who, text: str,
             plan: str = "") -> Page:
    """The page `/lscb text` answers for `who` (from the plan `plan` names, if it does)."""
    return answer(database, settings, replace(who.asker, plan=plan),
                  without_command(text, settings.command), lambda page: page)


def ask(database: Database, settings: Settings, who: Who, text: str, plan: str = "") -> str:
    """Answer one `/lscb …` line and render it as text."""
    return shown(ask_page(database, settings, who, text, plan), text, settings.command)


def shown(page: Page, text: str, command: str = COMMAND) -> str:
    """The page as the console prints it; the help adds the console's own words."""
    if without_command(text, command).lower() in ("", *HELP_WORDS):
        return to_text(page, command=command) + "\n" + CONSOLE_WORDS
    return to_text(page, command=command)


def welcome(command: str) -> str:
    """The console's first words, with the slash command as this workspace calls it."""
    return WELCOME.format(c=command, p=" " * max(0, len(COMMAND) - len(command)))


def typed_lines(prompt: str = PROMPT) -> Iterator[str]:
    """What a person types at the prompt; Ctrl-C cancels the line, Ctrl-D ends."""
    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401  (line editing and history for input())
    while True:
        try:
            yield input(prompt)
        except KeyboardInterrupt:
            print()
        except EOFError:
            print()
            return


def run_console(database: Database, settings: Settings, lines: Iterable[str],
                write: Callable[[str], None], plan: str = "") -> None:
    """The read-answer loop; `lines` is what people type, a list for tests; `plan` is the
    slug of the plan to work from (default: the active one)."""
    who = Who()
    write(welcome(settings.command))
    if settings.today is None and (tip := _travel_tip(database, settings)):
        write(tip)
    for line in lines:
        command = line.strip()
        if command in ("quit", "exit", "q"):
            break
        if not command:
            continue
        if command.startswith("as "):
            who = Who.parse(command[3:])
            write(f"Now speaking {who.describe()}.")
        elif command == "today" or command.startswith("today "):
            settings = _travel(settings, command[5:].strip(), write)
        else:
            write(ask(database, settings, who, command, plan))


def _travel_tip(database: Database, settings: Settings) -> str:
    """For a plan that is over or not yet begun, how to see it as it stood mid-way."""
    with database.unit_of_work() as session:
        try:
            plan = active_plan(session, CONSOLE_TEAM)
        except NoPlan:
            return ""
        starts, ends = plan.starts, plan.ends
    if starts <= settings.local_date() <= ends:
        return ""
    middle = starts + (ends - starts) / 2
    return (f"Tip: this plan runs from {starts:%Y} to {ends:%Y}; `today {middle:%Y-%m-%d}` "
            f"shows it as it stood then.")


def _travel(settings: Settings, value: str, write: Callable[[str], None]) -> Settings:
    if value:
        try:
            settings = replace(settings, today=date.fromisoformat(value))
        except ValueError:
            write(f"“{value}” is not a date like 2014-10-15.")
            return settings
    shown = settings.local_date()
    write(f"Today is {shown:%A %d %B %Y}{'' if settings.today else ' (the real date)'}.")
    return settings
