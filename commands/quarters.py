"""Reading the quarter a user asks for; the quarter arithmetic is `storage.periods`.

Plan quarters: Q1 is the first three months of the plan year (April to June by default).
"""

from __future__ import annotations

import re
from datetime import date

from commands.context import CommandError
from commands.page import Code
from storage.periods import YEARS, Quarter, make_quarter, quarter_of

__all__ = ["Quarter", "make_quarter", "quarter_of", "read_quarter"]

_QUARTER = re.compile(r"^(?:q([1-4])\s*([0-9]{4})(?:\s*/\s*[0-9]{2,4})?|([0-9]{4})"
                      r"(?:\s*/\s*[0-9]{2,4})?\s*q([1-4]))$", re.I)


def read_quarter(text: str, today: date, plan_starts: date) -> Quarter:
    """`Q2 2014/15`, `2014/15 Q2`, `q2 2014`; nothing means the quarter we are in."""
    words = " ".join(text.split())
    if not words:
        return quarter_of(today, plan_starts)
    match = _QUARTER.match(words)
    if not match:
        raise CommandError(f"I can't read “{words[:40]}” as a quarter. Try ", Code("Q2 2014/15"),
                           f" (plan quarters: Q1 starts in {plan_starts:%B}).")
    number, year = (match[1], match[2]) if match[1] else (match[4], match[3])
    if int(year) not in YEARS:
        raise CommandError(f"{year} is not a year this plan could report on.")
    return make_quarter(int(year), int(number), plan_starts)
