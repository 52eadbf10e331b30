"""What the guard reports: a kind and a human reason, never the text that was matched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FindingKind = Literal["nhs-number", "date-of-birth", "postcode"]


@dataclass(frozen=True)
class Finding:
    """Why a text was refused. `reason` is a human sentence and never quotes the text."""

    kind: FindingKind
    reason: str


NHS = Finding("nhs-number", "it contains what looks like a valid NHS number")
DOB_MARKER = Finding("date-of-birth", "it contains what looks like a date of birth")
DOB_NAME = Finding("date-of-birth", "it contains a full date beside what looks like a person's "
                                    "name")
DOB_CHILD = Finding("date-of-birth", "it contains a full date beside what looks like a child's "
                                     "details")
POSTCODE_NAME = Finding("postcode", "it contains a full postcode beside what looks like a "
                                    "person's name")
POSTCODE_CHILD = Finding("postcode", "it contains a full postcode beside what looks like a "
                                     "child's details")
POSTCODE_ADDRESS = Finding("postcode", "it contains what looks like a home address with a full "
                                       "postcode")
