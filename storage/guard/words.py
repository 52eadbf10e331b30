"""Person-like names in a text, told apart from the plan's own vocabulary.

A word looks like part of a name when it is capitalised (not an acronym) and is neither an
ordinary plan word (`STOP_WORDS`) nor one of the plan's own words (`known_words`: its board,
title, owners, themes and places). Capitals are not the only sign: a given name
(`given_names`) counts in lower case or in capitals too, and the word after it is taken as the
surname ("jamie smith", "LIAM O'CONNOR"). A capitalised word opening a sentence or a line is
only weak evidence ("Venue", "Thanks") unless it is a given name: it counts inside a run of
names, not on its own. A name after a professional title ("Dr Patel", "DCI Hall") is staff.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from storage.guard.given_names import GIVEN_NAMES, LOWER_CASE_NAMES
from storage.guard.stop_words import PARTICLES, STAFF_TITLES, STOP_WORDS
from storage.guard.text import normalise

# A word: letters, optionally joined by hyphens or apostrophes ("Amy-Leigh", "O'Brien").
_WORD = re.compile(r"[^\W\d_]{1,40}(?:['-][^\W\d_]{1,40}){0,3}")
_POSSESSIVE = re.compile(r"'s$", re.IGNORECASE)
_OPENERS = frozenset(".!?:;\n*>\"'(•·▪◦-")

PATTERNS = (_WORD, _POSSESSIVE)


def folded_parts(word: str) -> list[str]:
    """`word` without a possessive, lower-cased, and each of its hyphenated parts."""
    base = _POSSESSIVE.sub("", word).casefold()
    return [base, *(part for part in base.split("-") if part)] if "-" in base else [base]


def words_of(names: Collection[str]) -> frozenset[str]:
    """The words of `names` (structural names: a board, owners, places), for `known_words`."""
    return frozenset(part for name in names for match in _WORD.finditer(normalise(name))
                     for part in folded_parts(match.group()))


@dataclass(frozen=True)
class Run:
    """Consecutive name-like words: a possible person's name."""

    start: int
    end: int
    size: int
    staff: bool
    given: bool

    @property
    def person(self) -> bool:
        """Two or more words, or a given name: a name on its own evidence."""
        return self.size >= 2 or self.given


def _kind(text: str, match: re.Match[str], known: Collection[str]) -> str | None:
    """'name', 'weak' (an unknown capitalised word opening a sentence), 'initial' ("J" in
    "Smith J", "T. Brennan"), 'particle' or None."""
    word = match.group()
    parts = folded_parts(word)
    if len(word) == 1 and word.isupper() and word not in "AI":
        return "initial"
    if any(part in STOP_WORDS or part in known for part in parts):
        return None
    if parts[0] in PARTICLES:
        return "particle"
    given = parts[0] in GIVEN_NAMES or any(part in GIVEN_NAMES for part in parts[1:])
    if not any(c.islower() for c in word):  # capitals: an acronym, unless a given name
        return "name" if given and len(word) > 2 else None
    if word[0].isupper():
        before = text[max(0, match.start() - 3) : match.start()].rstrip(" ")
        opens = not before or before[-1] in _OPENERS
        return "name" if given or not opens else "weak"
    # "jamie"; "ruby-leigh" (a hyphenated name shows itself by any part)
    if parts[0] in LOWER_CASE_NAMES or any(part in GIVEN_NAMES for part in parts[1:]):
        return "name"
    return None


def _joins(text: str, end: int, start: int, initial: bool = False) -> bool:
    """Whether a word ending at `end` and the next starting at `start` are one name: one to
    three spaces (one line break at most), or after an initial a full stop ("T. Brennan")."""
    gap = text[end:start]
    if initial and gap[:1] == ".":
        gap = gap[1:] or " "
    return 1 <= len(gap) <= 3 and not gap.strip() and gap.count("\n") <= 1


def _is_surname(text: str, run: list[tuple[re.Match[str], str]], match: re.Match[str],
                known: Collection[str]) -> bool:
    """The word straight after a given name, whatever its case ("jamie smith")."""
    if not run or not _joins(text, run[-1][0].end(), match.start()):
        return False
    given = any(part in GIVEN_NAMES for part in folded_parts(run[-1][0].group()))
    return given and not any(p in STOP_WORDS or p in known for p in folded_parts(match.group()))


def name_runs(text: str, known: Collection[str]) -> list[Run]:
    """Every run of name-like words in `text`, in order; particles only join two names."""
    runs: list[Run] = []
    run: list[tuple[re.Match[str], str]] = []
    before_run = last = None
    for match in _WORD.finditer(text):
        kind = _kind(text, match, known)
        if kind is None and _is_surname(text, run, match, known):
            kind = "name"
        if run and (kind is None or not _joins(text, run[-1][0].end(), match.start(),
                                               run[-1][1] == "initial")):
            _close(text, run, before_run, runs)
            run = []
        if kind is not None:
            before_run = before_run if run else last
            run.append((match, kind))
        last = match
    _close(text, run, before_run, runs)
    return runs


def _close(text: str, run: list[tuple[re.Match[str], str]], before: re.Match[str] | None,
           runs: list[Run]) -> None:
    words = [index for index, (_, kind) in enumerate(run) if kind != "particle"]
    kinds = [run[index][1] for index in words]
    if ("name" not in kinds and len(kinds) < 2) or set(kinds) == {"initial"}:
        return
    start, end = run[words[0]][0].start(), run[words[-1]][0].end()
    staff = before is not None and len(text[before.end() : start].strip(" .")) == 0 and \
        before.end() + 3 >= start and folded_parts(before.group())[0] in STAFF_TITLES
    given = any(part in GIVEN_NAMES for match, _ in run for part in folded_parts(match.group()))
    runs.append(Run(start, end, len(kinds), staff, given))


@dataclass(frozen=True)
class Names:
    """The name runs of a text that could be a child's (staff names left out), for queries."""

    runs: tuple[Run, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, known: Collection[str]) -> Names:
        runs = tuple(run for run in name_runs(text, known) if not run.staff)
        return cls(runs, tuple(run.end for run in runs))

    def near(self, start: int, end: int, reach: int) -> Iterator[Run]:
        """Runs within `reach` characters of start..end."""
        for index in range(bisect_left(self.ends, start - reach), len(self.runs)):
            if self.runs[index].start > end + reach:
                return
            yield self.runs[index]

    def person_near(self, start: int, end: int, reach: int) -> Iterator[Run]:
        """Runs within `reach` that are a name on their own evidence (`Run.person`)."""
        return (run for run in self.near(start, end, reach) if run.person)

    def beside(self, text: str, start: int, end: int) -> bool:
        """Whether a name touches start..end, with at most three spaces or punctuation between."""
        return any(not any(c.isalnum() for c in text[min(run.end, end) : max(run.start, start)])
                   for run in self.near(start, end, 3))
