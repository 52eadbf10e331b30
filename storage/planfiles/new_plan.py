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
#: "Priority 1a" is no number: such a priority is titled as written, numbered in order.
_NUMBERED = re.compile(r"^\D{0,20}?(\d{1,3})(?![\da-z])\s*[:.)\-–—]?\s*(.*)$",
                       re.IGNORECASE | re.S)
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
    numbered priority keeps its number, a title alone gets the next number free."""
    read = [_theme_of(r.get("theme"), str(r.get("theme_title") or "")) for r in records]
    titles: dict[int, str] = {}
    for number, title in read:
        if number is not None:
            titles[number] = titles.get(number) or title
    by_title: dict[str, int] = {}
    for record, (number, title) in zip(records, read, strict=True):
        if number is None:
            number = by_title.get(title.lower()) or max([0, *titles]) + 1
            by_title[title.lower()] = number
            titles.setdefault(number, title)
        record["theme"] = number
    return [{"number": n, "title": t or f"Priority {n}"} for n, t in sorted(titles.items())]


def _theme_of(value: object, title: str) -> tuple[int | None, str]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, title
    if isinstance(value, float) and value.is_integer():
        return int(value), title
    written = " ".join(str(value or "").split())
    if not written:
        return None, title or NO_THEME_TITLE
    found = _NUMBERED.match(written)
    if found:
        return int(found[1]), title or found[2].strip()
    return None, title or written
