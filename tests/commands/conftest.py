from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from bot.slack_text import typed
from commands import Caller, Context
from commands.render_blocks import Reply, to_reply
from commands.slash import dispatch
from storage.database import Database
from storage.repository import PlanRepository

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
Ask = Callable[..., Reply]


def asker(database: Database) -> Ask:
    """Answer `/lscb text` (as Slack sends it: escaped, mentions as `<@U…|name>`) as a caller,
    in a unit of work of its own committed unless refused, rendered as the Slack message."""

    def run(text: str, user: str = "UADMIN", admin: bool = True,
            acting_as: tuple[str, ...] | None = None, now: datetime = NOW) -> Reply:
        with database.unit_of_work() as session:
            ctx = Context(PlanRepository.for_team(session), now, Caller(user, admin, acting_as))
            page = dispatch(ctx, typed(text))
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
