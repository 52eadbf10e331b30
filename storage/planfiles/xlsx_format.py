"""The whole plan as an Excel workbook: one sheet each for plan, owners, themes,
actions, reporting rows and cadences."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from storage.errors import PlanFileError
from storage.planfiles.document import PlanDoc
from storage.planfiles.table import ACTION_COLUMNS, action_record, action_rows, missing_columns

SHEETS = ("Plan", "Owners", "Themes", "Actions", "Reporting", "Cadences")


def read_xlsx(path: Path) -> dict[str, Any]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise PlanFileError(str(path), [f"not a readable XLSX workbook ({error})"]) from error
    if missing := [s for s in SHEETS if s not in book.sheetnames]:
        raise PlanFileError(str(path), [f"this is not a plan workbook: sheet “{s}” is missing"
                                        for s in missing])
    actions = _records(book["Actions"])
    if absent := missing_columns(list(actions[0][1]) if actions else []):
        raise PlanFileError(str(path), [f"sheet Actions: column “{c}” is missing"
                                        for c in absent])
    plan = {str(r.get("field")): r.get("value") for _, r in _records(book["Plan"])}
    cadences = _records(book["Cadences"])
    return {
        "plan": {**plan, "_where": "sheet Plan"},
        "owners": [{**r, "_where": f"sheet Owners, row {n}"} for n, r in _records(book["Owners"])],
        "themes": [{**r, "_where": f"sheet Themes, row {n}"} for n, r in _records(book["Themes"])],
        "actions": [action_record(r, f"sheet Actions, row {n}") for n, r in actions],
        "reporting": [{**r, "_where": f"sheet Reporting, row {n}",
                       "cadences": [{**c, "_where": f"sheet Cadences, row {m}"}
                                    for m, c in cadences if c.get("row") == r.get("key")]}
                      for n, r in _records(book["Reporting"])],
    }


def _records(sheet: Worksheet) -> list[tuple[int, dict[str, Any]]]:
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    return [(n, {h: v for h, v in zip(header, row, strict=False) if h and v is not None})
            for n, row in enumerate(rows[1:], start=2) if any(v is not None for v in row)]


def write_xlsx(doc: PlanDoc, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Plan", ["field", "value"],
           [["slug", doc.slug], ["title", doc.title], ["board", doc.board],
            ["starts", doc.starts.isoformat()], ["ends", doc.ends.isoformat()],
            ["places", "\n".join(doc.places)]])
    _sheet(book, "Owners", ["name", "kind", "aliases"],
           [[o.name, o.kind, "\n".join(o.aliases)] for o in doc.owners])
    _sheet(book, "Themes", ["number", "title"], [[n, t] for n, t in doc.themes])
    _sheet(book, "Actions", list(ACTION_COLUMNS), action_rows(doc))
    _sheet(book, "Reporting", ["key", "what", "by", "activity", "tells", "when"],
           [[r.key, r.what, "\n".join(r.by), r.activity, r.tells, r.when]
            for r in doc.reporting])
    _sheet(book, "Cadences", ["row", "key", "label", "audience", "rule", "report", "copy_to"],
           [[r.key, c.key, c.label, c.audience, c.rule, "yes" if c.carries_report else "no",
             "\n".join(c.copy_to)] for r in doc.reporting for c in r.cadences])
    book.save(path)


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
