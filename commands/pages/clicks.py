"""What a clicked message says afterwards: who did what."""

from __future__ import annotations

from commands.buttons import Snoozed
from commands.page import Bold, Line, Mention, line
from commands.progress import StatusChanged
from commands.text import STATUS_BADGES, day, shorten


def completed_line(user_id: str, changed: StatusChanged) -> Line:
    return line("✅ ", Mention(user_id), " marked ", Bold(changed.ref), " complete.")


def snoozed_line(user_id: str, snoozed: Snoozed) -> Line:
    return line("😴 ", Mention(user_id), " snoozed reminders for ", Bold(snoozed.ref),
                f" until {day(snoozed.until)}.")


def updated_line(user_id: str, changed: StatusChanged) -> Line:
    return line(f"{STATUS_BADGES[changed.now]} ", Mention(user_id), " updated ", Bold(changed.ref),
                f": {shorten(changed.note, 200)}" if changed.note else "")
