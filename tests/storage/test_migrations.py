"""Migrations bring an older database with data in it up to date, on both backends."""

from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from storage.database import Database, alembic_config, make_engine
from storage.importer import import_plan
from storage.models import Base
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from storage.repository import PlanRepository


def test_a_first_release_database_with_a_plan_upgrades_in_place(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    old = Database(database_url, migrate=False)
    with old.committed() as session:
        session.execute(text("INSERT INTO plans (slug, title, board, starts, ends, imported_at) "
                             "VALUES ('p', 'P', '', '2014-04-01', '2017-03-31', "
                             "'2014-04-01 00:00:00')"))
    old.dispose()
    upgraded = Database(database_url)
    with upgraded.committed() as session:
        import_plan(session, read_plan_file(SAMPLE_PLAN), "test", datetime(2014, 4, 2, tzinfo=UTC))
    with upgraded.committed() as session:
        assert PlanRepository.for_team(session).count_actions() == 44
        assert session.scalar(text("SELECT count(*) FROM plans")) == 2
    upgraded.dispose()


def test_a_database_before_due_readings_keeps_its_milestones_as_written(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "0003")
    engine.dispose()
    old = Database(database_url, migrate=False)
    with old.committed() as session:
        session.execute(text("INSERT INTO plans (slug, title, board, starts, ends, imported_at) "
                             "VALUES ('p', 'P', '', '2014-04-01', '2017-03-31', "
                             "'2014-04-01 00:00:00')"))
        session.execute(text("INSERT INTO themes (plan_id, number, title) VALUES (1, 1, 'T')"))
        session.execute(text(
            "INSERT INTO actions (plan_id, theme_id, ref, sort_key, text, outcome, when_text, "
            "due_kind, due_date, status, archived, updated_at) VALUES (1, 1, '1.1', 0, 'x', '', "
            "'May 2014', 'date', '2014-05-31', 'not-started', false, '2014-04-01 00:00:00')"))
        session.execute(text("INSERT INTO milestones (action_id, label, when_text, due_date, done) "
                             "VALUES (1, 'first', 'April 2014', '2014-04-30', false)"))
    old.dispose()
    upgraded = Database(database_url)
    with upgraded.committed() as session:
        action = PlanRepository.for_team(session).action("1.1")
        assert (action.due_read_as, action.due_qualifier, action.due_warning) == ("", "", "")
        assert [(m.label, m.from_when) for m in action.milestones] == [("first", False)]
    upgraded.dispose()


def test_the_migrated_schema_is_the_models_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
