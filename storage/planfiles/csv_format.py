"""Actions as a CSV table, for editing in a spreadsheet.

A CSV file holds only the actions: owners, themes' other details and the
reporting planner come from the plan already in the database.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from storage.cells import safe_cell, unsafe_cell
from storage.errors import PlanFileError
from storage.planfiles.document import PlanDoc
from storage.planfiles.headers import HEADINGS, read_headings
from storage.planfiles.new_plan import NewPlan, new_plan_raw
from storage.planfiles.table import (
    ACTION_COLUMNS,
    action_record,
    action_rows,
    missing_columns,
    themes_of,
)
from storage.planfiles.yaml_format import plan_as_dict


def read_csv(path: Path, base: PlanDoc | None, new: NewPlan | None = None) -> dict[str, Any]:
    """The raw plan of a CSV of actions laid over `base`, the plan it edits, or making the
    `new` plan; its headings are read loosely, and the plan says how."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in reader.fieldnames or []]
            reader.fieldnames = header
            rows = [(n, {k: unsafe_cell(v) for k, v in row.items()})
                    for n, row in enumerate(reader, start=2)]
    except (UnicodeDecodeError, csv.Error) as error:
        raise PlanFileError(str(path), [f"not a readable CSV file ({error})"]) from error
    columns = read_headings(header)
    if missing := missing_columns(list(columns.fields.values()), new_plan=new is not None):
        raise PlanFileError(str(path), [f"this is not a plan's actions table: no column is "
                                        f"“{c}” (or a name for it, such as "
                                        f"{', '.join(HEADINGS[c][:3])})" for c in missing])
    records = [action_record(columns.renamed(row), f"row {number}") for number, row in rows]
    if new is not None:
        return {**new_plan_raw(new, records), "_notes": columns.said()}
    if base is None:
        raise PlanFileError(str(path), ["a CSV file holds only the actions; import the whole "
                                        "plan first (YAML or XLSX, or --sample), or start a "
                                        "new plan from it with --new SLUG --title … "
                                        "--starts … --ends …"])
    raw = plan_as_dict(base)
    raw["themes"] = themes_of(records, dict(base.themes), dict(base.theme_labels))
    raw["actions"] = records
    raw["_notes"] = columns.said()
    return raw


def write_csv(doc: PlanDoc, path: Path) -> None:
    """The actions table, every text cell inert in a spreadsheet (see `storage.cells`)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACTION_COLUMNS)
        writer.writerows([safe_cell(value) for value in row] for row in action_rows(doc))
