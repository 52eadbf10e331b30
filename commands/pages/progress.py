"""What a change of status says back."""

from __future__ import annotations

from commands.page import Bold, Line, Page, line
from commands.progress import StatusChanged
from commands.text import STATUS_BADGES, day


def status_changed_line(changed: StatusChanged) -> Line:
    tail = ""
    if changed.due_again:
        tail = f" It is annual, so it is due again on {day(changed.due_again)}."
    elif changed.last_year:
        tail = " That was its last year in this plan."
    return line(Bold(changed.ref), f" is now {STATUS_BADGES[changed.now]} "
                f"(was {STATUS_BADGES[changed.was]}).{tail}")


def status_changed_page(changed: StatusChanged) -> Page:
    return Page().paragraph(status_changed_line(changed))
