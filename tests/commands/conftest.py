from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy.orm import Session

from bot.slack_text import typed
from commands import Caller, Context
from commands.context import FoundUser, SlackSide
from commands.page import Line
from commands.render_blocks import Reply, to_reply
from commands.slash import dispatch
from storage.database import Database
from storage.links import LinkKeys
from storage.planfiles import SAMPLES
from storage.repository import PlanRepository
from tests.conftest import opened, prepare_database

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
Ask = Callable[..., Reply]
T = TypeVar("T")


def context(session: Session, now: datetime = NOW, user: str = "UADMIN", admin: bool = True,
            acting_as: tuple[str, ...] | None = None, slack: SlackSide | None = None,
            links: LinkKeys | None = None) -> Context:
    """A caller's context on the session's plan, for calling a service directly."""
    return Context(PlanRepository.for_team(session), now, Caller(user, admin, acting_as),
                   slack=slack, links=links)


def committed(database: Database, work: Callable[[Context], T], **caller: Any) -> T:
    """`work` as a caller (`context`'s arguments) in `database.committed()`: committed when
    it answers; a refusal leaves nothing behind."""
    with database.committed() as session:
        return work(context(session, **caller))


@dataclass
class SlackSays:
    """Slack's side of a service, holding the one answer it gives to each question
    (users.lookupByEmail, and whether the bot can post in a channel); what was asked is
    kept. The Slack edge and the fake Slack Web API are tested end to end in tests/e2e."""

    user: FoundUser = field(default_factory=lambda: FoundUser("U777"))
    channel: Line = ()
    asked: list[str] = field(default_factory=list)

    def check_channel(self, channel_id: str) -> Line:
        self.asked.append(channel_id)
        return self.channel

    def find_user(self, email: str) -> FoundUser:
        self.asked.append(email)
        return self.user


def asker(database: Database) -> Ask:
    """Answer `/lscb text` (as Slack sends it: escaped, mentions as `<@U…|name>`) as a caller,
    in a unit of work of its own committed unless refused, rendered as the Slack message."""

    def run(text: str, user: str = "UADMIN", admin: bool = True,
            acting_as: tuple[str, ...] | None = None, now: datetime = NOW) -> Reply:
        with database.unit_of_work() as session:
            page = dispatch(context(session, now, user, admin, acting_as), typed(text))
            if not page.is_error:
                session.commit()
            return to_reply(page)

    return run


@pytest.fixture
def ask(sample_database: Database) -> Iterator[Ask]:
    """`/lscb text` on the sample plan."""
    yield asker(sample_database)


@pytest.fixture
def ask_undated(undated_database: Database) -> Iterator[Ask]:
    """`/lscb text` on the sample plan with two actions the bot has no date for."""
    yield asker(undated_database)


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("samples")
    return {name: prepare_database(folder / f"{name}.sqlite3", path)
            for name, path in SAMPLES.items()}


@pytest.fixture
def samples(sample_files: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Database]]:
    """Each shipped sample (storage.planfiles.SAMPLES) in a database of the test's own."""
    databases = {name: opened(f"sqlite:///{tmp_path / path.name}", path)
                 for name, path in sample_files.items()}
    yield databases
    for database in databases.values():
        database.dispose()
