"""The whole plan as an Excel workbook: one sheet each for plan, owners, themes,
actions, reporting rows and cadences."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from storage.cells import safe_cell, unsafe_cell
from storage.errors import PlanFileError
from storage.planfiles.document import PlanDoc
from storage.planfiles.examples import GUIDE_SHEET, refuse_examples
from storage.planfiles.headers import read_headings
from storage.planfiles.limits import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, check_zip, shown
from storage.planfiles.table import ACTION_COLUMNS, action_record, action_rows, missing_columns

#: The Plan sheet's rows for the plan's own words: `words.board`, `words.theme`.
WORDS = "words."
SHEETS = ("Plan", "Owners", "Themes", "Actions", "Reporting", "Cadences")


#: What openpyxl raises on a damaged or hostile workbook (defusedxml's refusals of DTDs and
#: entities are ValueErrors; expat's, without it, ParseErrors).
UNREADABLE = (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, IndexError,
              TypeError, ValueError, ParseError)


def read_xlsx(path: Path) -> dict[str, Any]:
    check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return _read_book(book, path)
        finally:
            book.close()
    except UNREADABLE as error:
        raise PlanFileError(str(path), [f"not a readable XLSX workbook ({shown(error)})"]
                            ) from error


def _read_book(book: Any, path: Path) -> dict[str, Any]:
    if missing := [s for s in SHEETS if s not in book.sheetnames]:
        raise PlanFileError(str(path), [f"this is not a plan workbook: sheet “{s}” is missing"
                                        for s in missing])
    tables = {name: _table(book[name], path) for name in SHEETS}
    sheets = {name: rows for name, (_, rows) in tables.items()}
    columns = read_headings(tables["Actions"][0])
    actions = [(n, columns.renamed(r)) for n, r in sheets["Actions"]]
    if absent := missing_columns(list(columns.fields.values())):
        raise PlanFileError(str(path), [f"sheet Actions: column “{c}” is missing"
                                        for c in absent])
    plan = {str(r.get("field")): r.get("value") for _, r in sheets["Plan"]}
    words = {k.removeprefix(WORDS): plan.pop(k) for k in list(plan) if k.startswith(WORDS)}
    if words:
        plan["words"] = words
    cadences = sheets["Cadences"]
    raw = {
        "plan": {**plan, "_where": "sheet Plan"},
        "owners": [{**r, "_where": f"sheet Owners, row {n}"} for n, r in sheets["Owners"]],
        "themes": [{**r, "_where": f"sheet Themes, row {n}"} for n, r in sheets["Themes"]],
        "actions": [action_record(r, f"sheet Actions, row {n}") for n, r in actions],
        "reporting": [{**r, "_where": f"sheet Reporting, row {n}",
                       "cadences": [{**c, "_where": f"sheet Cadences, row {m}"}
                                    for m, c in cadences if c.get("row") == r.get("key")]}
                      for n, r in sheets["Reporting"]],
    }
    raw["_notes"] = [f"sheet Actions: {note}" for note in columns.said()]
    if GUIDE_SHEET in book.sheetnames:
        refuse_examples(raw, str(path))
    return raw


def _table(sheet: Worksheet, path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """A sheet's header and the rows under it, read no further than any plan could reach (a
    cell far down the sheet would otherwise make openpyxl fill in every row before it)."""
    rows = list(sheet.iter_rows(max_row=MAX_SHEET_ROWS + 1, max_col=MAX_SHEET_COLUMNS,
                                values_only=True))
    if len(rows) > MAX_SHEET_ROWS:
        raise PlanFileError(str(path), [f"sheet {sheet.title}: more than {MAX_SHEET_ROWS:,} "
                                        f"rows (is something far below the table?)"])
    if not rows:
        return [], []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    return header, [(n, {h: unsafe_cell(v) for h, v in zip(header, row, strict=False)
                         if h and v is not None})
                    for n, row in enumerate(rows[1:], start=2) if any(v is not None for v in row)]


def write_xlsx(doc: PlanDoc, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Plan", ["field", "value"],
           [["slug", doc.slug], ["title", doc.title], ["board", doc.board],
            ["starts", doc.starts.isoformat()], ["ends", doc.ends.isoformat()],
            ["places", "\n".join(doc.places)],
            *([f"{WORDS}{k}", v] for k, v in (("board", doc.words.board),
                                              ("theme", doc.words.theme)) if v)])
    _sheet(book, "Owners", ["name", "kind", "aliases", "members"],
           [[o.name, o.kind, "\n".join(o.aliases), "\n".join(o.members)] for o in doc.owners])
    labels = dict(doc.theme_labels)
    _sheet(book, "Themes", ["number", "title", "label"],
           [[n, t, labels.get(n, "")] for n, t in doc.themes])
    _sheet(book, "Actions", list(ACTION_COLUMNS), action_rows(doc))
    _sheet(book, "Reporting", ["key", "what", "by", "activity", "tells", "when"],
           [[r.key, r.what, "\n".join(r.by), r.activity, r.tells, r.when]
            for r in doc.reporting])
    _sheet(book, "Cadences", ["row", "key", "label", "audience", "rule", "report", "copy_to"],
           [[r.key, c.key, c.label, c.audience, c.rule, "yes" if c.carries_report else "no",
             "\n".join(c.copy_to)] for r in doc.reporting for c in r.cadences])
    book.save(path)


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> None:
    """A sheet whose text cells are all inert: openpyxl itself would store a text that
    begins with `=` as a formula, and Excel would run it (see `storage.cells`)."""
    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
