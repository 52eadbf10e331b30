"""Full UK postcodes beside a person's name, a child's details or a home address.

A postcode alone, or an office's beside its organisation ("Cumbria House, CA1 1RD"), is plan
business. Beside a name it is refused, unless a building or office stands between the name
and the postcode ("Helen Brown, Craven House, LA14 2GE"); so is one after an address marker.
"""

from __future__ import annotations

import re

from storage.guard.cues import NEAR, ChildDetails, address_before, building_between
from storage.guard.findings import POSTCODE_ADDRESS, POSTCODE_CHILD, POSTCODE_NAME, Finding
from storage.guard.words import Names

# Outward code (area letters exclude Q, V, X first and I, J, Z second) and inward code (whose
# letters never include C, I, K, M, O or V). Case-insensitive; a space, hyphen or line break
# between them, or nothing.
_POSTCODE = re.compile(
    r"(?<!\w)[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?[ \n-]?[0-9][ABD-HJLNP-UW-Z]{2}(?!\w)",
    re.IGNORECASE,
)
PATTERNS = (_POSTCODE,)


def postcodes_in(text: str) -> list[tuple[int, int]]:
    """Where normalised `text` has full postcodes."""
    return [match.span() for match in _POSTCODE.finditer(text)]


def postcode(text: str, found: list[tuple[int, int]], names: Names,
             details: ChildDetails) -> Finding | None:
    """The first of the `found` postcodes in normalised `text` that places a person."""
    for start, end in found:
        for run in names.person_near(start, end, NEAR):
            if not building_between(text, min(run.end, end), max(run.start, start)):
                return POSTCODE_NAME
        if details.near(start, end):
            return POSTCODE_CHILD
        if address_before(text, start):
            return POSTCODE_ADDRESS
    return None
