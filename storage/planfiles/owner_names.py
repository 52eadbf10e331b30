"""Owners as plans name them: joint owners (`A / B`, `A and B`), groups, and names a file
uses without declaring them.

A cell is read as the declared owners it is made of, a name holding a separator read whole
("Communications and Engagement Subgroup", "CSE/MFH Subgroup") before it is split. Names
no spelling matches are gathered, so the file is refused once with all of them, or, when
asked, they are created.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storage.models import GROUP
from storage.names import name_key
from storage.planfiles.document import OwnerDoc

#: Between joint owners: " and ", "&", "+", a comma or a slash; all but "and" are _HARD.
_JOINT = re.compile(r"\s+and\s+|\s*[&+,/]\s*", re.IGNORECASE)
_HARD = re.compile(r"\s*[&+,/]\s*")


def _pieces(written: str, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the words between separators start and end in `written`."""
    spans, at = [], 0
    for separator in separators.finditer(written):
        spans.append((at, separator.start()))
        at = separator.end()
    spans.append((at, len(written)))
    return [(a, b) for a, b in spans if written[a:b].strip()]


class Spellings:
    """Every declared spelling of every owner, and the undeclared names met so far."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.unknown: dict[str, tuple[str, list[str]]] = {}

    def owners_in(self, written: str, where: str) -> list[str]:
        """The owners a cell names, each by its declared name (or as first written).

        A cell that is not all declared owners is split only at `/`, `,`, `&` and `+`
        (never at "and", which names hold), and each part read again."""
        if (known := self._segmented(written, _pieces(written, _JOINT))) is not None:
            return known
        names: list[str] = []
        for a, b in _pieces(written, _HARD):
            part = written[a:b].strip()
            found = self._segmented(part, _pieces(part, _JOINT))
            names += found if found is not None else [self._unknown(part, where)]
        return names

    def _segmented(self, written: str, pieces: list[tuple[int, int]]) -> list[str] | None:
        """The declared owners the pieces make up, joined where a name holds a separator
        ("Learning and Improvement Subgroup"), or None when they make up no such list."""
        best: list[list[str] | None] = [[]] + [None] * len(pieces)
        for end in range(1, len(pieces) + 1):
            for start in range(end):
                before = best[start]
                name = self.known.get(name_key(written[pieces[start][0]:pieces[end - 1][1]]))
                if before is not None and name is not None:
                    best[end] = [*before, name]
                    break
        return best[-1]

    def _unknown(self, name: str, where: str) -> str:
        """Note an undeclared name where it is used; the spelling it was first met in."""
        spelling, wheres = self.unknown.setdefault(name_key(name), (name, []))
        if where not in wheres:
            wheres.append(where)
        return spelling


def undeclared_owners(problems: list[str], warnings: list[str], spellings: Spellings,
                      create: bool) -> tuple[OwnerDoc, ...]:
    """The owners the file names without declaring: created (as roles, and listed) when
    `create`, else one problem naming each and where it is used."""
    if not spellings.unknown:
        return ()
    names = [spelling for spelling, _ in spellings.unknown.values()]
    if create:
        warnings.append(f"created {len(names)} owner(s) the file names but does not "
                        f"declare, as roles: {', '.join(names)}")
        return tuple(OwnerDoc(name, "role") for name in names)
    used = "; ".join(f"“{spelling}” ({_places(wheres)})"
                     for spelling, wheres in spellings.unknown.values())
    problems.append(f"the file names {len(names)} owner(s) it does not declare: {used}. "
                    f"Declare them (with any other spellings as aliases), or import with "
                    f"--create-owners to create them")
    return ()


def _places(wheres: list[str]) -> str:
    shown = ", ".join(wheres[:3])
    return shown + (f" and {len(wheres) - 3} more" if len(wheres) > 3 else "")


def with_members_named(problems: list[str], owners: Iterable[OwnerDoc]) -> tuple[OwnerDoc,
                                                                                 ...]:
    """The owners, each group's members by their declared names; a member must be a
    declared owner, and not a group itself."""
    owners = list(owners)
    names = {name_key(s): o for o in owners for s in (o.name, *o.aliases)}
    checked = []
    for owner in owners:
        members = []
        for member in owner.members:
            found = names.get(name_key(member))
            if found is None or found.kind == GROUP:
                why = "is not a declared owner" if found is None else "is a group itself"
                problems.append(f"owners: group “{owner.name}”: member “{member}” {why}")
            else:
                members.append(found.name)
        checked.append(OwnerDoc(owner.name, owner.kind, owner.aliases, tuple(members)))
    return tuple(checked)
