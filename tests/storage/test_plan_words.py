"""A plan's places are kept, and its words for the guard come from its structure only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from openpyxl import load_workbook
from sqlalchemy import text

from storage.database import Database, alembic_config, make_engine
from storage.guard import personal_data_in
from storage.importer import import_plan
from storage.models import Base
from storage.plan_words import document_words, plan_words
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from storage.repository import PlanRepository, active_plan
from tests.planyaml import dump_raw, read_raw, sample_raw
from tests.storage.test_planfiles import export, import_file

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)


def words(database: Database) -> frozenset[str]:
    with database.committed() as session:
        return plan_words(session, active_plan(session))


def test_the_sample_plan_knows_its_places(sample_database: Database) -> None:
    with sample_database.committed() as session:
        places = active_plan(session).places.splitlines()
    assert places[:4] == ["Allerdale", "Barrow-in-Furness", "Barrow", "Carlisle"]
    assert "Kirkby Stephen" in places


def test_a_plans_words_are_its_board_title_places_owners_aliases_and_themes(
        sample_database: Database) -> None:
    known = words(sample_database)
    for word in ("cumbria", "carlisle", "kirkby", "stephen", "furness", "barrow-in-furness",
                 "pmqag", "chairperson", "triage", "neglect", "wellbeing", "governance"):
        assert word in known, word
    # The database keeps one spelling per name key ("Self Harm" for "Self-Harm" too).
    assert known <= document_words(read_plan_file(SAMPLE_PLAN))
    assert document_words(read_plan_file(SAMPLE_PLAN)) - known == {"self-harm"}


def test_never_from_action_texts_notes_or_challenges(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("1.1"), "on-track", "U1", "Kayden Moore is fine", NOW)
        repo.add_challenge(repo.action("1.2"), "Why has Tyrone not been seen?", "U1", NOW)
        repo.action("1.3").text = "Work with Jolene Pike's school"
    known = words(sample_database)
    for word in ("kayden", "moore", "tyrone", "jolene", "pike", "scrutinise", "buddy"):
        assert word not in known, word
    assert personal_data_in("Jolene Pike 12/03/2009", known) is not None


def test_places_round_trip_through_every_whole_plan_format(sample_database: Database,
                                                          tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.yaml")
    written = read_raw(tmp_path / "plan.yaml")
    assert "Kirkby Stephen" in written["plan"]["places"]
    export(sample_database, tmp_path / "plan.xlsx")
    rows = {row[0]: row[1] for row in load_workbook(tmp_path / "plan.xlsx")["Plan"]
            .iter_rows(values_only=True)}
    assert "Kirkby Stephen" in str(rows["places"]).splitlines()
    assert read_plan_file(tmp_path / "plan.xlsx").places == read_plan_file(SAMPLE_PLAN).places


def test_a_file_without_places_is_fine_and_clears_them(sample_database: Database,
                                                       tmp_path: Path) -> None:
    raw = sample_raw()
    del raw["plan"]["places"]
    (tmp_path / "plan.yaml").write_text(dump_raw(raw, allow_unicode=True),
                                        encoding="utf-8")
    import_file(sample_database, tmp_path / "plan.yaml")
    assert "kirkby" not in words(sample_database)
    assert "cumbria" in words(sample_database)  # still in the board's name


def test_places_may_be_one_a_line_in_a_cell(tmp_path: Path) -> None:
    raw = sample_raw()
    raw["plan"]["places"] = "Carlisle\nKendal; Penrith"
    (tmp_path / "plan.yaml").write_text(dump_raw(raw), encoding="utf-8")
    assert read_plan_file(tmp_path / "plan.yaml").places == ("Carlisle", "Kendal", "Penrith")


def test_0004_adds_places_to_plans_already_stored_and_goes_back(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "0003")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO plans (slug, title, board, starts, ends, "
                                "imported_at) VALUES ('p', 'P', '', '2014-04-01', "
                                "'2017-03-31', '2014-04-01 00:00:00')"))
    command.upgrade(alembic_config(engine), "0004")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT places FROM plans")).scalar_one() == ""
    command.downgrade(alembic_config(engine), "0003")
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()
    database = Database(database_url)
    with database.committed() as session:
        import_plan(session, read_plan_file(SAMPLE_PLAN), "test", NOW)
    assert "carlisle" in words(database)
    database.dispose()


def test_the_models_and_the_migrations_agree(database: Database) -> None:
    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
