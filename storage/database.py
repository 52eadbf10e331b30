"""Engines, sessions and bringing a database's schema up to date."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session as Session  # re-exported: callers outside storage
from sqlalchemy.orm import sessionmaker

from storage.errors import DatabaseUnusable

DEFAULT_URL = "sqlite:///lscb.sqlite3"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_UPGRADE_LOCK = 7_104_2014


def normalise_url(url: str) -> str:
    """Accept the `postgres://` URLs hosting platforms hand out; use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str = DEFAULT_URL) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration this code knows (read from the scripts once per process)."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None, "no migrations"
    return head


def current_revision(connection: Connection) -> str | None:
    """The migration a database stands at (None: an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest migration; safe when several processes start at once.
    Returns the revision before and after; a database already at the head costs one query."""
    with engine.begin() as connection:
        before = current_revision(connection)
        if before == head_revision():
            return before, before
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _UPGRADE_LOCK})
            before = current_revision(connection)  # another process may have done it
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        return before, head_revision()


@contextmanager
def _told_plainly(url: str) -> Iterator[None]:
    """A URL that is no database, a driver not installed or a server that does not answer,
    as one DatabaseUnusable that says what to do (never the password)."""
    try:
        yield
    except (ArgumentError, NoSuchModuleError) as error:
        raise DatabaseUnusable(
            f"DATABASE_URL {_shown(url)!r} is not a database URL: use sqlite:///FILE "
            "or postgresql://USER:PASSWORD@HOST/DATABASE") from error
    except ImportError as error:
        if not (error.name or "").startswith("psycopg"):
            raise
        raise DatabaseUnusable(
            "DATABASE_URL is a PostgreSQL database, but its driver is not installed: "
            "pip install '.[postgres]'") from error
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0][:300]
        raise DatabaseUnusable(
            f"cannot open the database {_shown(url)} ({reason}): check DATABASE_URL and "
            "that the database server is running") from error


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1][:200]


class Database:
    """One database: its engine, and units of work that commit or roll back whole."""

    def __init__(self, url: str = DEFAULT_URL, *, migrate: bool = True) -> None:
        self.url = normalise_url(url)
        with _told_plainly(self.url):
            self.engine = make_engine(self.url)
            if migrate:
                upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes last only if the caller commits them (`session.commit()`);
        whatever is not committed when the block ends, by return or by error, is rolled back
        (closing the session does that). What was read stays readable after the block:
        closing detaches objects without expiring them, where a rollback would."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def committed(self) -> Iterator[Session]:
        """A unit of work committed when the block ends normally: for a step that is one
        write (a test's setup, a script), where the whole block is the transaction."""
        with self.unit_of_work() as session:
            yield session
            session.commit()

    def is_reachable(self) -> bool:
        """Whether the database answers a trivial query now."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:  # any driver's failure means the same thing here
            return False
        return True

    def dispose(self) -> None:
        self.engine.dispose()
