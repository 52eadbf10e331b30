"""A plan file's contents as plain values: what every format reads into and writes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from storage.duedates import Due


@dataclass(frozen=True)
class MilestoneDoc:
    label: str
    when: str
    due: date


@dataclass(frozen=True)
class ActionDoc:
    ref: str
    theme: int
    text: str
    owners: tuple[str, ...]
    when: str
    due: Due
    outcome: str = ""
    status: str = "not-started"
    milestones: tuple[MilestoneDoc, ...] = ()


@dataclass(frozen=True)
class OwnerDoc:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a group's members, each an owner of its own


@dataclass(frozen=True)
class CadenceDoc:
    key: str
    label: str
    rule: str
    audience: str = ""
    carries_report: bool = False
    copy_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportingDoc:
    key: str
    what: str
    by: tuple[str, ...]
    cadences: tuple[CadenceDoc, ...]
    activity: str = ""
    tells: str = ""
    when: str = ""


@dataclass(frozen=True)
class PlanWords:
    """What a plan calls its board and its themes; "" where it says nothing."""

    board: str = ""
    theme: str = ""


@dataclass(frozen=True)
class PlanDoc:
    slug: str
    title: str
    starts: date
    ends: date
    board: str = ""
    places: tuple[str, ...] = ()
    words: PlanWords = PlanWords()
    owners: tuple[OwnerDoc, ...] = ()
    themes: tuple[tuple[int, str], ...] = ()
    #: The themes the plan labels otherwise than by number, e.g. (2, "Priority 1b").
    theme_labels: tuple[tuple[int, str], ...] = ()
    actions: tuple[ActionDoc, ...] = ()
    reporting: tuple[ReportingDoc, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)  # how the file was read
