"""Pages for the challenge log."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from commands.challenges import ChallengeEntry, ChallengeLog
from commands.page import Bold, Italic, Line, Mention, Page, line
from commands.text import plural, shorten


def challenge_logged_page(entry: ChallengeEntry) -> Page:
    return Page().paragraph(f"Challenge #{entry.number} logged on ", Bold(entry.ref),
                            f" for {entry.owners}: “{entry.text}”")


def challenge_answered_page(entry: ChallengeEntry) -> Page:
    return Page().paragraph(f"Challenge #{entry.number} on ", Bold(entry.ref),
                            f" answered: “{entry.answer}”")


def challenge_log_page(log: ChallengeLog, tz: ZoneInfo) -> Page:
    scope = f" on {log.ref}" if log.ref else ""
    if not log.entries:
        return Page().paragraph(f"No challenges logged{scope} yet.")
    return (Page().heading(f"Challenge log{scope}: {plural(len(log.entries), 'challenge')}")
            .items(log.entries, lambda c: _entry_line(c, tz), "/lscb challenges REF"))


def _entry_line(entry: ChallengeEntry, tz: ZoneInfo) -> Line:
    answer = (line("\n   ↳ answered by ", Mention(entry.answered_by),
                   f": {shorten(entry.answer, 300)}") if entry.answer
              else line(" · ", Italic("not yet answered")))
    return line(Bold(f"#{entry.number}"), " ", Bold(entry.ref),
                f" {entry.at.astimezone(tz):%d %b %Y} ", Mention(entry.by),
                f": {shorten(entry.text, 300)}", answer)
