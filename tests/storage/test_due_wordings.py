"""A plan written the way other partnerships write dates: stored, listed, and round-tripped."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from storage.database import Database
from storage.exporter import plan_document
from storage.importer import ImportReport, import_plan
from storage.models import Action, Milestone
from storage.planfiles import read_plan_file, write_plan_file
from storage.repository import PlanRepository, active_plan
from tests.planyaml import dump_raw, read_raw, sample_raw

NOW = datetime(2015, 10, 15, 11, 0, tzinfo=UTC)
#: Wordings from other partnerships' plans, pasted as they came (a no-break space, an en dash).
NEW_WORDINGS = {
    "1.1": "September 2015; review by March 2016",
    "1.2": "December 2015 (subject to funding)",
    "1.3": "Q2 2015/16",
    "1.4": "across financial year 2015/16",
    "1.5": "Oct/Nov 2015",
    "1.6": "by year 2",
    "1.7": "Q3",
    "1.8": "15/06/2015",
    "1.9": "Draft by June 2015, final by December\u00a02015",
    "1.10": "TBC",
    "1.11": "June 2016 as agreed with partners",
    "1.12": "October–November 2015",
}


def plan_file(tmp_path: Path) -> Path:
    raw = sample_raw()
    for action in raw["themes"][0]["actions"]:
        action["when"] = NEW_WORDINGS.get(action["ref"], action["when"])
    path = tmp_path / "other-plan.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True), encoding="utf-8")
    return path


def load(database: Database, path: Path) -> ImportReport:
    with database.committed() as session:
        plans = session.scalar(select(Action.id).limit(1))
        base = plan_document(session, active_plan(session)) if plans else None
        return import_plan(session, read_plan_file(path, base), "test", NOW)


@pytest.fixture
def other_plan(database: Database, tmp_path: Path) -> Database:
    load(database, plan_file(tmp_path))
    return database


def stored(database: Database, ref: str) -> Any:
    with database.committed() as session:
        action = PlanRepository.for_team(session).action(ref)
        return (action.due_kind, action.due_date, action.due_qualifier, action.due_read_as,
                [(m.label, m.when_text, m.due_date, m.from_when) for m in action.milestones])


def test_each_new_wording_is_stored_with_how_it_was_read(other_plan: Database) -> None:
    assert stored(other_plan, "1.2") == ("date", date(2015, 12, 31), "subject to funding",
                                         "read as the end of December 2015: 31 Dec 2015", [])
    assert stored(other_plan, "1.3")[:2] == ("date", date(2015, 9, 30))
    assert stored(other_plan, "1.4")[:2] == ("date", date(2016, 3, 31))
    assert stored(other_plan, "1.6")[3] == (
        "read as the end of plan year 2 (2015/16): 31 Mar 2016")
    assert stored(other_plan, "1.7")[:2] == ("unparsed", None)
    assert stored(other_plan, "1.8")[:2] == ("date", date(2015, 6, 15))


def test_two_dates_in_a_cell_become_a_milestone_read_from_the_cell(other_plan: Database) -> None:
    assert stored(other_plan, "1.1") == (
        "date", date(2016, 3, 31), "review",
        "read as the end of March 2016: 31 Mar 2016, with 1 milestone from the same cell: "
        "“September 2015”: 30 Sep 2015",
        [("September 2015", "September 2015", date(2015, 9, 30), True)])
    with other_plan.committed() as session:
        overdue = PlanRepository.for_team(session).overdue(date(2015, 10, 1))
    assert [(i.action.ref, i.due) for i in overdue if i.milestone and i.action.ref == "1.1"] == [
        ("1.1", date(2015, 9, 30))]


def test_unread_wordings_are_warned_about_naming_the_row(database: Database,
                                                         tmp_path: Path) -> None:
    report = load(database, plan_file(tmp_path))
    assert ("theme 1, entry 7 (action 1.7): “Q3” is not a date the bot can read (“Q3” has no "
            "year, and this plan runs 3 years: write it like Q3 2015/16); kept as written, "
            "listed as an action with no date, and never called overdue") in report.warnings
    assert any(w.startswith("theme 1, entry 10 (action 1.10): “TBC” is not a date")
               for w in report.warnings)


def test_open_actions_with_no_readable_date_are_listed_and_counted(other_plan: Database) -> None:
    with other_plan.committed() as session:
        repo = PlanRepository.for_team(session)
        assert [u.action.ref for u in repo.undated()] == ["1.7", "1.10"]
        assert "has no year" in repo.undated()[0].why
        assert repo.count_undated() == 2
        owner_of_17 = repo.action("1.7").owners[0]
        assert [u.action.ref for u in repo.undated([owner_of_17])] == ["1.7"]
        assert repo.count_undated([owner_of_17]) == 1
        repo.record_status(repo.action("1.10"), "complete", "U1", "done", NOW)
        assert repo.count_undated() == 1


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_a_plan_in_the_new_wordings_round_trips_without_doubling_milestones(
        other_plan: Database, tmp_path: Path, suffix: str) -> None:
    with other_plan.committed() as session:
        before = plan_document(session, active_plan(session))
        write_plan_file(before, tmp_path / f"plan.{suffix}")
    load(other_plan, tmp_path / f"plan.{suffix}")
    load(other_plan, tmp_path / f"plan.{suffix}")
    with other_plan.committed() as session:
        assert plan_document(session, active_plan(session)) == before
        assert len(list(session.scalars(select(Milestone).join(Action)
                                        .where(Action.ref == "1.1")))) == 1


def test_the_files_keep_the_wording_and_carry_no_derived_milestone(other_plan: Database,
                                                                   tmp_path: Path) -> None:
    with other_plan.committed() as session:
        doc = plan_document(session, active_plan(session))
    write_plan_file(doc, tmp_path / "plan.yaml")
    write_plan_file(doc, tmp_path / "plan.csv")
    action = read_raw(tmp_path / "plan.yaml")["themes"][0]["actions"][0]
    assert (action["when"], "milestones" in action) == (NEW_WORDINGS["1.1"], False)
    with (tmp_path / "plan.csv").open(newline="") as handle:
        rows = {r["ref"]: r for r in csv.DictReader(handle)}
    assert (rows["1.1"]["milestones"], rows["1.1"]["due_date"]) == ("", "2016-03-31")
    assert rows["1.9"]["when"] == "Draft by June 2015, final by December 2015"  # spaces tidied


def test_a_whole_plan_file_in_the_new_wordings_rebuilds_an_empty_database(
        other_plan: Database, tmp_path: Path) -> None:
    with other_plan.committed() as session:
        before = plan_document(session, active_plan(session))
    write_plan_file(before, tmp_path / "plan.yaml")
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    load(fresh, tmp_path / "plan.yaml")
    with fresh.committed() as session:
        assert plan_document(session, active_plan(session)) == before
    fresh.dispose()


def test_a_ticked_milestone_from_the_cell_stays_ticked_after_a_reimport(
        other_plan: Database, tmp_path: Path) -> None:
    with other_plan.committed() as session:
        PlanRepository.for_team(session).action("1.1").milestones[0].done = True
    load(other_plan, plan_file(tmp_path))
    assert stored(other_plan, "1.1")[4] == [("September 2015", "September 2015",
                                             date(2015, 9, 30), True)]
    with other_plan.committed() as session:
        assert PlanRepository.for_team(session).action("1.1").milestones[0].done is True


def test_rewording_the_cell_replaces_its_milestones(other_plan: Database, tmp_path: Path) -> None:
    raw = read_raw(plan_file(tmp_path))
    raw["themes"][0]["actions"][0]["when"] = "March 2016"
    (tmp_path / "reworded.yaml").write_text(dump_raw(raw, allow_unicode=True))
    load(other_plan, tmp_path / "reworded.yaml")
    assert stored(other_plan, "1.1")[::4] == ("date", [])
