"""The local console: `/lscb` without Slack, on the same logic and the same Block Kit.

Type `/lscb overdue` (or just `overdue`); `as Chair` or `as U123` changes who you
are; `today 2014-10-15` travels in time; `quit` leaves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from bot.answers import answer
from bot.config import Settings
from bot.render import render_blocks
from storage.database import Database

CONSOLE_USER = "UCONSOLE"
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")

WELCOME = """lscb console: the business plan bot, without Slack.
You are the business manager (an admin). Try:
  /lscb overdue        /lscb my-actions      /lscb action 6.1     /lscb help
  as Chair             (see what the Chair sees; `as admin` to come back)
  today 2014-10-15     (travel in time; `today` alone shows the date in use)
  quit
"""


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


def ask(database: Database, settings: Settings, who: Who, line: str) -> str:
    """Answer one `/lscb …` line and render it as text."""
    text = line.strip()
    text = text[len("/lscb"):] if text.startswith("/lscb") else text
    reply = answer(database, settings, user_id=who.user_id, text=text,
                   acting_as=who.acting_as, is_admin=who.is_admin)
    return render_blocks(reply.blocks, reply.text)


def run_console(database: Database, settings: Settings, lines: Iterable[str],
                write: Callable[[str], None]) -> None:
    """The read-answer loop; `lines` is stdin for people, a list for tests."""
    who = Who()
    write(WELCOME)
    if settings.today is None:
        write("Tip: the sample plan ran from 2014 to 2017; `today 2014-10-15` shows it as it "
              "stood then.")
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
            write(ask(database, settings, who, command))


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
