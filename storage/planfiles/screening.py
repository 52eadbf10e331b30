"""The data guard over a plan file: no field of a public plan may hold a child's details.

Every text field `build_plan` reads is screened as it is read, so a refusal names the same
place as every other problem (row, sheet and row, theme and entry) and the field, and never
quotes the data. Free text (action text, outcome, when, milestone labels, reporting rows...)
is read with the file's own structural words as vocabulary (board, title, places, owners and
aliases, theme titles), and dates against the plan's start, since a plan's own dates come
after it is written. The structural names themselves are read with no vocabulary, so a name
cannot excuse itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from storage.guard import personal_data_in, words_of

#: Fields that name the plan's own structure, or refer to it (owner names in an action).
STRUCTURAL = frozenset({"slug", "title", "board", "places", "name", "aliases", "kind", "key",
                        "rule", "status", "owners", "by", "copy_to"})


@dataclass(frozen=True)
class Screen:
    words: frozenset[str] = frozenset()
    today: date | None = None

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Screen:
        """The vocabulary and the day of a raw plan file, however malformed it is."""
        head: dict[str, Any] = raw["plan"] if isinstance(raw.get("plan"), dict) else {}
        names = [head.get("board"), head.get("title"), *_listed(head.get("places"))]
        for owner in _records(raw.get("owners")):
            names += [owner.get("name"), *_listed(owner.get("aliases"))]
        names += [theme.get("title") for theme in _records(raw.get("themes"))]
        return cls(words_of([n for n in names if isinstance(n, str)]), _day(head.get("starts")))

    def problem(self, value: str, key: str, where: str) -> str | None:
        """The problem to report if `value`, read from `key` at `where`, holds child data."""
        known = frozenset() if key in STRUCTURAL else self.words
        finding = personal_data_in(value, known, self.today)
        if finding is None:
            return None
        return (f"{where}: field “{key}”: {finding.reason}; the plan is public, so it must "
                f"not hold a child's name, date of birth, address or NHS number")


def _records(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _listed(value: object) -> list[object]:
    if isinstance(value, str):
        return list(value.replace(";", "\n").splitlines())
    return list(value) if isinstance(value, list) else []


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
