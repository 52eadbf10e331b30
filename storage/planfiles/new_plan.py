"""A new plan from a table of actions alone: the spreadsheet a business manager already has.

The plan's head comes from the command line (slug, title, dates); priorities from the
table's priority column however it writes them ("1", "Priority 2", "3. Voice of the
child", or a title alone); owners are the names the table uses, created as it names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

#: "Priority 2: Harm outside the home", "2.", "P3 - Voice": a number, then perhaps a title.
_NUMBERED = re.compile(r"^\D{0,20}?(\d{1,3})(?![\da-z])\s*[:.)\-–—]?\s*(.*)$",
                       re.IGNORECASE | re.S)
#: "Priority 1a: Neglect", "1b Early help": no number, but a label the plan uses; such a
#: priority is numbered in order after the numbered ones, and keeps its label.
_LABELLED = re.compile(r"^(\D{0,20}?\d{1,3}[a-z])\b\s*[:.)\-–—]?\s*(.*)$", re.IGNORECASE | re.S)
NO_THEME_TITLE = "Actions"


@dataclass(frozen=True)
class NewPlan:
    slug: str
    title: str
    starts: date
    ends: date


def new_plan_raw(new: NewPlan, records: list[dict[str, Any]]) -> dict[str, Any]:
    """The raw plan (as `build_plan` reads it) of `new` with the table's actions."""
    return {"plan": {"slug": new.slug, "title": new.title, "starts": new.starts,
                     "ends": new.ends, "_where": "the command line"},
            "owners": [], "themes": numbered_themes(records), "actions": records}


def numbered_themes(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each record a theme number (in place) and return the themes they make: a
    numbered priority keeps its number; a labelled one ("Priority 1a") or a title alone
    gets the next number free, in order of first appearance."""
    read = [_theme_of(r.get("theme"), str(r.get("theme_title") or "")) for r in records]
    themes: dict[int, dict[str, Any]] = {}
    for number, title, _ in read:
        if number is not None:
            themes.setdefault(number, {"number": number, "title": title})
            themes[number]["title"] = themes[number]["title"] or title
    named: dict[str, int] = {}
    for record, (number, title, label) in zip(records, read, strict=True):
        if number is None:
            key = (label or title).lower()
            number = named.get(key) or max([0, *themes]) + 1
            named[key] = number
            themes.setdefault(number, {"number": number, "title": title,
                                       **({"label": label} if label else {})})
        record["theme"] = number
    return [{**t, "title": t["title"] or f"Priority {n}"} for n, t in sorted(themes.items())]


def _theme_of(value: object, title: str) -> tuple[int | None, str, str]:
    """A priority cell's number (None if it has none), title and label."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value, title, ""
    if isinstance(value, float) and value.is_integer():
        return int(value), title, ""
    written = " ".join(str(value or "").split())
    if not written:
        return None, title or NO_THEME_TITLE, ""
    if found := _NUMBERED.match(written):
        return int(found[1]), title or found[2].strip(), ""
    if found := _LABELLED.match(written):
        return None, title or found[2].strip() or found[1], found[1]
    return None, title or written, ""
