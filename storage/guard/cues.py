"""The words around a date or a postcode that say what it is.

* a birth marker ("DOB", "d.o.b.", "date of birth", "born", "b." straight before the date);
* a deadline or event word straight before the date ("due", "by", "until", "presented",
  "met", "deferred to", "w/c"...): a plan date;
* a child's details: a pseudonym ("Child A", "Baby B", "YP 2"), family ("mum", "siblings",
  "twins"), an age ("aged 7", "6 years old", "(4 yrs)");
* an address marker before a postcode: strong ("lives at", "address", "flat", "staying with")
  or weak ("moved to", "home", a house number and street), which a building or office between
  ("House", "Centre", "Council offices") explains away.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

#: How far (in characters) a marker or a child's details may be from a date or postcode.
NEAR = 40
#: How far before a postcode an address marker may end.
ADDRESS_REACH = 80

_DOB_MARKER = re.compile(
    r"\b(?:d\.?[ ]?o\.?[ ]?b\b\.?|d/o/b|dobs\b|dates?[ ]{1,3}of[ ]{1,3}birth|birth[ ]?date"
    r"|born\b|birthday|b'?day\b|edd\b|expected[ ]date[ ]of[ ](?:delivery|birth))",
    re.IGNORECASE,
)
# A baby's due date is its expected date of birth, not a deadline: "unborn baby due ...".
_BIRTH_DUE = re.compile(
    r"\b(?:baby|unborn|pregnant|pregnancy)[ ,]{1,3}(?:is[ ]{1,3})?due[ ]?(?:date)?[ :]{0,2}\Z",
    re.IGNORECASE,
)
# A month and year, or month/year, straight after a birth marker: "born March 2009", "DOB 03/2009".
_MARKED_MONTH = re.compile(
    r"\b(?:d\.?[ ]?o\.?[ ]?b\b\.?|dates?[ ]{1,3}of[ ]{1,3}birth|born(?:[ ]in)?)[ :-]{0,3}"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[ ,-]{1,3}"
    r"(?:[0-9]{4}|'[0-9]{2})|[0-9]{1,2}[/.-](?:19|20)[0-9]{2})(?![0-9])",
    re.IGNORECASE,
)
_BORN_ABBREVIATION = re.compile(r"(?<![\w.])b\.[ ]{0,2}\Z", re.IGNORECASE)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?"
_INTRO = re.compile(
    r"\b(?P<word>due|by|deadline|until|till|before|on|from|dated|w/?c|commencing|than|meets?"
    r"|meeting|met|held|presented?|published|submitted|agreed|approved|signed(?:[ ]off)?"
    r"|circulated|received|sent|launched|issued|discussed|reviewed|ratified|endorsed"
    r"|completed|updated|tabled|(?:deferred|postponed|moved|rescheduled|extended)(?:[ ]to)?"
    r"|starts?|starting|started|ends?|ending|ended|closes?|closing|closed|opens?|opening"
    r"|expires?|effective|of|board|session|workshop|conference|training|event|booked"
    r"|reported|report|returns?|live|dates?)"
    rf"[ ]?[:,.(-]{{0,2}}[ ]{{0,2}}(?:(?:the|on|{_WEEKDAY})\.?[ ]?[:,]?[ ]{{1,2}}){{0,2}}\Z",
    re.IGNORECASE,
)
_CHILD = re.compile(
    r"\b(?:(?i:child|baby|infant|sibling|young[ ]person|yp|y\.p\.|cyp|pupil|twin|unborn)"
    r"[ ]?(?:[A-Z]|[0-9]{1,2})\b"
    r"|(?i:mum|mom|mummy|mother|dad|daddy|father|step-?(?:mum|dad|mother|father|son|daughter)"
    r"|nan|nana|nanna|gran|granny|grandma|grandad|grandmother|grandfather|aunt|auntie|uncle"
    r"|brother|sister|siblings?|son|daughter|twins?|nephew|niece|newborn|toddler|boy|girl)\b"
    r"|(?i:aged)[ ]?[0-9]{1,2}\b|[0-9]{1,2}[ ]?(?i:yrs?|years?|months?|mths?)[ ]?(?i:old)\b"
    r"|[0-9]{1,2}[ ]?(?i:yo|y/o)\b)"
    r"|\([0-9]{1,2}[ ]?(?i:yrs?|y)\)"
)
_STRONG_ADDRESS = re.compile(
    r"\b(?:(?:lives?|living|lived|resides|residing|resident|staying|stays|stayed)[ ]{1,3}"
    r"(?:at|in|with)|address(?:es)?|flat|apartment|c/o|care[ ]of)\b",
    re.IGNORECASE,
)
_WEAK_ADDRESS = re.compile(
    r"\b(?:moved[ ]to|home|[0-9]{1,4}[a-z]?,?[ ](?:[^\W\d_]{2,20}[ ]){1,3}(?:road|rd|street|st"
    r"|lane|ln|avenue|ave|close|drive|dr|crescent|cres|grove|way|place|pl|terrace|court|ct"
    r"|gardens|gdns|walk|row|view|rise|mews|green|square|sq|hill|fold|brow|croft|meadows?"
    r"|park|parade|wynd))\b",
    re.IGNORECASE,
)
_BUILDING = re.compile(
    r"\b(?:house|centre|center|hall|offices?|hq|headquarters|station|council|school|academy"
    r"|college|hospital|infirmary|clinic|surgery|practice|library|chambers|building|church"
    r"|police|civic)\b",
    re.IGNORECASE,
)
PATTERNS = (_DOB_MARKER, _MARKED_MONTH, _BORN_ABBREVIATION, _BIRTH_DUE, _INTRO, _CHILD,
            _STRONG_ADDRESS, _WEAK_ADDRESS, _BUILDING)


def intro(text: str, start: int) -> str | None:
    """The deadline or event word straight before `start`, lower-cased, if there is one."""
    match = _INTRO.search(text[max(0, start - NEAR) : start])
    return match.group("word").lower() if match else None


def birth_marked(text: str, start: int, end: int) -> bool:
    """Whether a birth marker ends within NEAR before start..end, or begins just after it."""
    if _BORN_ABBREVIATION.search(text[max(0, start - 6) : start]):
        return True
    before = _DOB_MARKER.search(text, max(0, start - NEAR), start)
    return before is not None or _DOB_MARKER.match(text[end : end + 12].lstrip(" (,-")) is not None


def birth_month(text: str) -> bool:
    """Whether a birth marker is followed by a month and year: half a date of birth is one."""
    return _MARKED_MONTH.search(text) is not None


def birth_due(text: str, start: int) -> bool:
    """Whether the date at `start` is a baby's due date ("unborn baby due 12/12/2014")."""
    return _BIRTH_DUE.search(text[max(0, start - NEAR) : start]) is not None


@dataclass(frozen=True)
class ChildDetails:
    """Where a text gives a child's details, sorted, so `near` can bisect them."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> ChildDetails:
        found = [match.span() for match in _CHILD.finditer(text)]
        return cls(tuple(s for s, _ in found), tuple(e for _, e in found))

    def near(self, start: int, end: int, reach: int = NEAR) -> bool:
        index = bisect_left(self.ends, start - reach)
        return index < len(self.starts) and self.starts[index] <= end + reach


def address_before(text: str, start: int) -> bool:
    """Whether an address marker comes before `start`, not explained by a building between."""
    window = max(0, start - ADDRESS_REACH)
    if _STRONG_ADDRESS.search(text, window, start):
        return True
    return any(not building_between(text, m.end(), start)
               for m in _WEAK_ADDRESS.finditer(text, window, start))


def building_between(text: str, start: int, end: int) -> bool:
    return _BUILDING.search(text, start, end) is not None
