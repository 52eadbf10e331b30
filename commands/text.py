"""Small wording helpers every page uses: dates, lateness, statuses, counts."""

from __future__ import annotations

import re
from datetime import date

from storage.rows import ActionLike

STATUS_BADGES = {
    "not-started": "⚪ not started",
    "on-track": "🟢 on track",
    "at-risk": "🟠 at risk",
    "off-track": "🔴 off track",
    "complete": "✅ complete",
}


def shorten(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def day(d: date) -> str:
    """A date the way a UK reader writes it: 31 May 2014."""
    return f"{d.day} {d:%b %Y}"


def when(action: ActionLike) -> str:
    """The plan's own wording, with the derived date beside it when it differs."""
    wording = action.when_text
    if action.due_date is None:
        return f"{wording} (no fixed date)" if action.due_kind == "event" else wording
    derived = day(action.due_date)
    if action.baseline_due_date and action.baseline_due_date != action.due_date:
        derived += f" (re-baselined; originally {day(action.baseline_due_date)})"
    return derived if wording == derived else f"{wording} → {derived}"


def status(action: ActionLike) -> str:
    return STATUS_BADGES.get(action.status, action.status)


def overdue_by(due: date, today: date) -> str:
    days = (today - due).days
    if days >= 730:
        return f"{days // 365} years overdue"
    if days >= 60:
        return f"{days // 30} months overdue"
    if days >= 14:
        return f"{days // 7} weeks overdue"
    return f"{days} day{'s' if days != 1 else ''} overdue"


def whole_number(text: str, digits: int = 9) -> int | None:
    """A plain whole number as people type one ("12", not "²" or 30 digits), else None."""
    return int(text) if re.fullmatch(f"[0-9]{{1,{digits}}}", text) else None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{agreeing(count, '', 's')}"


def agreeing(count: int, one: str, many: str) -> str:
    """The word that agrees with `count`: `one` for 1 ("has", "it"), else `many`."""
    return one if count == 1 else many


def theme_name(number: int, title: str, label: str = "") -> str:
    """A theme as its plan names it: "1. Leadership", or "Priority 1a: Neglect"."""
    return f"{label}: {title}" if label else f"{number}. {title}"
