"""Dates of birth: a full date that a birth marker, a name or a child's details make one.

For each full date, in order:

1. a birth marker before it ("DOB", "born", "b.", "EDD") makes it a date of birth, unless a
   deadline word stands between ("Born in Bradford study presented 12/03/2015"); a baby's
   due date is one whatever ("unborn baby due 12/12/2014");
2. a date of this year or later, or one too old for a child ("plan" and "old" in `dates`), is
   a date of birth only beside a child's details and with no deadline word before it
   ("Baby B 03/08/2014", not "Baby B review due 31/05/2015");
3. a date a child could have been born on ("past") is one beside a name or a child's
   details, whatever word comes before it ("Saw Jamie Smith on 12/03/2009");
4. without today ("unknown"), a deadline word before the date makes it a plan date (but not
   "on" beside a child's details: "seen with her mum on 12/03/2009"); otherwise a name or a
   child's details beside it make it a date of birth.
"""

from __future__ import annotations

from datetime import date

from storage.guard.cues import NEAR, ChildDetails, birth_due, birth_marked, birth_month, intro
from storage.guard.dates import FullDate, role
from storage.guard.findings import DOB_CHILD, DOB_MARKER, DOB_NAME, Finding
from storage.guard.words import Names


def date_of_birth(text: str, found_dates: list[FullDate], names: Names, details: ChildDetails,
                  today: date | None) -> Finding | None:
    """The first of `found_dates` (`dates.full_dates` of normalised `text`) that looks like a
    date of birth, or a month and year straight after a birth marker."""
    if birth_month(text):
        return DOB_MARKER
    for found in found_dates:
        finding = _judge(text, found, names, details, today)
        if finding is not None:
            return finding
    return None


def _judge(text: str, found: FullDate, names: Names, details: ChildDetails,
           today: date | None) -> Finding | None:
    word = intro(text, found.start)
    if birth_due(text, found.start) or (word in (None, "on")
                                        and birth_marked(text, found.start, found.end)):
        return DOB_MARKER
    where = role(found, today)
    beside_child = details.near(found.start, found.end)
    if where in ("plan", "old"):
        return DOB_CHILD if beside_child and word is None else None
    if where == "unknown" and word is not None and not (word == "on" and beside_child):
        return None
    if beside_child:
        return DOB_CHILD
    if names.beside(text, found.start, found.end) or any(
            names.person_near(found.start, found.end, NEAR)):
        return DOB_NAME
    return None
