"""The shape of a partnership's plan: sub-actions, missing references, RAG statuses, joint
owners, owner groups, and owners a file names without declaring them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storage.database import Database
from storage.errors import PlanFileError
from storage.exporter import plan_document
from storage.importer import import_plan
from storage.models import Owner
from storage.planfiles import SAMPLES, read_plan_file, write_plan_file
from storage.planfiles.new_plan import numbered_themes
from storage.refs import parent_ref, sub_refs
from storage.repository import active_plan
from tests.planyaml import dump_raw

NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def partnership(actions: list[dict[str, Any]], owners: list[dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    return {
        "plan": {"slug": "shape", "title": "Shape partnership plan", "starts": "2025-04-01",
                 "ends": "2028-03-31"},
        "owners": owners if owners is not None else [
            {"name": "Local Authority", "kind": "agency", "aliases": ["LA", "council"]},
            {"name": "ICB", "kind": "agency", "aliases": ["Integrated Care Board"]},
            {"name": "Police", "kind": "agency"},
            {"name": "Schools", "kind": "agency"},
            {"name": "The statutory partners", "kind": "group",
             "members": ["LA", "ICB", "Police"]}],
        "themes": [{"number": 1, "title": "Early help", "actions": actions}],
    }


def write(tmp_path: Path, raw: dict[str, Any], name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dump_raw(raw, allow_unicode=True))
    return path


def imported(database: Database, path: Path, create_owners: bool = False) -> list[str]:
    with database.committed() as session:
        return import_plan(session, read_plan_file(path, create_owners=create_owners),
                           "test", NOW).warnings


def exported(database: Database, path: Path) -> Path:
    with database.committed() as session:
        write_plan_file(plan_document(session, active_plan(session)), path)
    return path


def action(ref: str | None, owners: Any = "Police", status: str | None = None
           ) -> dict[str, Any]:
    record: dict[str, Any] = {"text": f"Do {ref or 'something'}", "owners": owners,
                              "when": "March 2026"}
    if ref:
        record["ref"] = ref
    if status:
        record["status"] = status
    return record


def test_a_sub_action_knows_its_parent_from_its_reference() -> None:
    assert parent_ref("1.1a") == parent_ref("1.1B") == parent_ref("1.1.2") == "1.1"
    assert parent_ref("1.1") is None and parent_ref("1") is None
    assert sub_refs("1.1", ["1.1", "1.1a", "1.2", "1.1.2", "1.10"]) == ["1.1a", "1.1.2"]


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_sub_actions_and_missing_references_survive_export_and_reimport(
        database: Database, tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, partnership([action("1.1"), action("1.1a"), action("1.1b"),
                                        action(None), action("1.1.2"), action(None)]))
    warnings = imported(database, path)
    assert any("no reference; given 1.2" in w for w in warnings)
    with database.committed() as session:
        refs = [a.ref for a in plan_document(session, active_plan(session)).actions]
    assert refs == ["1.1", "1.1a", "1.1b", "1.2", "1.1.2", "1.3"]
    again = exported(database, tmp_path / f"again.{suffix}")
    with database.committed() as session:
        base = plan_document(session, active_plan(session))
        report = import_plan(session, read_plan_file(again, base), "test", NOW)
    assert report.created == [] and report.archived == [] and report.updated == []
    assert not any("no reference" in w for w in report.warnings)
    assert imported(database, path) and _refs(database) == refs  # the same file, same refs


def _refs(database: Database) -> list[str]:
    with database.committed() as session:
        return [a.ref for a in plan_document(session, active_plan(session)).actions]


@pytest.mark.parametrize(("written", "status"), [
    ("Red", "off-track"), ("AMBER", "at-risk"), ("green", "on-track"), ("R", "off-track"),
    ("a", "at-risk"), ("G", "on-track"), ("Complete", "complete"), ("blue", "complete"),
    ("Not started", "not-started"), ("In progress", "on-track"), ("on track", "on-track")])
def test_a_status_is_read_in_a_file_as_in_a_command(tmp_path: Path, written: str,
                                                    status: str) -> None:
    doc = read_plan_file(write(tmp_path, partnership([action("1.1", status=written)])))
    assert doc.actions[0].status == status


def test_a_status_no_one_uses_is_refused_naming_the_words_the_bot_reads(tmp_path: Path
                                                                        ) -> None:
    with pytest.raises(PlanFileError) as caught:
        read_plan_file(write(tmp_path, partnership([action("1.1", status="purple")])))
    assert "red, amber, green, blue" in str(caught.value) and "“purple”" in str(caught.value)


@pytest.mark.parametrize("written", ["LA / ICB", "LA and ICB", "council & Integrated Care Board",
                                     "LA/ICB", "LA, ICB"])
def test_joint_owners_are_each_an_owner(tmp_path: Path, written: str) -> None:
    doc = read_plan_file(write(tmp_path, partnership([action("1.1", owners=written)])))
    assert doc.actions[0].owners == ("Local Authority", "ICB")


def test_a_name_with_and_in_it_is_read_whole_before_it_is_split(tmp_path: Path) -> None:
    owners = [{"name": "Learning and Improvement Subgroup", "kind": "subgroup"},
              {"name": "Police", "kind": "agency"}]
    raw = partnership([action("1.1", owners="Learning and Improvement Subgroup and Police")],
                      owners)
    doc = read_plan_file(write(tmp_path, raw))
    assert doc.actions[0].owners == ("Learning and Improvement Subgroup", "Police")


def test_undeclared_owners_are_refused_all_at_once_with_their_names(tmp_path: Path) -> None:
    raw = partnership([action("1.1", owners="Fire Service"), action("1.2", owners="Probation"),
                       action("1.3", owners="LA / Probation")])
    with pytest.raises(PlanFileError) as caught:
        read_plan_file(write(tmp_path, raw))
    message = str(caught.value)
    assert "does not declare: “Fire Service” (theme 1, entry 1 (action 1.1)); “Probation” " \
           "(theme 1, entry 2 (action 1.2), theme 1, entry 3 (action 1.3))" in message
    assert "--create-owners" in message


def test_undeclared_owners_are_created_and_listed_when_asked(database: Database,
                                                             tmp_path: Path) -> None:
    raw = partnership([action("1.1", owners="Fire Service"),
                       action("1.2", owners="LA / fire service")])
    warnings = imported(database, write(tmp_path, raw), create_owners=True)
    assert "created 1 owner(s) the file names but does not declare, as roles: Fire Service" \
        in warnings
    with database.committed() as session:
        doc = plan_document(session, active_plan(session))
    assert [a.owners for a in doc.actions] == [("Fire Service",),
                                               ("Local Authority", "Fire Service")]


def test_a_group_keeps_its_members_through_export_and_reimport(database: Database,
                                                               tmp_path: Path) -> None:
    imported(database, write(tmp_path, partnership([action("1.1", "the statutory partners")])))
    for suffix in ("yaml", "xlsx"):
        again = exported(database, tmp_path / f"again.{suffix}")
        doc = read_plan_file(again)
        group = next(o for o in doc.owners if o.kind == "group")
        assert group.members == ("Local Authority", "ICB", "Police")
        assert doc.actions[0].owners == ("The statutory partners",)
    with database.committed() as session:
        group = session.query(Owner).filter_by(name="The statutory partners").one()
        assert [m.name for m in group.members] == ["Local Authority", "ICB", "Police"]


@pytest.mark.parametrize(("members", "why"), [(["Police", "Fire"], "“Fire” is not a declared"),
                                             (["Police", "Pair"], "“Pair” is a group itself")])
def test_a_group_names_declared_owners_that_are_not_groups(tmp_path: Path, members: list[str],
                                                           why: str) -> None:
    owners = [{"name": "Police", "kind": "agency"},
              {"name": "Pair", "kind": "group", "members": ["Police"]},
              {"name": "Everyone", "kind": "group", "members": members}]
    with pytest.raises(PlanFileError) as caught:
        read_plan_file(write(tmp_path, partnership([action("1.1")], owners)))
    assert f"group “Everyone”: member {why}" in str(caught.value)


def test_priorities_are_numbered_as_written_and_titles_alone_after_them() -> None:
    records = [{"theme": "Priority 1a: Neglect"}, {"theme": "Priority 2: Harm"},
               {"theme": "Priority 1a: Neglect"}, {"theme": 3.0}, {"theme": "Voice"},
               {"theme": ""}]
    assert numbered_themes(records) == [
        {"number": 2, "title": "Harm"}, {"number": 3, "title": "Priority 3"},
        {"number": 4, "title": "Neglect", "label": "Priority 1a"},
        {"number": 5, "title": "Voice"}, {"number": 6, "title": "Actions"}]
    assert [r["theme"] for r in records] == [4, 2, 4, 3, 5, 6]


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_a_theme_keeps_the_label_its_plan_gives_it(database: Database, tmp_path: Path,
                                                   suffix: str) -> None:
    raw = partnership([action("1.1")])
    raw["themes"][0]["label"] = "Priority 1a"
    imported(database, write(tmp_path, raw))
    again = exported(database, tmp_path / f"again.{suffix}")
    with database.committed() as session:
        base = plan_document(session, active_plan(session))
        assert base.theme_labels == ((1, "Priority 1a"),)
        assert read_plan_file(again, base).theme_labels == ((1, "Priority 1a"),)


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_the_partnership_sample_exports_and_reimports_to_the_identical_plan(
        database: Database, tmp_path: Path, suffix: str) -> None:
    with database.committed() as session:
        import_plan(session, read_plan_file(SAMPLES["partnership"]), "test", NOW)
        before = plan_document(session, active_plan(session))
    again = exported(database, tmp_path / f"again.{suffix}")
    with database.committed() as session:
        report = import_plan(session, read_plan_file(again, before), "test", NOW)
        after = plan_document(session, active_plan(session))
    assert (report.created, report.updated, report.archived) == ([], [], [])
    assert after == before
    assert [o.members for o in after.owners if o.kind == "group"] == [
        ("Larkmoor Council", "Larkmoor Integrated Care Board", "Larkmoor Police"),
        ("Larkmoor Council", "Larkmoor Integrated Care Board", "Larkmoor Police",
         "Schools and Colleges", "Probation Service", "Larkmoor Hospitals Trust",
         "Voluntary and Community Sector")]


def test_a_sub_action_without_its_parent_is_kept_with_a_warning(tmp_path: Path) -> None:
    doc = read_plan_file(write(tmp_path, partnership([action("1.1"), action("1.3a")])))
    assert [a.ref for a in doc.actions] == ["1.1", "1.3a"]
    assert "action 1.3a reads as a part of 1.3, which the plan does not have; kept as an " \
           "action of its own" in doc.warnings


def test_an_actions_sheet_with_its_own_headings_is_read_and_said(database: Database,
                                                                 tmp_path: Path) -> None:
    from openpyxl import load_workbook

    imported(database, write(tmp_path, partnership([action("1.1", status="amber")])))
    path = exported(database, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    sheet = book["Actions"]
    for cell in sheet[1]:
        cell.value = {"owners": "Lead", "when": "By when", "status": "RAG"}.get(
            str(cell.value), cell.value)
    book.save(path)
    doc = read_plan_file(path)
    assert doc.actions[0].owners == ("Police",) and doc.actions[0].status == "at-risk"
    assert "“Lead” as owners" in doc.notes[0] and doc.notes[0].startswith("sheet Actions: ")
