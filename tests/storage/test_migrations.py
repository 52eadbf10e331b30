"""Migrations bring an older database with data in it up to date, on both backends."""

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from storage.database import Database, alembic_config, make_engine
from storage.importer import import_plan
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
