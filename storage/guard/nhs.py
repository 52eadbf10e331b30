"""NHS (and Scottish CHI) numbers: ten digits passing the modulus-11 check, however grouped.

People write them 3-3-4 with spaces, dots or hyphens, paste them with a line break inside, or
run them together. Digits are read as groups joined by short separators (" ", ".", "-", a line
break, up to three of them), and a number is any of:

* one group of exactly ten digits ("9434765919", even inside "DOB 12.03.09 9434765919");
* a whole chain of groups holding ten digits ("943 476 5919", "94347\\n65919", "9434 765 919");
* near an NHS or CHI marker, any ten digits of consecutive groups ("NHS 943 476 5919 2 visits").

A chain of eleven or more digits is something else (a phone number, "1 943 476 5919"), as is
ten digits after a phone or invoice prefix ("+44", "(0)", "tel", "invoice") or starting with 0
(UK phone numbers do; NHS numbers in England, Wales and Northern Ireland do not), unless a
marker says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_DIGITS = re.compile(r"[0-9]{1,16}")
_SEPARATOR = re.compile(r"[ .\n-]{1,3}")
_MARKER = re.compile(r"\b(?:nhs|chi)(?![a-z])", re.IGNORECASE)
_NOT_NHS_PREFIX = re.compile(
    r"(?:\+[0-9]{1,3}[ .-]{0,2}(?:\(0\)[ .-]{0,2})?|\(0\)[ .-]{0,2}"
    r"|\b(?:tel|telephone|phone|mob|mobile|fax|call|ring|text|ext|invoice|inv|po|order)"
    r"\b[.:#]{0,2}[ ]{0,2}(?:no\b\.?|number)?[ :#]{0,2})\Z",
    re.IGNORECASE,
)
#: How far before a chain (or after it) an NHS marker counts.
MARKER_REACH = 30

PATTERNS = (_DIGITS, _SEPARATOR, _MARKER, _NOT_NHS_PREFIX)


def is_valid_nhs_number(digits: str) -> bool:
    """The NHS modulus-11 check on exactly ten ASCII digits (no separators)."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _groups(text: str) -> list[tuple[int, int]]:
    """Spans of maximal digit runs (a run longer than the pattern's bound is joined up)."""
    groups: list[tuple[int, int]] = []
    for match in _DIGITS.finditer(text):
        if groups and groups[-1][1] == match.start():
            groups[-1] = (groups[-1][0], match.end())
        else:
            groups.append(match.span())
    return groups


def _chains(text: str) -> Iterator[list[tuple[int, int]]]:
    chain: list[tuple[int, int]] = []
    for group in _groups(text):
        if chain and _SEPARATOR.fullmatch(text, chain[-1][1], group[0]):
            chain.append(group)
            continue
        if chain:
            yield chain
        chain = [group]
    if chain:
        yield chain


def _digits(text: str, groups: list[tuple[int, int]]) -> str:
    return "".join(text[start:end] for start, end in groups)


def _candidates(text: str, chain: list[tuple[int, int]], marked: bool) -> Iterator[str]:
    yield from (text[s:e] for s, e in chain if e - s == 10)
    whole = _digits(text, chain)
    if len(whole) == 10:
        yield whole
    if not marked:
        return
    for first in range(len(chain)):  # each start extends at most ten groups: linear
        digits = ""
        for last in range(first, len(chain)):
            digits += _digits(text, chain[last : last + 1])
            if len(digits) >= 10:
                if len(digits) == 10:
                    yield digits
                break


def _marked(text: str, start: int, end: int) -> bool:
    return bool(_MARKER.search(text, max(0, start - MARKER_REACH), start)
                or _MARKER.search(text, end, end + 12))


def has_nhs_number(text: str) -> bool:
    """Whether normalised `text` holds a valid NHS number in any of the forms above."""
    for chain in _chains(text):
        start, end = chain[0][0], chain[-1][1]
        marked = _marked(text, start, end)
        if not marked and (_NOT_NHS_PREFIX.search(text[max(0, start - 24) : start])
                           or text[start] == "0"):
            continue
        if any(is_valid_nhs_number(digits) for digits in _candidates(text, chain, marked)):
            return True
    return False
