"""Import and export: every format round-trips, and a bad file changes nothing."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from storage.database import Database
from storage.errors import PlanFileError
from storage.exporter import plan_document
from storage.importer import import_plan
from storage.models import Action, AuditEntry, StatusChange
from storage.planfiles import SAMPLE_PLAN, read_plan_file, write_plan_file
from storage.repository import PlanRepository, active_plan
from tests.planyaml import dump_raw, sample_raw

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)


def export(database: Database, path: Path) -> None:
    with database.committed() as session:
        write_plan_file(plan_document(session, active_plan(session)), path)


def import_file(database: Database, path: Path) -> None:
    with database.committed() as session:
        plans = session.scalar(select(func.count()).select_from(Action))
        base = plan_document(session, active_plan(session)) if plans else None
        import_plan(session, read_plan_file(path, base), "test", NOW)


def snapshot(database: Database) -> object:
    with database.committed() as session:
        return plan_document(session, active_plan(session))


def test_the_sample_exports_all_44_actions_to_csv(sample_database: Database,
                                                    tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.csv")
    with (tmp_path / "plan.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 44
    by_ref = {r["ref"]: r for r in rows}
    assert by_ref["2.3"]["owners"] == "Policies and Procedures Subgroup"
    assert by_ref["2.3"]["when"] == "Annually"
    assert by_ref["1.15"]["due_date"] == "2014-09-30"
    assert by_ref["5.4"]["owners"].splitlines() == ["Case Review Subgroup", "LSCB Business Group"]
    assert by_ref["5.4"]["due_date"] == ""
    assert by_ref["6.1"]["milestones"].splitlines()[0].startswith("July 2014: 2011 annual")


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_an_export_reimports_to_the_identical_plan(sample_database: Database, tmp_path: Path,
                                                   suffix: str) -> None:
    before = snapshot(sample_database)
    export(sample_database, tmp_path / f"plan.{suffix}")
    import_file(sample_database, tmp_path / f"plan.{suffix}")
    assert snapshot(sample_database) == before


@pytest.mark.parametrize("suffix", ["yaml", "xlsx"])
def test_a_whole_plan_file_rebuilds_the_plan_in_an_empty_database(
        sample_database: Database, tmp_path: Path, suffix: str) -> None:
    export(sample_database, tmp_path / f"plan.{suffix}")
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    import_file(fresh, tmp_path / f"plan.{suffix}")
    assert snapshot(fresh) == snapshot(sample_database)


def test_reimport_keeps_statuses_and_history_and_archives_dropped_actions(
        sample_database: Database, tmp_path: Path) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("1.1"), "on-track", "U1", "agreed at board", NOW)
    raw = sample_raw()
    raw["themes"][0]["actions"] = [a for a in raw["themes"][0]["actions"] if a["ref"] != "1.2"]
    raw["themes"][0]["actions"][0]["text"] = "Governance arrangements, revised"
    (tmp_path / "edited.yaml").write_text(dump_raw(raw))
    import_file(sample_database, tmp_path / "edited.yaml")
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        action = repo.action("1.1")
        assert (action.status, action.text) == ("on-track", "Governance arrangements, revised")
        assert [u.note for u in repo.updates(action)] == ["agreed at board"]
        archived = session.scalar(select(Action).where(Action.ref == "1.2"))
        assert archived is not None and archived.archived
        assert repo.count_actions() == 43
    import_file(sample_database, SAMPLE_PLAN)
    with sample_database.committed() as session:
        assert PlanRepository.for_team(session).action("1.2").archived is False


def bad_yaml(tmp_path: Path, change: object) -> Path:
    raw = sample_raw()
    change(raw)  # type: ignore[operator]
    path = tmp_path / "bad.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True))
    return path


def first_action(raw: dict) -> dict:
    return raw["themes"][0]["actions"][0]


BAD_YAML = {
    "missing field": (lambda r: first_action(r).pop("text"),
                      "theme 1, entry 1 (action 1.1): field “text” is missing"),
    "duplicate ref": (lambda r: first_action(r).update(ref="1.2"), "ref 1.2 appears twice"),
    "unknown owner": (lambda r: first_action(r).update(owners=["Fire Brigade"]),
                      "it does not declare: “Fire Brigade” (theme 1, entry 1 (action 1.1))"),
    "unparseable milestone": (
        lambda r: r["themes"][5]["actions"][0]["milestones"][0].update(when="Summer 2014"),
        "milestone 1: field “when”: “Summer 2014” is not a date the bot can read "
        "(“Summer” is a season, not a month)"),
    "wrong type": (lambda r: first_action(r).update(text=["a", "list"]),
                   "field “text” should be text, not a list"),
    "bad status": (lambda r: first_action(r).update(status="purple"), "field “status”"),
    "bad rule": (lambda r: r["reporting"][0]["cadences"][0].update(rule="FREQ=SOMETIMES"),
                 "is not a recurrence rule"),
    "bad start date": (lambda r: r["plan"].update(starts="next spring"),
                       "field “starts” should be a date"),
}


@pytest.mark.parametrize("case", sorted(BAD_YAML))
def test_a_bad_yaml_file_is_refused_naming_where_and_changes_nothing(
        sample_database: Database, tmp_path: Path, case: str) -> None:
    change, message = BAD_YAML[case]
    before = snapshot(sample_database)
    with pytest.raises(PlanFileError) as caught:
        import_file(sample_database, bad_yaml(tmp_path, change))
    assert message in str(caught.value)
    assert snapshot(sample_database) == before


def test_an_unknown_theme_in_a_csv_names_the_row(sample_database: Database,
                                                  tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.csv")
    lines = (tmp_path / "plan.csv").read_text().splitlines(keepends=True)
    (tmp_path / "plan.csv").write_text("".join(lines).replace(
        "\n1,Leadership and Governance,", "\n12,,", 1))
    with pytest.raises(PlanFileError) as caught:
        import_file(sample_database, tmp_path / "plan.csv")
    assert "row 2 (action 1.1): field “theme”: there is no theme 12" in str(caught.value)


def test_a_csv_missing_a_column_is_not_a_plan(sample_database: Database, tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text("ref,text\n1.1,hello\n")
    with pytest.raises(PlanFileError, match="no column is “theme”"):
        import_file(sample_database, tmp_path / "plan.csv")


def test_an_xlsx_row_error_names_the_sheet_and_row(sample_database: Database,
                                                   tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.xlsx")
    book = load_workbook(tmp_path / "plan.xlsx")
    book["Actions"]["C5"] = "1.1"
    book.save(tmp_path / "plan.xlsx")
    with pytest.raises(PlanFileError, match=r"sheet Actions, row 5 \(action 1.1\): ref 1.1"):
        import_file(sample_database, tmp_path / "plan.xlsx")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notes.yaml", "- just\n- a list\n", "this is not a plan file"),
    ("broken.yaml", "plan: [unclosed\n", "line 2: not valid YAML"),
    ("plan.txt", "hello", "unknown file type"),
    ("plan.xlsx", "not a zip", "not a readable XLSX workbook"),
])
def test_files_that_are_not_plans_are_refused(sample_database: Database, tmp_path: Path,
                                              name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content)
    with pytest.raises(PlanFileError, match=message):
        import_file(sample_database, tmp_path / name)


def test_unreadable_wording_is_kept_verbatim_and_reported(sample_database: Database,
                                                          tmp_path: Path) -> None:
    path = bad_yaml(tmp_path, lambda r: first_action(r).update(when="Summer 2014"))
    with sample_database.committed() as session:
        doc = read_plan_file(path)
        report = import_plan(session, doc, "test", NOW)
    assert any("“Summer 2014” is not a date the bot can read" in w for w in report.warnings)
    with sample_database.committed() as session:
        action = PlanRepository.for_team(session).action("1.1")
        assert (action.when_text, action.due_kind, action.due_date) == ("Summer 2014",
                                                                        "unparsed", None)


def test_every_import_and_status_change_is_audited(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("2.3"), "at-risk", "U7", "late returns", NOW)
    with sample_database.committed() as session:
        verbs = list(session.scalars(select(AuditEntry.verb).order_by(AuditEntry.id)))
        assert verbs == ["plan.import", "action.status"]
        assert session.scalar(select(func.count()).select_from(StatusChange)) == 1
