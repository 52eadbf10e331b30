"""Refuse text that looks like a child's personal data before it is stored or posted.

The business plan is public, but notes on updates, challenges and risks are typed by people in
Slack, and plan files are typed in Word and Excel, and both can drift into case detail. This
package spots the three shapes that matter most:

* a valid NHS or CHI number (ten digits passing the modulus-11 check, however grouped:
  `nhs`);
* a date of birth: a full date beside a birth marker, a child's details or a person's name,
  unless it reads as a plan date (`birth`, `dates`, `cues`);
* a full UK postcode beside a person's name, a child's details or a home address
  (`postcodes`).

Text is normalised first (`text.normalise`: what Word and Outlook paste). Names are capitalised
words that are neither ordinary plan words nor the plan's own words (`known_words`: its board,
title, owners, themes and places; `words_of` builds them), or known given names in any case
(`words`). With `today`, dates are placed in time: one within the last year or later is a plan
date unless a birth marker or a child's details say otherwise, and one 1 to 19 years before it
is a child's age; without it, only the words around a date decide.

It is a heuristic, deliberately biased towards refusing: a wrongly refused note costs a retype,
a wrongly accepted one puts a child's details in a public plan. `bench/bench_guard.py` measures
it on a labelled corpus. Known limits:

* a name and a date introduced as a deadline pass when the date is this year or later
  ("Ruby Hall due 01/10/2014"), and, without `today`, whatever the date ("seen Jamie Smith
  on 12/03/2009"): pass `today` wherever it is known;
* a surname alone in lower case, or an unusual given name in lower case ("zebedee quinn"),
  is not a name; a home in a building called "... House" reads as an office;
* an age, or a month and year without a birth marker, is not a date of birth;
* ten digits that pass the check are refused whatever they are, unless a phone or invoice
  prefix or a leading 0 says otherwise; an organisation's unknown name (more than one
  capitalised word) beside a postcode or a past date is taken for a person's.

It is pure (no I/O), and a `Finding` never carries the matched text, so a refusal can be
logged without repeating it.

Every regular expression here uses bounded repetition only (see `PATTERNS`), and every lookup
around a match is bounded or bisected, so scanning is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from functools import lru_cache

from storage.guard import birth, cues, dates, nhs, postcodes, words
from storage.guard import text as normalising
from storage.guard.cues import ChildDetails
from storage.guard.findings import NHS, Finding, FindingKind
from storage.guard.nhs import is_valid_nhs_number
from storage.guard.text import has_digit, normalise
from storage.guard.words import Names, words_of

__all__ = [
    "ADVICE",
    "PATTERNS",
    "Finding",
    "FindingKind",
    "is_valid_nhs_number",
    "normalise",
    "personal_data_in",
    "refusal_message",
    "words_of",
]

ADVICE = (
    "The plan is public: record plan-level progress only, e.g. 'case audit of 12 files "
    "completed, 2 actions for partners', never a child's name, date of birth, address or "
    "NHS number."
)

#: Every regular expression the guard uses; each one repeats only a bounded number of times.
PATTERNS: tuple[re.Pattern[str], ...] = (
    normalising.PATTERNS + nhs.PATTERNS + words.PATTERNS + dates.PATTERNS + cues.PATTERNS
    + postcodes.PATTERNS
)


def personal_data_in(text: str, known_words: Collection[str] = frozenset(),
                     today: date | None = None) -> Finding | None:
    """The first thing in `text` that looks like a child's personal data, or None.

    `known_words` are words that are not personal names (the plan's own, from `words_of`);
    `today` is the day the text is written, for telling plan dates from birth dates.
    Checked in order: NHS numbers, then dates of birth, then postcodes.
    """
    plain = normalise(text)
    if not has_digit(plain):
        return None
    if nhs.has_nhs_number(plain):
        return NHS
    found_dates = dates.full_dates(plain, today)
    found_postcodes = postcodes.postcodes_in(plain)
    if not (found_dates or found_postcodes or cues.birth_month(plain)):
        return None  # names are only looked for around what they could make personal
    given = known_words if isinstance(known_words, frozenset) else frozenset(known_words)
    names = Names.of(plain, _folded(given))
    details = ChildDetails.of(plain)
    return (birth.date_of_birth(plain, found_dates, names, details, today)
            or postcodes.postcode(plain, found_postcodes, names, details))


@lru_cache(maxsize=32)
def _folded(words: frozenset[str]) -> frozenset[str]:
    """`words` lower-cased, worked out once per vocabulary (a plan's can be thousands)."""
    return frozenset(word.casefold() for word in words)


def refusal_message(finding: Finding) -> str:
    """The reply to a refused note: why, that nothing was kept, and what to write instead."""
    return f"I haven't saved that because {finding.reason}. Nothing was stored. {ADVICE}"
