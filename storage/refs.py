"""Action references as plans write them: `2.3`, sub-actions `1.1a` and `1.1.2`, or none.

A sub-action is an action of its own (its own owners, date and status) that knows its
parent from its reference alone: `1.1a` and `1.1.2` are parts of `1.1`. An action a file
gives no reference gets the next free `theme.n` in file order, so the same file read again
gives the same references, and an exported plan carries them written down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: `1.1a` (a letter after the number) or `1.1.2` (a third number): a part of `1.1`.
_SUB_ACTION = re.compile(r"^(?P<parent>\d+\.\d+)(?:[a-z]|\.\d+)$", re.IGNORECASE)


def parent_ref(ref: str) -> str | None:
    """The reference of the action `ref` is a part of, or None for a top-level action."""
    found = _SUB_ACTION.match(ref.strip())
    return found["parent"] if found else None


def sub_refs(ref: str, refs: Iterable[str]) -> list[str]:
    """The references among `refs` that are parts of `ref`, in the order given."""
    return [r for r in refs if parent_ref(r) == ref]


def next_free_ref(theme: object, taken: set[str]) -> str:
    """The first `theme.n` not in `taken` (and add it there): a reference for an action
    its file gives none."""
    number = 1
    while f"{theme}.{number}" in taken:
        number += 1
    ref = f"{theme}.{number}"
    taken.add(ref)
    return ref


def orphan_warnings(refs: list[str]) -> list[str]:
    """A warning for each sub-action whose parent the plan does not have (`1.3a` without
    `1.3`): it is kept as an action of its own, but likely a typing slip."""
    known = set(refs)
    return [f"action {ref} reads as a part of {parent}, which the plan does not have; "
            f"kept as an action of its own"
            for ref in refs if (parent := parent_ref(ref)) and parent not in known]
