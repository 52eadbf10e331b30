"""Checking a plan file field by field before anything is stored.

Every reader (YAML, CSV, XLSX) turns its file into the nested shape of the YAML
plan file, tagging each record with where it came from (`_where`), and hands it
to `build_plan`, so the rules and the wording of every problem live here once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dateutil.rrule import rrulestr

from storage.duedates import Due, DueKind, read_when
from storage.errors import PlanFileError
from storage.models import GROUP, OWNER_KINDS, STATUSES
from storage.names import name_key
from storage.periods import PlanPeriod
from storage.planfiles.document import (
    ActionDoc,
    CadenceDoc,
    MilestoneDoc,
    OwnerDoc,
    PlanDoc,
    PlanWords,
    ReportingDoc,
)
from storage.planfiles.limits import shown, unfit_values
from storage.planfiles.owner_names import Spellings, undeclared_owners, with_members_named
from storage.planfiles.screening import Screen
from storage.refs import next_free_ref, orphan_warnings
from storage.statuses import status_of

#: A plan's word for its board or its themes: a noun of a word or three, as a sentence says it.
MAX_WORD = 40  # the column's width
WORD = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,3}")


class _Checker:
    """Collects every problem in a file, so the user fixes them all in one go."""

    def __init__(self, screen: Screen | None = None) -> None:
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self.screen = screen or Screen()

    def text(self, record: dict[str, Any], key: str, where: str, required: bool = True) -> str:
        value = record.get(key)
        if value is None or value == "":
            if required:
                self.problems.append(f"{where}: field “{key}” is missing")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float | date):
            self.problems.append(f"{where}: field “{key}” should be text, not {_kind(value)}")
            return ""
        return self._screened(" ".join(str(value).split()), key, where)

    def _screened(self, value: str, key: str, where: str) -> str:
        """`value`, after noting a problem if it holds a child's details (never quoting it)."""
        if (problem := self.screen.problem(value, key, where)) is not None:
            self.problems.append(problem)
        return value

    def names(self, record: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = record.get(key)
        if isinstance(value, str):
            value = [part for part in value.replace("\n", ";").split(";")]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(f"{where}: field “{key}” should be a list of names")
            return ()
        return tuple(self._screened(" ".join(v.split()), key, where) for v in value if v.strip())

    def flag(self, record: dict[str, Any], key: str, where: str) -> bool:
        value = record.get(key, False)
        if isinstance(value, str) and value.strip().lower() in ("yes", "true", "1", "no",
                                                               "false", "0", ""):
            return value.strip().lower() in ("yes", "true", "1")
        if not isinstance(value, bool | int):
            self.problems.append(f"{where}: field “{key}” should be yes or no")
            return False
        return bool(value)

    def date(self, record: dict[str, Any], key: str, where: str) -> date:
        value = record.get(key)
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            self.problems.append(f"{where}: field “{key}” should be a date like 2014-04-01, "
                                 f"not “{shown(value)}”")
            return date(1970, 1, 1)

    def records(self, raw: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.append(f"{where}: “{key}” should be a list of records")
            return []
        return value


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), "that")


def _where(record: dict[str, Any], fallback: str) -> str:
    return str(record.get("_where", fallback))


def build_plan(raw: object, path: str, create_owners: bool = False) -> PlanDoc:
    """Check a plan file's contents and return them typed, or raise PlanFileError.

    Owners the actions name but the file does not declare are refused, all named at once,
    unless `create_owners`, when they are created (as roles) and listed among the warnings."""
    if not isinstance(raw, dict) or not isinstance(raw.get("plan"), dict):
        raise PlanFileError(path, ["this is not a plan file: it has no “plan” section "
                                   "(slug, title, starts, ends)"])
    check = _Checker(Screen.of(raw))
    head = raw["plan"]
    where = _where(head, "plan")
    slug, title = check.text(head, "slug", where), check.text(head, "title", where)
    starts, ends = check.date(head, "starts", where), check.date(head, "ends", where)
    board = check.text(head, "board", where, required=False)
    words = _words(check, head.get("words"), where)
    owners = _owners(check, raw)
    spellings = Spellings(_spellings(owners))
    themes, labels = _themes(check, raw)
    actions = _actions(check, raw, PlanPeriod(starts, ends), {n for n, _ in themes}, spellings)
    reporting = _reporting(check, raw, spellings)
    owners += undeclared_owners(check.problems, check.warnings, spellings, create_owners)
    check.problems += _unfit(slug, title, board, owners, themes, actions, reporting)
    if check.problems:
        raise PlanFileError(path, [shown(p, limit=1000) for p in check.problems])
    return PlanDoc(slug=slug, title=title, starts=starts, ends=ends,
                   board=board, words=words,
                   places=check.names(head, "places", where) if head.get("places") else (),
                   owners=owners, themes=themes, theme_labels=labels, actions=actions,
                   reporting=reporting,
                   warnings=tuple(check.warnings), notes=tuple(raw.get("_notes") or ()))


def _words(check: _Checker, raw: object, where: str) -> PlanWords:
    """What the plan calls its board and its themes: a word or three each, or nothing."""
    if raw is None or raw == "":
        return PlanWords()
    if not isinstance(raw, dict):
        check.problems.append(f"{where}: “words” should say what the plan calls its board "
                              f"and its themes, e.g. words: {{board: partnership, theme: "
                              f"priority}}")
        return PlanWords()
    said = {}
    for key in ("board", "theme"):
        value = check.text(raw, key, f"{where}, words", required=False)
        if value and (len(value) > MAX_WORD or not WORD.fullmatch(value)):
            check.problems.append(f"{where}, words: “{shown(value)}” is not a word for the "
                                  f"{key} (up to 40 letters, spaces or hyphens, e.g. "
                                  f"{'partnership' if key == 'board' else 'priority'})")
            value = ""
        said[key] = value
    if unknown := sorted(str(k) for k in raw if k not in ("board", "theme", "_where")):
        check.problems.append(f"{where}, words: only board and theme can be named, not "
                              f"{', '.join(shown(k) for k in unknown)}")
    return PlanWords(**said)


def _unfit(slug: str, title: str, board: str, owners: tuple[OwnerDoc, ...],
           themes: tuple[tuple[int, str], ...], actions: tuple[ActionDoc, ...],
           reporting: tuple[ReportingDoc, ...]) -> list[str]:
    """What no field's own check sees: a file without a single action (a header only,
    which would archive the whole plan), and values their database column cannot hold."""
    empty = [] if actions else ["the file holds no actions (only a header?): a plan needs at "
                                "least one, and importing none would archive them all"]
    return empty + unfit_values(slug, title, board, owners, themes, actions, reporting)


def _owners(check: _Checker, raw: dict[str, Any]) -> tuple[OwnerDoc, ...]:
    owners = []
    for i, record in enumerate(check.records(raw, "owners", "owners"), start=1):
        where = _where(record, f"owners, entry {i}")
        kind = check.text(record, "kind", where)
        if kind and kind not in OWNER_KINDS:
            check.problems.append(f"{where}: field “kind” should be one of "
                                  f"{', '.join(OWNER_KINDS)}, not “{kind}”")
        aliases = check.names(record, "aliases", where) if record.get("aliases") else ()
        members = check.names(record, "members", where) if record.get("members") else ()
        if members and kind != GROUP:
            check.problems.append(f"{where}: only an owner of kind “group” has members")
        owners.append(OwnerDoc(check.text(record, "name", where), kind, aliases, members))
    _refuse_clashing_spellings(check, owners)
    return with_members_named(check.problems, owners)


def _refuse_clashing_spellings(check: _Checker, owners: list[OwnerDoc]) -> None:
    seen: dict[str, str] = {}
    for owner in owners:
        for spelling in (owner.name, *owner.aliases):
            other = seen.setdefault(name_key(spelling), owner.name)
            if other != owner.name:
                check.problems.append(f"owners: “{spelling}” names both “{other}” "
                                      f"and “{owner.name}”")


def _spellings(owners: tuple[OwnerDoc, ...]) -> dict[str, str]:
    return {name_key(s): o.name for o in owners for s in (o.name, *o.aliases)}


def _themes(check: _Checker, raw: dict[str, Any]) -> tuple[tuple[tuple[int, str], ...],
                                                             tuple[tuple[int, str], ...]]:
    """The themes by number, and the labels of those the plan labels otherwise."""
    themes: dict[int, str] = {}
    labels: dict[int, str] = {}
    for i, record in enumerate(check.records(raw, "themes", "themes"), start=1):
        where = _where(record, f"themes, entry {i}")
        number = record.get("number")
        if not isinstance(number, int) or isinstance(number, bool):
            check.problems.append(f"{where}: field “number” should be a whole number")
            continue
        if number in themes:
            check.problems.append(f"{where}: theme {number} appears twice")
        themes[number] = check.text(record, "title", where)
        if label := check.text(record, "label", where, required=False):
            labels[number] = label
            if len(label) > MAX_THEME_LABEL:
                check.problems.append(f"{where}: field “label” is longer than "
                                      f"{MAX_THEME_LABEL} characters")
    return tuple(sorted(themes.items())), tuple(sorted(labels.items()))


def _actions(check: _Checker, raw: dict[str, Any], period: PlanPeriod, themes: set[int],
             spellings: Spellings) -> tuple[ActionDoc, ...]:
    actions: list[ActionDoc] = []
    seen: set[str] = set()
    records = _action_records(check, raw)
    taken = {str(r["ref"]).strip() for r in records if r.get("ref") not in (None, "")}
    for i, record in enumerate(records, start=1):
        where = _where(record, f"actions, entry {i}")
        ref = check.text(record, "ref", where, required=False)
        if not ref:
            ref = next_free_ref(record.get("theme"), taken)
            check.warnings.append(f"{where}: no reference; given {ref} (in file order), "
                                  f"which an export writes down")
        where = f"{where} (action {ref})" if ref else where
        if ref in seen:
            check.problems.append(f"{where}: ref {ref} appears twice")
        seen.add(ref)
        actions.append(_action(check, record, where, ref, period, themes, spellings))
    check.warnings += orphan_warnings([a.ref for a in actions])
    return tuple(actions)


def _action_records(check: _Checker, raw: dict[str, Any]) -> list[dict[str, Any]]:
    """Actions may sit inside their theme (YAML) or in one flat list with a theme column."""
    records = check.records(raw, "actions", "actions")
    nesting = raw.get("themes")
    for theme in nesting if isinstance(nesting, list) else []:
        if isinstance(theme, dict):
            nested = check.records(theme, "actions", f"theme {theme.get('number')}")
            records += [{"theme": theme.get("number"), "_where": f"theme {theme.get('number')}, "
                         f"entry {i}", **r} for i, r in enumerate(nested, start=1)]
    return records


def _action(check: _Checker, record: dict[str, Any], where: str, ref: str, period: PlanPeriod,
            themes: set[int], spellings: Spellings) -> ActionDoc:
    theme = record.get("theme")
    if isinstance(theme, list | dict):
        check.problems.append(f"{where}: field “theme” should be a theme number, "
                              f"not {_kind(theme)}")
    elif theme not in themes:
        check.problems.append(f"{where}: field “theme”: there is no theme {shown(theme)}")
    owners = tuple(dict.fromkeys(name for written in check.names(record, "owners", where)
                                 for name in spellings.owners_in(written, where)))
    if not owners:
        check.problems.append(f"{where}: field “owners” names nobody")
    when = check.text(record, "when", where)
    due = read_when(when, period)
    if when and (warning := _due_warning(when, due)):
        check.warnings.append(f"{where}: {warning}")
    written = check.text(record, "status", where, required=False)
    status = status_of(written) if written else "not-started"
    if status is None:
        check.problems.append(f"{where}: field “status” should be one of "
                              f"{', '.join(STATUSES)} (or red, amber, green, blue, R, A, G, "
                              f"in progress), not “{written}”")
        status = "not-started"
    return ActionDoc(ref=ref, theme=theme if isinstance(theme, int) else 0,
                     text=check.text(record, "text", where), owners=owners, when=when, due=due,
                     outcome=check.text(record, "outcome", where, required=False),
                     status=status, milestones=_milestones(check, record, where, period))


def _due_warning(when: str, due: Due) -> str:
    """What the business manager should hear about a *when*: why unread, or what is odd."""
    if due.kind is DueKind.UNPARSED:
        return (f"“{when}” is not a date the bot can read ({due.warning}); kept as written, "
                f"listed as an action with no date, and never called overdue")
    return f"“{when}” is {due.read_as}; but {due.warning}" if due.warning else ""




def _milestones(check: _Checker, record: dict[str, Any], where: str,
                period: PlanPeriod) -> tuple[MilestoneDoc, ...]:
    milestones = []
    for i, m in enumerate(check.records(record, "milestones", where), start=1):
        at = f"{where}, milestone {i}"
        when = check.text(m, "when", at)
        due = read_when(when, period)
        if when and (due.kind is not DueKind.DATE or due.milestones or due.date is None):
            why = due.warning if due.kind is DueKind.UNPARSED else "a milestone has one date"
            check.problems.append(f"{at}: field “when”: “{when}” is not a date the bot can "
                                  f"read ({why})")
        milestones.append(MilestoneDoc(check.text(m, "label", at), when,
                                       due.date or date(1970, 1, 1)))
    return tuple(milestones)


def _reporting(check: _Checker, raw: dict[str, Any],
               spellings: Spellings) -> tuple[ReportingDoc, ...]:
    rows = []
    for i, record in enumerate(check.records(raw, "reporting", "reporting"), start=1):
        where = _where(record, f"reporting, row {i}")
        by = tuple(dict.fromkeys(name for written in check.names(record, "by", where)
                                 for name in spellings.owners_in(written, where)))
        rows.append(ReportingDoc(
            key=check.text(record, "key", where), what=check.text(record, "what", where),
            by=by, cadences=_cadences(check, record, where, spellings),
            activity=check.text(record, "activity", where, required=False),
            tells=check.text(record, "tells", where, required=False),
            when=check.text(record, "when", where, required=False)))
    keys = [c.key for r in rows for c in r.cadences] + [r.key for r in rows]
    check.problems += [f"reporting: key “{k}” is used twice" for k in sorted(
        {k for k in keys if keys.count(k) > 1})]
    return tuple(rows)


def _cadences(check: _Checker, record: dict[str, Any], where: str,
              spellings: Spellings) -> tuple[CadenceDoc, ...]:
    cadences = []
    for i, c in enumerate(check.records(record, "cadences", where), start=1):
        at = _where(c, f"{where}, cadence {i}")
        rule = check.text(c, "rule", at)
        if rule and not is_valid_rule(rule):
            check.problems.append(f"{at}: field “rule”: “{rule}” is not a recurrence rule "
                                  f"(e.g. FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1)")
        copy_to = tuple(name for n in (check.names(c, "copy_to", at) if c.get("copy_to")
                                       else ()) for name in spellings.owners_in(n, at))
        cadences.append(CadenceDoc(key=check.text(c, "key", at), label=check.text(c, "label", at),
                                   rule=rule,
                                   audience=check.text(c, "audience", at, required=False),
                                   carries_report=check.flag(c, "report", at),
                                   copy_to=copy_to))
    return tuple(cadences)


SUB_DAILY = ("HOURLY", "MINUTELY", "SECONDLY")
MAX_THEME_LABEL = 40  # the column's width


def is_valid_rule(rule: str) -> bool:
    """Whether dateutil reads `rule` as an RFC 5545 recurrence rule a board could keep:
    at most daily, since each date means "the first working day of that month"."""
    if any(f"FREQ={freq}" in rule.upper().replace(" ", "") for freq in SUB_DAILY):
        return False
    try:
        rrulestr(rule, dtstart=date(2000, 1, 1))
    except (ValueError, TypeError):
        return False
    return True
