"""How owner names are compared: without regard to case, dashes or "sub group" spacing."""

from __future__ import annotations

import re

_SUBGROUP = re.compile(r"\bsub[\s-]+group\b")
_PUNCTUATION = re.compile(r"[^\w&/ ]+")


def name_key(name: str) -> str:
    """The comparison key of an owner's name or alias ("Policy and Procedure Sub Group")."""
    lowered = name.casefold().replace("–", " ").replace("—", " ").replace("-", " ")
    lowered = _PUNCTUATION.sub(" ", lowered)
    lowered = _SUBGROUP.sub("subgroup", " ".join(lowered.split()))
    return " ".join(lowered.split())
