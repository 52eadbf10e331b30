"""Fixtures shared by every test: databases on SQLite always, on PostgreSQL when configured."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from storage.database import Database, normalise_url
from storage.importer import import_plan
from storage.planfiles import SAMPLE_PLAN, read_plan_file

PG_URL = os.environ.get("LSCB_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="LSCB_TEST_DATABASE_URL is not set"))]
IMPORTED_AT = datetime(2014, 4, 1, 9, 0, tzinfo=UTC)


def empty_postgres(url: str) -> str:
    """Wipe the test database's public schema, so each test starts from nothing.

    Connections an earlier test left open are ended first, and the drop gives up
    after a while rather than waiting for a lock for ever.
    """
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() "
                                "AND pid <> pg_backend_pid()"))
        connection.execute(text("SET LOCAL lock_timeout = '20s'"))
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return empty_postgres(PG_URL)
    return f"sqlite:///{tmp_path / 'lscb.sqlite3'}"


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


def prepare_database(path: Path, plan_file: Path = SAMPLE_PLAN) -> Path:
    """A migrated SQLite file holding `plan_file`, closed so it can be copied."""
    database = Database(f"sqlite:///{path}")
    try:
        with database.committed() as session:
            import_plan(session, read_plan_file(plan_file), "test", IMPORTED_AT)
    finally:
        database.dispose()  # the last connection checkpoints the WAL into the main file
    return path


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan, migrated and imported once per session, for tests to copy."""
    return prepare_database(tmp_path_factory.mktemp("sample") / "sample.sqlite3")


@pytest.fixture
def sample_database(database_url: str, sample_file: Path) -> Iterator[Database]:
    """The sample plan in a database of the test's own: a copy of the prepared file on
    SQLite, a fresh import on PostgreSQL."""
    if database_url.startswith("sqlite:///"):
        shutil.copyfile(sample_file, database_url.removeprefix("sqlite:///"))
        db = Database(database_url)
    else:
        db = Database(database_url)
        with db.committed() as session:
            import_plan(session, read_plan_file(SAMPLE_PLAN), "test", IMPORTED_AT)
    yield db
    db.dispose()
