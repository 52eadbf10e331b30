"""Fixtures shared by every test: databases on SQLite always, on PostgreSQL when configured."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from storage.database import Database, normalise_url
from storage.importer import import_plan
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from tests.planyaml import dump_raw, sample_raw

PG_URL = os.environ.get("LSCB_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="LSCB_TEST_DATABASE_URL is not set"))]
IMPORTED_AT = datetime(2014, 4, 1, 9, 0, tzinfo=UTC)


def worker_database(url: str) -> str:
    """The database this test process may wipe: `url`'s own, or under pytest-xdist one of
    its own per worker (`test_gw0`, …), created on first use, so workers never share one."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return url
    parsed = make_url(normalise_url(url))
    name = f"{parsed.database}_{worker}"
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        if connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                             {"name": name}) is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def empty_postgres(url: str) -> str:
    """Wipe the test database's public schema, so each test starts from nothing.

    Connections an earlier test left open are ended first, and the drop gives up
    after a while rather than waiting for a lock for ever.
    """
    url = worker_database(url)
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


@pytest.fixture(scope="session")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database at the newest migration with nothing in it, made once per session for
    tests to copy: migrating from nothing takes a tenth of a second a time. (The migrations
    themselves are tested from `database_url`, in tests/storage/test_migrations.py.)"""
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def database(database_url: str, empty_file: Path) -> Iterator[Database]:
    """An empty database of the test's own, at the newest migration."""
    db = opened(database_url, empty_file)
    yield db
    db.dispose()


def opened(database_url: str, prepared: Path) -> Database:
    """The database at `database_url`, on SQLite first made a copy of the `prepared` file."""
    if database_url.startswith("sqlite:///"):
        shutil.copyfile(prepared, database_url.removeprefix("sqlite:///"))
    return Database(database_url)


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


def copied_or_imported(database_url: str, prepared: Path, plan_file: Path) -> Database:
    """A plan in a database of the test's own: a copy of the prepared file on SQLite, a
    fresh import on PostgreSQL."""
    if database_url.startswith("sqlite:///"):
        return opened(database_url, prepared)
    db = Database(database_url)
    with db.committed() as session:
        import_plan(session, read_plan_file(plan_file), "test", IMPORTED_AT)
    return db


@pytest.fixture
def sample_database(database_url: str, sample_file: Path) -> Iterator[Database]:
    """The sample plan in a database of the test's own."""
    db = copied_or_imported(database_url, sample_file, SAMPLE_PLAN)
    yield db
    db.dispose()


#: Two sample actions reworded as other plans word them, so the bot cannot read a date:
#: 3.3 (the Triage board's only action) and 8.1 (the Neglect subgroup's, overdue as dated).
UNDATED_WORDINGS = {"3.3": "TBC", "8.1": "to be agreed with partners"}


def write_undated_plan(folder: Path) -> Path:
    """The sample plan with `UNDATED_WORDINGS` in place of two actions' dates."""
    raw = sample_raw()
    for theme in raw["themes"]:
        for action in theme["actions"]:
            action["when"] = UNDATED_WORDINGS.get(action["ref"], action["when"])
    path = folder / "undated-plan.yaml"
    path.write_text(dump_raw(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def undated_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_undated_plan(tmp_path_factory.mktemp("undated"))


@pytest.fixture(scope="session")
def undated_file(undated_plan: Path) -> Path:
    """The sample plan with two actions the bot has no date for, migrated and imported."""
    return prepare_database(undated_plan.with_suffix(".sqlite3"), undated_plan)


@pytest.fixture
def undated_database(database_url: str, undated_file: Path, undated_plan: Path
                     ) -> Iterator[Database]:
    db = copied_or_imported(database_url, undated_file, undated_plan)
    yield db
    db.dispose()
