"""Backups and restores.

A backup is a SQLite file taken with SQLite's online backup API, so it is a consistent
snapshot even while the bot is writing (https://www.sqlite.org/backup.html). A PostgreSQL
database is backed up with its own tool, pg_dump. A restore copies a backup, table by
table, into an empty database of either kind (so a trial on SQLite can also move to
PostgreSQL), after bringing both to the newest schema.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, Table, func, inspect, select, text

from storage.database import make_engine, normalise_url, upgrade
from storage.errors import StorageError
from storage.models import Base

BATCH = 1000
PG_DUMP = ("this database is PostgreSQL: back it up with pg_dump, e.g. "
           "pg_dump --format=custom --file=lscb.dump \"$DATABASE_URL\" "
           "(restore with pg_restore --no-owner --dbname=\"$DATABASE_URL\" lscb.dump)")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for any other database)."""
    url = normalise_url(url)
    if not url.startswith("sqlite:///") or url == "sqlite:///:memory:":
        return None
    return Path(url.removeprefix("sqlite:///"))


def backup(url: str, target: Path) -> int:
    """Copy the SQLite database at `url` to `target` with the online backup API; the size
    in bytes. Refuses PostgreSQL (use pg_dump) and an existing `target`."""
    source = sqlite_path(url)
    if source is None:
        raise StorageError(PG_DUMP if url.startswith(("postgres", "postgresql"))
                           else f"cannot back up {url}: only SQLite files")
    if target.exists():
        raise StorageError(f"{target} already exists: give a new file name")
    if not source.exists():
        raise StorageError(f"there is no database at {source}")
    partial = target.with_name(target.name + ".partial")
    with _sqlite(source) as live, _sqlite(partial) as copy:
        live.backup(copy)
    partial.replace(target)
    return target.stat().st_size


@dataclass(frozen=True)
class Restored:
    rows: dict[str, int]
    """Rows copied, by table."""
    revision: str


def restore(backup_file: Path, url: str) -> Restored:
    """Copy every table of `backup_file` (a SQLite backup) into the empty database at
    `url`. The backup itself is never changed: an older one is upgraded in a copy."""
    if not backup_file.is_file():
        raise StorageError(f"there is no backup at {backup_file}")
    with tempfile.TemporaryDirectory() as folder:
        working = Path(folder) / "backup.sqlite3"
        with _sqlite(backup_file) as original, _sqlite(working) as copy:
            _check_is_a_database(original, backup_file)
            original.backup(copy)
        source = make_engine(f"sqlite:///{working}")
        target = make_engine(url)
        try:
            _refuse_unless_empty(target, url)
            upgrade(source)
            _, revision = upgrade(target)
            rows = copy_tables(source, target)
        finally:
            source.dispose()
            target.dispose()
    return Restored(rows, revision)


def copy_tables(source: Engine, target: Engine) -> dict[str, int]:
    """Every model table's rows, parents before children, in one transaction."""
    counts: dict[str, int] = {}
    with source.connect() as reading, target.begin() as writing:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = 0
            for batch in _batches(reading, table):
                writing.execute(table.insert(), batch)
                counts[table.name] += len(batch)
        if target.dialect.name == "postgresql":
            _advance_sequences(writing, Base.metadata)
    return counts


def _batches(connection: Any, table: Table) -> Iterator[list[dict[str, Any]]]:
    result = connection.execute(select(table).order_by(*table.primary_key.columns))
    while rows := result.mappings().fetchmany(BATCH):
        yield [dict(row) for row in rows]


def _advance_sequences(connection: Any, metadata: MetaData) -> None:
    """Copied ids were written explicitly: move each id sequence past them."""
    for table in metadata.sorted_tables:
        column = table.c.get("id")
        if column is None or not column.autoincrement:
            continue
        top = connection.scalar(select(func.max(column)))
        if top is not None:
            connection.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"),
                               {"t": table.name, "v": top})


def _refuse_unless_empty(engine: Engine, url: str) -> None:
    tables = set(inspect(engine).get_table_names())
    holding = []
    if tables:
        with engine.connect() as connection:
            holding = [t.name for t in Base.metadata.sorted_tables if t.name in tables
                       and connection.scalar(select(func.count()).select_from(t))]
    if holding:
        raise StorageError(f"{url} is not empty ({', '.join(holding[:3])}…): restore into "
                           "a new database, so nothing is overwritten")


def _check_is_a_database(connection: sqlite3.Connection, path: Path) -> None:
    try:
        names = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise StorageError(f"{path} is not a SQLite backup ({error})") from error
    if "alembic_version" not in names:
        raise StorageError(f"{path} is not a backup of this bot's database")


class _sqlite:
    """A plain sqlite3 connection, closed on leaving (sqlite3's own `with` only commits)."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, timeout=30)

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *exc_info: object) -> None:
        self.connection.close()

