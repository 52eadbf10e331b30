"""How big and how strange a plan file may be before anything in it is believed.

A plan of 10,000 actions is about 3 MB of YAML, 121,000 values, nested 7 deep; the
limits leave room for that and refuse what no plan needs: files over 8 MB, YAML whose
aliases expand a 400-byte file into a billion values, nesting deeper than 16, workbooks
that unzip to more than 64 MB or claim a million rows, and values that do not fit their
database column or hold control characters (PostgreSQL refuses NUL outright, SQLite
keeps it; both would store a 5,000-character ref, PostgreSQL with an error mid-import).
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import String

from storage.errors import PlanFileError
from storage.models import Action, Cadence, Milestone, Owner, OwnerAlias, Plan, ReportingRow, Theme
from storage.names import name_key
from storage.planfiles.document import ActionDoc, OwnerDoc, ReportingDoc

MAX_FILE_BYTES = 8 << 20
MAX_VALUES = 1_000_000  # after expanding YAML aliases
MAX_SHARED = 1_000  # uses of an anchored list or mapping (YAML aliases)
MAX_DEPTH = 16
MAX_UNZIPPED_BYTES = 64 << 20
MAX_ZIP_MEMBERS = 500
MAX_SHEET_ROWS = 50_000
MAX_SHEET_COLUMNS = 50
#: For Text columns, which the database does not bound: ten times the sample's longest.
MAX_TEXT = 10_000
SHOWN = 300  # a problem quoting a value shows at most this much of it


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PlanFileError(str(path), [f"the file is {size / (1 << 20):.1f} MB; a plan file "
                                        f"may be at most {MAX_FILE_BYTES >> 20} MB"])


def check_tree(raw: object, path: Path) -> None:
    """Refuse a parsed YAML document that is too deep, or expands (through aliases) to too
    many values, before anything walks or prints it."""
    stack: list[tuple[object, int]] = [(raw, 1)]
    seen: set[int] = set()
    values = shared = 0
    while stack:
        value, depth = stack.pop()
        values += 1
        if values > MAX_VALUES:
            _refuse(path, f"more than {MAX_VALUES:,} values (counting what aliases repeat)")
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_DEPTH:
            _refuse(path, f"nested more than {MAX_DEPTH} deep")
        if id(value) in seen:
            shared += 1
            if shared > MAX_SHARED:
                _refuse(path, f"more than {MAX_SHARED:,} aliases (* references to & anchors)")
        seen.add(id(value))
        stack.extend((item, depth + 1) for item in
                     (value.values() if isinstance(value, dict) else value))


def check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unzip to more than any plan needs (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        _refuse(path, f"not a readable XLSX workbook ({error})")
    if len(parts) > MAX_ZIP_MEMBERS:
        _refuse(path, f"the workbook holds {len(parts):,} parts; a plan needs a few dozen")
    unzipped = sum(p.file_size for p in parts)
    if unzipped > MAX_UNZIPPED_BYTES:
        _refuse(path, f"the workbook unzips to {unzipped / (1 << 20):,.0f} MB; at most "
                      f"{MAX_UNZIPPED_BYTES >> 20} MB")


def _refuse(path: Path, problem: str) -> None:
    raise PlanFileError(str(path), [problem])


def shown(value: object, limit: int = SHOWN) -> str:
    """`value` as a problem quotes it: clipped, so a huge value cannot flood the message,
    and with control characters spelt out, so none reaches a terminal or a log."""
    text = str(value) if isinstance(value, str | int | float | Exception) \
        else f"<{type(value).__name__}>"
    text = text if len(text) <= limit else text[:limit] + "…"
    return "".join(c if c.isprintable() else " " if c in "\t\n\r" else f"\\x{ord(c):02x}"
                   if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text)


# --- values that do not fit the database ---------------------------------------------------


def _length(column: object) -> int:
    kind = getattr(column, "type", None)
    return kind.length if isinstance(kind, String) and kind.length else MAX_TEXT


def control_character(text: str) -> str | None:
    """The first character no plan text should hold (NUL, other controls, lone surrogates),
    as U+XXXX; tabs and line breaks are layout, and allowed."""
    for char in text:
        if char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cs"):
            return f"U+{ord(char):04X}"
    return None


def _field(where: str, field: str, value: str, limit: int) -> Iterator[str]:
    if (char := control_character(value)) is not None:
        yield f"{where}: field “{field}” holds a control character ({char})"
    if len(value) > limit:
        yield f"{where}: field “{field}” is {len(value):,} characters long; at most {limit:,}"


def _fields(where: str, values: Iterable[tuple[str, str, object]]) -> list[str]:
    return [p for field, value, column in values for p in _field(where, field, value,
                                                                  _length(column))]


def unfit_values(slug: str, title: str, board: str, owners: tuple[OwnerDoc, ...],
                 themes: tuple[tuple[int, str], ...], actions: tuple[ActionDoc, ...],
                 reporting: tuple[ReportingDoc, ...]) -> list[str]:
    """Every value that its database column could not hold, named by where and field."""
    problems = _fields("plan", [("slug", slug, Plan.slug), ("title", title, Plan.title),
                                ("board", board, Plan.board)])
    for owner in owners:
        problems += _fields(f"owner “{shown(owner.name)}”", [("name", owner.name, Owner.name)] + [
            ("aliases", a, OwnerAlias.alias) for a in owner.aliases] + [
            ("aliases", name_key(a), OwnerAlias.key) for a in (owner.name, *owner.aliases)])
    for number, theme_title in themes:
        problems += _fields(f"theme {number}", [("title", theme_title, Theme.title)])
    for action in actions:
        where = f"action {shown(action.ref)}"
        problems += _fields(where, [("ref", action.ref, Action.ref), ("text", action.text, None),
                                    ("outcome", action.outcome, None),
                                    ("when", action.when, Action.when_text)])
        for i, m in enumerate(action.milestones, start=1):
            problems += _fields(f"{where}, milestone {i}", [
                ("label", m.label, Milestone.label), ("when", m.when, Milestone.when_text)])
    for row in reporting:
        problems += _reporting_row(row)
    return problems


def _reporting_row(row: ReportingDoc) -> list[str]:
    problems = _fields(f"reporting row “{shown(row.key)}”", [
        ("key", row.key, ReportingRow.key), ("what", row.what, ReportingRow.what),
        ("activity", row.activity, None), ("tells", row.tells, None), ("when", row.when, None)])
    for c in row.cadences:
        problems += _fields(f"cadence “{shown(c.key)}”", [
            ("key", c.key, Cadence.key), ("label", c.label, Cadence.label),
            ("audience", c.audience, Cadence.audience), ("rule", c.rule, Cadence.rule),
            ("copy_to", "\n".join(c.copy_to), Cadence.copy_to)])
    return problems
