"""A plan file carrying a child's details is refused whole, naming where and the field only."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from storage.database import Database
from storage.errors import PlanFileError
from storage.planfiles import read_plan_file
from tests.planyaml import dump_raw, sample_raw
from tests.storage.test_planfiles import export, import_file, snapshot

# What must never appear in a refusal: every piece of the data planted below.
PLANTED = ("Kayden", "Moore", "12/03/2009", "2009", "943 476 5919", "9434765919", "Ruby",
           "CA1 1AA", "Amy-Leigh", "O'Brien")


def refused(path: Path, base_database: Database | None = None) -> str:
    with pytest.raises(PlanFileError) as caught:
        if base_database is None:
            read_plan_file(path)
        else:
            import_file(base_database, path)
    message = str(caught.value)
    for piece in PLANTED:
        assert piece not in message
    return message


def yaml_with(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    raw = sample_raw()
    change(raw)
    path = tmp_path / "plan.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True), encoding="utf-8")
    return path


def action(raw: dict[str, Any], theme: int, entry: int) -> dict[str, Any]:
    actions: list[dict[str, Any]] = raw["themes"][theme - 1]["actions"]
    return actions[entry - 1]


YAML_CASES = {
    "action text": (lambda r: action(r, 1, 1).update(text="Audit Kayden Moore (12/03/2009)"),
                    "theme 1, entry 1 (action 1.1): field “text”: it contains a full date beside "
                    "what looks like a person's name"),
    "outcome": (lambda r: action(r, 1, 2).update(outcome="NHS no 943 476 5919 seen"),
                "theme 1, entry 2 (action 1.2): field “outcome”: it contains what looks like "
                "a valid NHS number"),
    "when": (lambda r: action(r, 2, 1).update(when="Ruby DOB 12/03/2009"),
             "theme 2, entry 1 (action 2.1): field “when”: it contains what looks like a date "
             "of birth"),
    "milestone label": (
        lambda r: action(r, 6, 1)["milestones"][0].update(label="Amy-Leigh O'Brien, CA1 1AA"),
        "theme 6, entry 1 (action 6.1), milestone 1: field “label”: it contains a full postcode "
        "beside what looks like a person's name"),
    "reporting row": (lambda r: r["reporting"][0].update(tells="lives at 4 Oak Close, CA1 1AA"),
                      "reporting, row 1: field “tells”: it contains what looks like a home "
                      "address"),
    "cadence label": (lambda r: r["reporting"][0]["cadences"][0].update(label="9434765919"),
                      "cadence 1: field “label”: it contains what looks like a valid NHS number"),
    "owner name": (lambda r: r["owners"][2].update(name="Kayden Moore 12/03/2009"),
                   "owners, entry 3: field “name”: it contains a full date beside what looks "
                   "like a person's name"),
    "owner alias": (lambda r: r["owners"][0]["aliases"].append("Kayden Moore b. 12/03/2009"),
                    "owners, entry 1: field “aliases”: it contains what looks like a date of "
                    "birth"),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_a_yaml_file_with_child_data_is_refused_naming_the_entry_and_field(
        tmp_path: Path, case: str) -> None:
    change, expected = YAML_CASES[case]
    assert expected in refused(yaml_with(tmp_path, change))


def test_every_field_with_child_data_is_named_at_once(tmp_path: Path) -> None:
    def plant(raw: dict[str, Any]) -> None:
        action(raw, 1, 1).update(text="Kayden Moore 12/03/2009")
        action(raw, 3, 1).update(outcome="NHS 943 476 5919")

    message = refused(yaml_with(tmp_path, plant))
    assert "(action 1.1): field “text”" in message
    assert "(action 3.1): field “outcome”" in message


def test_a_refused_file_leaves_the_database_as_it_was(sample_database: Database,
                                                      tmp_path: Path) -> None:
    before = snapshot(sample_database)
    path = yaml_with(tmp_path, lambda r: action(r, 1, 1).update(text="Kayden Moore 12/03/2009"))
    refused(path, sample_database)
    assert snapshot(sample_database) == before


def test_a_csv_row_with_child_data_is_refused_by_row_and_field(sample_database: Database,
                                                               tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.csv")
    with (tmp_path / "plan.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index("outcome")] = "jamie smith\u00a0dob\u00a012.03.09"  # as Word pastes
    with (tmp_path / "plan.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    message = refused(tmp_path / "plan.csv", sample_database)
    assert f"row 4 (action {rows[3][2]}): field “outcome”: it contains what looks like a date " \
           "of birth" in message


@pytest.mark.parametrize(("sheet", "cell", "expected"), [
    ("Actions", "D5", "sheet Actions, row 5 (action 1.4): field “text”"),
    ("Actions", "I47", "sheet Actions, row 47"),  # the milestones column
    ("Reporting", "E3", "sheet Reporting, row 3: field “tells”"),
    ("Cadences", "C2", "sheet Cadences, row 2: field “label”"),
    ("Themes", "B4", "sheet Themes, row 4: field “title”"),
])
def test_an_xlsx_cell_with_child_data_is_refused_by_sheet_row_and_field(
        sample_database: Database, tmp_path: Path, sheet: str, cell: str, expected: str) -> None:
    export(sample_database, tmp_path / "plan.xlsx")
    book = load_workbook(tmp_path / "plan.xlsx")
    planted = "Kayden Moore 12/03/2009"
    book[sheet][cell] = f"July 2014: {planted}" if cell == "I47" else planted
    book.save(tmp_path / "plan.xlsx")
    message = refused(tmp_path / "plan.xlsx", sample_database)
    assert expected in message
    assert "it contains a full date beside what looks like a person's name" in message


def test_the_files_places_are_its_vocabulary(tmp_path: Path) -> None:
    office = "Drop-in sessions at Kirkby Stephen Grammar, CA17 4HA"  # Stephen is a given name
    assert read_plan_file(yaml_with(tmp_path, lambda r: action(r, 1, 1).update(text=office)))

    def without_places(raw: dict[str, Any]) -> None:
        action(raw, 1, 1).update(text=office)
        raw["plan"]["places"].remove("Kirkby Stephen")

    assert "(action 1.1): field “text”: it contains a full postcode" in refused(
        yaml_with(tmp_path, without_places))


def test_an_action_text_is_not_vocabulary_so_a_name_cannot_excuse_itself(tmp_path: Path) -> None:
    def plant(raw: dict[str, Any]) -> None:
        action(raw, 1, 1).update(text="Work with Kayden Moore's school")
        action(raw, 1, 2).update(text="Kayden Moore 12/03/2009")

    assert "(action 1.2): field “text”" in refused(yaml_with(tmp_path, plant))


def test_a_structural_name_is_read_without_the_files_vocabulary(tmp_path: Path) -> None:
    # The owner's own words would excuse it if the file's vocabulary were used on it.
    change = lambda r: r["owners"][2].update(name="Kayden Moore 12/03/2009")  # noqa: E731
    assert "owners, entry 3: field “name”" in refused(yaml_with(tmp_path, change))


def test_the_sample_and_its_exports_pass_the_guard(sample_database: Database,
                                                 tmp_path: Path) -> None:
    for suffix in ("yaml", "xlsx", "csv"):
        export(sample_database, tmp_path / f"plan.{suffix}")
        import_file(sample_database, tmp_path / f"plan.{suffix}")
