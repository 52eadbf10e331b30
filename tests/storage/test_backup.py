"""`lscb backup` and `lscb restore`: a backup taken while a cycle is sending, restored into
an empty database (SQLite, and PostgreSQL when configured), every table compared."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.cycle import CycleReport, run_cycle
from bot.delivery import SlackSender
from bot.slack_client import make_client
from storage.backup import PG_DUMP, backup, restore
from storage.database import Database, make_engine
from storage.errors import StorageError
from storage.models import Base
from storage.repository import PlanRepository
from tests.fakeslack import FakeSlack, Fault

CHANNELS = {"case review": "CCASE", "pmqa": "CPMQA", "cdop": "CCDOP", "chair": "CCHAIR"}


@pytest.fixture
def live(sample_file: Path, tmp_path: Path) -> Iterator[Database]:
    """The bot's SQLite database: the sample plan with four owners given channels."""
    path = Path(shutil.copyfile(sample_file, tmp_path / "live.sqlite3"))
    database = Database(f"sqlite:///{path}")
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        for owner, channel in CHANNELS.items():
            repo.link_channel(channel, repo.resolve_owner(owner), "test",
                              datetime(2014, 3, 1, tzinfo=UTC))
            repo.link_user(f"U{channel}", repo.resolve_owner(owner), "test",
                           datetime(2014, 3, 1, tzinfo=UTC))
    yield database
    database.dispose()


def every_table(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {table.name: [tuple(row) for row in connection.execute(
                select(table).order_by(*table.primary_key.columns))]
                for table in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_a_backup_taken_mid_cycle_restores_table_for_table(
        live: Database, database_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "backups" / "lscb-2014-06-02.sqlite3"
    copy.parent.mkdir()
    with FakeSlack() as fake:
        for channel in CHANNELS.values():
            fake.add_channel(channel, channel.lower(), member=True)
        settings = Settings(database_url=live.url, bot_token="xoxb-test",
                            slack_api_url=fake.base_url, today=date(2014, 6, 2))
        sender = SlackSender(make_client(settings, retry_connections=False), min_interval=0)
        fake.inject("chat.postMessage", Fault.hold())
        report: list[CycleReport] = []
        cycle = threading.Thread(target=lambda: report.append(run_cycle(live, settings, sender)))
        cycle.start()
        try:
            fake.wait_for("chat.postMessage", 1, timeout=60)  # the cycle is mid-send
            size = backup(live.url, copy)
        finally:
            fake.release()
            cycle.join(timeout=120)
    assert report and report[0].sent, "the cycle went on after the backup"
    assert size == copy.stat().st_size > 0
    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    snapshot = every_table(f"sqlite:///{copy}")
    status = [c.name for c in Base.metadata.tables["deliveries"].columns].index("status")
    statuses = {row[status] for row in snapshot["deliveries"]}
    assert "sending" in statuses, "the backup is the moment a nudge was being sent"

    restored = restore(copy, database_url)
    assert restored.rows["actions"] == 44 and sum(restored.rows.values()) > 44
    assert every_table(database_url) == snapshot
    assert every_table(live.url) != snapshot  # the live database moved on meanwhile

    again = Database(database_url)  # the restored database works: new rows get new ids
    with again.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_user("UNEW", repo.resolve_owner("chair"), "test", datetime.now(UTC))
    again.dispose()


def test_restore_refuses_a_database_that_holds_anything(live: Database, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    backup(live.url, copy)
    with pytest.raises(StorageError, match=r"is not empty .*restore into a new database"):
        restore(copy, live.url)
    with pytest.raises(StorageError, match="already exists"):
        backup(live.url, copy)


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database at all, just words " * 100)
    with pytest.raises(StorageError, match="is not a SQLite backup"):
        restore(junk, f"sqlite:///{tmp_path / 'new.sqlite3'}")
    with pytest.raises(StorageError, match="there is no backup"):
        restore(tmp_path / "missing.sqlite3", f"sqlite:///{tmp_path / 'new.sqlite3'}")


def test_postgresql_is_backed_up_with_pg_dump(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as refused:
        backup("postgresql://lscb@db.example.org/lscb", tmp_path / "x")
    assert str(refused.value) == PG_DUMP and "pg_dump" in PG_DUMP
