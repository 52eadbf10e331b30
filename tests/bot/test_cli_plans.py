"""Any partnership's plan from the command line: a new plan from a CSV of actions alone,
the blank template filled in, and the second sample."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import SAMPLE_NAMES
from storage.planfiles import SAMPLES
from tests.bot.conftest import Lscb

LOOSE = [
    ["Priority", "No.", "Action", "Lead", "By when", "RAG", "What we are trying to achieve",
     "Comments"],
    ["Priority 1: Neglect", "", "Agree one neglect tool", "Council / ICB", "Q3 2025/26",
     "Amber", "Neglect is seen earlier", "agreed at the exec"],
    ["Priority 1: Neglect", "", "Train staff in the tool", "Each agency", "by end of March 2026",
     "R", "", ""],
    ["Voice of the child", "3.1", "Set up a young people's group", "Council", "Ongoing",
     "complete", "", ""],
    ["Voice of the child", "3.1a", "Young people meet the partners", "Council & Police",
     "Oct/Nov 2025", "", "", ""],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


NEW = ("--new", "larkmoor-test", "--title", "Larkmoor test plan", "--starts", "2025-04-01",
       "--ends", "2028-03-31")


def test_a_csv_of_actions_alone_starts_a_plan_saying_how_it_read_each_column(
        lscb: Lscb, tmp_path: Path) -> None:
    write_csv(tmp_path / "actions.csv", LOOSE)
    code, out, err = lscb("plan", "import", "actions.csv", *NEW)
    assert code == 0, err
    assert "Imported plan larkmoor-test: 4 new" in out
    assert ("Read: read the columns “Priority” as theme, “No.” as ref, “Action” as text, "
            "“Lead” as owners, “By when” as when, “RAG” as status, “What we are trying to "
            "achieve” as outcome") in out
    assert "left alone the columns “Comments”" in out
    assert "created 4 owner(s) the file names but does not declare, as roles: Council, ICB, " \
           "Each agency, Police" in out
    lscb("plan", "export", "plan.csv")
    rows = {r["ref"]: r for r in csv.DictReader((tmp_path / "plan.csv").open(newline=""))}
    assert list(rows) == ["1.1", "1.2", "3.1", "3.1a"]
    assert rows["1.1"]["theme_title"] == "Neglect" and rows["3.1"]["theme_title"] == \
        "Voice of the child"
    assert rows["1.1"]["owners"].splitlines() == ["Council", "ICB"]
    assert rows["1.1"]["due_date"] == "2025-12-31" and rows["1.2"]["status"] == "off-track"
    assert rows["3.1a"]["owners"].splitlines() == ["Council", "Police"]
    assert rows["1.1"]["outcome"] == "Neglect is seen earlier"


def test_a_new_plan_needs_its_dates_and_a_name_not_taken(lscb: Lscb, tmp_path: Path
                                                         ) -> None:
    write_csv(tmp_path / "actions.csv", LOOSE)
    code, _, err = lscb("plan", "import", "actions.csv", "--new", "x", "--title", "X")
    assert code == 2 and "a new plan needs --starts, --ends as well" in err
    assert lscb("plan", "import", "actions.csv", *NEW)[0] == 0
    code, _, err = lscb("plan", "import", "actions.csv", *NEW)
    assert code == 2 and "there is already a plan larkmoor-test" in err


def test_a_table_without_the_columns_a_plan_needs_says_which_are_missing(
        lscb: Lscb, tmp_path: Path) -> None:
    write_csv(tmp_path / "actions.csv", [["Action", "Comments"], ["Do it", "soon"]])
    code, _, err = lscb("plan", "import", "actions.csv", *NEW)
    assert code == 2 and "no column is “owners” (or a name for it, such as Lead, Leads, " \
        "Lead agency)" in err and "no column is “when”" in err


def test_the_template_untouched_is_refused_and_filled_in_imports(lscb: Lscb, tmp_path: Path
                                                                 ) -> None:
    code, out, _ = lscb("plan", "template", "plan.xlsx")
    assert code == 0 and "Wrote a blank plan to fill in: plan.xlsx" in out
    book = load_workbook(tmp_path / "plan.xlsx")
    assert book.sheetnames[0] == "Guide"
    assert not [c.coordinate for sheet in book for row in sheet.iter_rows() for c in row
                if c.data_type == "f"]  # every cell a value: nothing in it runs
    rules = {str(r.sqref): r.formula1 for r in book["Actions"].data_validations.dataValidation}
    assert rules["J2:J500"] == '"Not started,Green,Amber,Red,Complete"'
    assert rules["E2:E500"] == "=Owners!$A$2:$A$500"
    code, _, err = lscb("plan", "import", "plan.xlsx")
    assert code == 2 and "this is the blank plan template, not yet filled in" in err
    plan = book["Plan"]
    for row, value in zip(range(2, 7), ["filled", "Filled plan", "Filled SCP", "2025-04-01",
                                        "2028-03-31"], strict=True):
        plan.cell(row, 2, value)
    book["Actions"].cell(2, 4, "Agree the neglect tool")
    book.save(tmp_path / "plan.xlsx")
    code, _, err = lscb("plan", "import", "plan.xlsx")
    assert code == 2 and "sheet Actions, row 3: this is one of the template's example rows" \
        in err
    book["Actions"].cell(3, 4, "Train staff in the tool")
    book.save(tmp_path / "plan.xlsx")
    code, out, err = lscb("plan", "import", "plan.xlsx")
    assert code == 0 and "Imported plan filled: 2 new" in out, err
    lscb("plan", "export", "back.csv")
    rows = {r["ref"]: r for r in csv.DictReader((tmp_path / "back.csv").open(newline=""))}
    assert rows["1.1"]["owners"].splitlines() == ["Local Authority", "Integrated Care Board"]
    assert rows["1.1"]["status"] == "at-risk" and rows["1.1a"]["owners"] == "Statutory Partners"
    assert rows["1.1a"]["text"] == "Train staff in the tool"


def test_the_partnership_sample_imports_and_the_console_shows_either(lscb: Lscb
                                                                     ) -> None:
    assert set(SAMPLE_NAMES) == set(SAMPLES)
    code, out, _ = lscb("plan", "import", "--sample", "partnership")
    assert code == 0 and out.startswith("Imported plan larkmoor-scp-2025-2028: 23 new")
    code, out, _ = lscb("console", "--sample", "cumbria", stdin="theme 1\n")
    assert "Loaded the sample plan cumbria-lscb-2014-2017" in out
    assert "Leadership and Governance" in out
    code, out, _ = lscb("console", "--sample", "partnership", stdin="theme 1\n")
    assert "Loaded the sample plan" not in out  # imported already: now only chosen
    assert "Neglect and early help" in out and "1.1a" in out


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_each_sample_has_no_problem_and_only_the_warnings_it_means(name: str) -> None:
    from storage.planfiles import read_plan_file

    doc = read_plan_file(SAMPLES[name])
    assert doc.actions
    assert all("owner" not in w for w in doc.warnings)

