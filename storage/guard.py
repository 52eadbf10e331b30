"""Refuse typed notes that look like a child's personal data before they are stored or posted.

The business plan is public, but notes on updates, challenges and risks are typed by people in
Slack and can drift into case detail. This module spots the three shapes that matter most:

* a valid NHS number (10 digits passing the modulus-11 check, plain or grouped 3-3-4);
* a full date beside a date-of-birth marker ("DOB", "born", …) or a person-like name;
* a full UK postcode beside a person-like name or an address marker ("lives at", "address").

It is a heuristic, deliberately biased towards refusing: a wrongly refused note costs a retype,
a wrongly accepted one puts a child's details in a public plan. It is pure (no I/O), and a
`Finding` never carries the matched text, so a refusal can be logged without repeating it.

Every regular expression here uses bounded repetition only (see `PATTERNS`), so scanning is
linear in the length of the text whatever is typed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PATTERNS",
    "Finding",
    "FindingKind",
    "is_valid_nhs_number",
    "personal_data_in",
    "refusal_message",
]

FindingKind = Literal["nhs-number", "date-of-birth", "postcode"]

#: How far (in characters) a name may be from a date or postcode to count as "beside" it.
NEAR = 40
#: How far before a postcode an address marker ("lives at", "address") may end.
ADDRESS_REACH = 80

ADVICE = (
    "The plan is public: record plan-level progress only, e.g. 'case audit of 12 files "
    "completed, 2 actions for partners', never a child's name, date of birth, address or "
    "NHS number."
)


@dataclass(frozen=True)
class Finding:
    """Why a text was refused. `reason` is a human sentence and never quotes the text."""

    kind: FindingKind
    reason: str


NHS_REASON = "it contains what looks like a valid NHS number"
DOB_MARKER_REASON = "it contains what looks like a date of birth"
DOB_NAME_REASON = "it contains a full date beside what looks like a person's name"
POSTCODE_NAME_REASON = "it contains a full postcode beside what looks like a person's name"
POSTCODE_ADDRESS_REASON = "it contains what looks like a home address with a full postcode"


# --- NHS numbers -------------------------------------------------------------------------------

# Plain: ten digits that are not part of a longer digit run.
_NHS_PLAIN = re.compile(r"(?<![0-9])[0-9]{10}(?![0-9])")
# Grouped 3-3-4 with one consistent separator, not continuing a longer grouped run either side
# ("1 800 555 0199" is a phone number, not an NHS number).
_NHS_GROUPED = re.compile(
    r"(?<![0-9])(?<![0-9][ -])[0-9]{3}([ -])[0-9]{3}\1[0-9]{4}(?![0-9])(?![ -][0-9])"
)


def is_valid_nhs_number(digits: str) -> bool:
    """The NHS modulus-11 check on exactly ten ASCII digits (no separators)."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> Iterator[str]:
    for pattern in (_NHS_PLAIN, _NHS_GROUPED):
        for match in pattern.finditer(text):
            yield re.sub(r"[ -]", "", match.group())


# --- person-like names -------------------------------------------------------------------------

# Capitalised words that plan notes use and that are not people's names. Compared lower-cased;
# a hyphenated word is plan vocabulary if any part is ("Multi-Agency").
_STOP_LINES = (
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "monday tuesday wednesday thursday friday saturday sunday",
    "mon tue tues wed thu thur thurs fri sat sun",
    "spring summer autumn winter easter christmas term half quarter year years month week",
    "board boards group groups subgroup subgroups sub panel panels review reviews case cases",
    "serious chair chairs vice independent senior manager managers lscb lscbs cdop mash pmqa",
    "pmqag qag children child young people person persons trust trusts health wellbeing",
    "council councils county city district borough cumbria cumbrian working together ofsted",
    "section annual report reports practice practitioner practitioners policy policies",
    "procedure procedures learning improvement early help triage development programme",
    "programmes quality assurance performance management communications communication",
    "engagement neglect sexual exploitation missing home death deaths overview strategy",
    "strategic framework plan plans business agency agencies multi inter police constabulary",
    "nhs foundation hospital hospitals university school schools college colleges academy",
    "head heads teacher teachers lay member members action actions chapter audit audits",
    "local safeguarding partnership partnerships partner partners adult adults social care",
    "carer carers service services authority authorities education educational mental",
    "commissioning commissioners commissioner clinical ccg public domestic abuse violence",
    "online safety e internet training conference meeting meetings minutes agenda team teams",
    "lead leads leader officer officers director directors designated named nurse nurses",
    "doctor doctors gp gps midwife midwifery probation youth offending fire rescue ambulance",
    "prison justice crown family families think signs graded profile tool toolkit pathway",
    "pathways protocol protocols guidance standards standard threshold thresholds dashboard",
    "data scorecard risk risks register log update updates progress status draft final",
    "interim new next last first second third fourth deadline due complete completed agreed",
    "approved presented submitted signed published launched held met national regional area",
    "areas north south east west central carlisle barrow kendal penrith workington",
    "whitehaven allerdale copeland eden lakeland furness cumberland westmorland infirmary",
    "england english government department secretary state minister",
    # Buildings and addresses: "Cumbria House, CA1 1RD" is an organisation, not a person.
    "house street road lane avenue drive close way place square terrace gardens park centre",
    "center office offices hall court courts building buildings station unit floor civic town",
    "st rd ave",
    # Sentence openers and small words that a note may capitalise.
    "the a an we i it this that these those our their its all each every no not and or but",
    "if as at by for from in into of on onto to with within without after before during",
    "until following further see note notes please also us you your they he she his her",
    "what when where which who why how there here some any more most other others",
)
STOP_WORDS = frozenset(word for line in _STOP_LINES for word in line.split())

# A word: letters, optionally joined by hyphens or apostrophes ("Amy-Leigh", "O'Brien").
_WORD = re.compile(r"[^\W\d_]{1,40}(?:['’-][^\W\d_]{1,40}){0,3}")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def _is_name_word(word: str) -> bool:
    """Capitalised, with a lower-case letter (so not an acronym), and not plan vocabulary."""
    base = _POSSESSIVE.sub("", word)
    if not base[:1].isupper() or not any(c.islower() for c in base):
        return False
    parts = [base, *base.split("-")]
    return not any(part.lower() in STOP_WORDS for part in parts if part)


def _is_word_gap(gap: str) -> bool:
    return 1 <= len(gap) <= 3 and not gap.strip() and "\n" not in gap


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of two or more consecutive name words, sorted and disjoint.

    Longer runs are kept whole: they contain a two- or three-word name ("Saw Jamie Lee Smith").
    """
    spans: list[tuple[int, int]] = []
    run_start = run_end = -1
    run_length = 0
    for match in _WORD.finditer(text):
        if not _is_name_word(match.group()):
            run_length = 0
            continue
        if run_length and _is_word_gap(text[run_end : match.start()]):
            run_length += 1
        else:
            run_start, run_length = match.start(), 1
        run_end = match.end()
        if run_length == 2:
            spans.append((run_start, run_end))
        elif run_length > 2:
            spans[-1] = (run_start, run_end)
    return spans


@dataclass(frozen=True)
class _Spans:
    """Sorted, disjoint spans, with their ends kept apart so `near` can bisect them."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Spans:
        return cls(tuple(start for start, _ in spans), tuple(end for _, end in spans))

    def near(self, start: int, end: int, reach: int = NEAR) -> bool:
        """Whether any span comes within `reach` characters of start..end."""
        index = bisect_left(self.ends, start - reach)
        return index < len(self.starts) and self.starts[index] <= end + reach


# --- dates -------------------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"

# 12/03/2009, 12-03-2009, 12.03.09 (either day or month first: refusing is the safe side).
_DATE_NUMERIC = re.compile(
    r"(?<![0-9])(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9])"
)
# 2009-03-12, 2009/03/12
_DATE_ISO = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[/.-])(?P<a>[0-9]{1,2})(?P=sep)"
    r"(?P<b>[0-9]{1,2})(?![0-9])"
)
# 12 March 2009, 12th Mar 2009, 12-Mar-09, 12 of March 2009
_DATE_DAY_MONTH = re.compile(
    rf"(?<![0-9])(?P<a>[0-9]{{1,2}}){_ORDINAL}[\s/-]{{0,3}}(?:of\s{{1,3}})?{_MONTH}\.?,?"
    rf"[\s/-]{{1,3}}(?P<year>[0-9]{{4}}|'?[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)
# March 12, 2009 / Mar 12th 2009
_DATE_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\.?[\s-]{{1,3}}(?P<a>[0-9]{{1,2}}){_ORDINAL},?[\s-]{{1,3}}"
    rf"(?P<year>[0-9]{{4}})(?![0-9])",
    re.IGNORECASE,
)

_DOB_MARKER = re.compile(
    r"\b(?:d\.?[ \t]?o\.?[ \t]?b\b|date[ \t]{1,3}of[ \t]{1,3}birth|birth[ \t]?date|born"
    r"|birthday)",
    re.IGNORECASE,
)


def _plausible(match: re.Match[str]) -> bool:
    """A real-looking day and month; numeric dates may be either way round."""
    groups = match.groupdict()
    first = int(groups["a"])
    if groups.get("b") is None:  # the month is a word
        return 1 <= first <= 31
    second = int(groups["b"])
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)


def _full_dates(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_DATE_NUMERIC, _DATE_ISO, _DATE_DAY_MONTH, _DATE_MONTH_DAY):
        for match in pattern.finditer(text):
            if _plausible(match):
                yield match.span()


def _date_of_birth(text: str, names: _Spans) -> Finding | None:
    dates = list(_full_dates(text))
    if not dates:
        return None
    if _DOB_MARKER.search(text):
        return Finding("date-of-birth", DOB_MARKER_REASON)
    if any(names.near(start, end) for start, end in dates):
        return Finding("date-of-birth", DOB_NAME_REASON)
    return None


# --- postcodes ---------------------------------------------------------------------------------

# Outward code (area letters exclude Q, V, X first and I, J, Z second) and inward code (whose
# letters never include C, I, K, M, O or V). Case-insensitive, the space optional.
_POSTCODE = re.compile(
    r"(?<!\w)[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?[ \t]?[0-9][ABD-HJLNP-UW-Z]{2}(?!\w)",
    re.IGNORECASE,
)
_ADDRESS_MARKER = re.compile(
    r"\b(?:(?:lives?|living|lived|resides|residing|resident|staying|stays)[ \t]{1,3}(?:at|in)"
    r"|address(?:es)?)\b",
    re.IGNORECASE,
)


def _postcode(text: str, names: _Spans) -> Finding | None:
    postcodes = [match.span() for match in _POSTCODE.finditer(text)]
    if not postcodes:
        return None
    if any(names.near(start, end) for start, end in postcodes):
        return Finding("postcode", POSTCODE_NAME_REASON)
    marker_ends = [match.end() for match in _ADDRESS_MARKER.finditer(text)]
    for start, _ in postcodes:
        index = bisect_left(marker_ends, start - ADDRESS_REACH)
        if index < len(marker_ends) and marker_ends[index] <= start:
            return Finding("postcode", POSTCODE_ADDRESS_REASON)
    return None


# --- the API -----------------------------------------------------------------------------------

#: Every regular expression the guard uses; each one repeats only a bounded number of times.
PATTERNS: tuple[re.Pattern[str], ...] = (
    _NHS_PLAIN,
    _NHS_GROUPED,
    _WORD,
    _POSSESSIVE,
    _DATE_NUMERIC,
    _DATE_ISO,
    _DATE_DAY_MONTH,
    _DATE_MONTH_DAY,
    _DOB_MARKER,
    _POSTCODE,
    _ADDRESS_MARKER,
)


def personal_data_in(text: str) -> Finding | None:
    """The first thing in `text` that looks like a child's personal data, or None.

    Checked in order: NHS numbers, then dates of birth, then postcodes.
    """
    if any(is_valid_nhs_number(digits) for digits in _nhs_numbers(text)):
        return Finding("nhs-number", NHS_REASON)
    names = _Spans.of(_name_spans(text))
    return _date_of_birth(text, names) or _postcode(text, names)


def refusal_message(finding: Finding) -> str:
    """The reply to a refused note: why, that nothing was kept, and what to write instead."""
    return f"I haven't saved that because {finding.reason}. Nothing was stored. {ADVICE}"
