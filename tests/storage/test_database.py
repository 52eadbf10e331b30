from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from storage.database import Database, normalise_url
from storage.importer import import_plan
from storage.models import AuditEntry
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from storage.repository import active_plan, active_plan_mark
from storage.workspaces import plan_named, use_plan


def test_timestamps_come_back_aware_and_in_utc(sample_database: Database) -> None:
    paris = timezone(timedelta(hours=2))
    with sample_database.committed() as session:
        session.add(AuditEntry(plan_id=1, actor="t", verb="test",
                               at=datetime(2014, 7, 1, 11, 30, tzinfo=paris)))
    with sample_database.committed() as session:
        at = session.scalar(select(AuditEntry.at).where(AuditEntry.verb == "test"))
    assert at == datetime(2014, 7, 1, 9, 30, tzinfo=UTC)
    assert at is not None and at.tzinfo == UTC


def test_an_empty_database_is_brought_up_to_date_and_upgrading_again_is_harmless(
        database_url: str) -> None:
    Database(database_url).dispose()
    database = Database(database_url)
    tables = set(inspect(database.engine).get_table_names())
    database.dispose()
    assert {"plans", "actions", "owners", "owner_aliases", "user_links", "channel_links",
            "reporting_rows", "cadences", "status_changes", "audit_log",
            "alembic_version"} <= tables


def test_hosting_platform_urls_are_accepted() -> None:
    assert normalise_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("postgresql://h/db") == "postgresql+psycopg://h/db"
    assert normalise_url("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


def test_each_workspace_works_from_its_own_plan(sample_database: Database) -> None:
    later = datetime(2017, 4, 1, tzinfo=UTC)
    with sample_database.committed() as session:
        doc = replace(read_plan_file(SAMPLE_PLAN), slug="next-plan", title="Next plan")
        import_plan(session, doc, "test", later)
        use_plan(session, "T1", plan_named(session, "cumbria-lscb-2014-2017"), "test", later)
    with sample_database.committed() as session:
        assert active_plan(session, "T1").slug == "cumbria-lscb-2014-2017"
        assert active_plan(session, "T2").slug == "next-plan"
        assert active_plan(session).slug == "next-plan"
        first, newest = active_plan_mark(session, "T1"), active_plan_mark(session)
        assert first is not None and newest is not None and first[0] != newest[0]
        assert first[1] > 0


def test_a_unit_of_work_keeps_only_what_its_caller_commits(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        plan = active_plan(session)
        plan.title = "Changed but not committed"
    with sample_database.unit_of_work() as session:
        assert active_plan(session).title == "Cumbria LSCB Business Plan 2014-2017"
    with pytest.raises(RuntimeError), sample_database.unit_of_work() as session:
        active_plan(session).title = "Changed, then an error"
        session.flush()
        raise RuntimeError("boom")
    with sample_database.unit_of_work() as session:
        read = active_plan(session)
        assert read.title == "Cumbria LSCB Business Plan 2014-2017"
        read.title = "Committed"
        session.commit()
    assert read.title == "Committed"  # what was read stays readable after the block
    with sample_database.unit_of_work() as session:
        assert active_plan(session).title == "Committed"
