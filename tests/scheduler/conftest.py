from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest

from bot.config import Settings
from bot.delivery import SlackSender
from bot.slack_client import make_client
from storage.database import Database
from storage.repository import PlanRepository
from tests.fakeslack import FakeSlack

LINKED = {"case review": "CCASE", "pmqa": "CPMQA", "cdop": "CCDOP", "chair": "CCHAIR"}
ADMIN = "UADMIN"
SettingsAt = Callable[..., Settings]
COMMS, CSE = "comms@example.org", "cse.mfh@example.gov.uk"  # owners with no channel
CASE = "case.review@example.nhs.uk"  # Case Review: by email as well as #case-review


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """The README's setup: public channels linked to owners, the bot invited to none of
    them; the admin, whose DMs go by user id."""
    with FakeSlack() as slack:
        for owner, channel in LINKED.items():
            slack.add_channel(channel, owner.replace(" ", "-"))
        slack.add_user(ADMIN)
        yield slack


@pytest.fixture
def plan_database(sample_database: Database) -> Database:
    """The sample plan with four owners given channels; the rest have none."""
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        for owner, channel in LINKED.items():
            repo.link_channel(channel, repo.resolve_owner(owner), "test",
                              datetime(2014, 3, 1, tzinfo=UTC))
    return sample_database


@pytest.fixture
def settings_at(plan_database: Database, fake: FakeSlack) -> SettingsAt:
    def at(day: date, **changes: object) -> Settings:
        values: dict[str, object] = {
            "database_url": plan_database.url, "bot_token": "xoxb-test",
            "slack_api_url": fake.base_url, "admins": frozenset({ADMIN}), "today": day}
        return Settings(**(values | changes))  # type: ignore[arg-type]
    return at


@pytest.fixture
def sender(settings_at: SettingsAt) -> SlackSender:
    """The real sender, without the real pauses (the throttle has its own test)."""
    settings = settings_at(date(2014, 4, 1))
    return SlackSender(make_client(settings, retry_connections=False),
                       make_client(settings, retry_connections=False, retry_rate_limits=False),
                       min_interval=0, backoff=0)


@pytest.fixture
def mail_database(plan_database: Database) -> Database:
    """Two owners with no channel given addresses; Case Review (in #case-review) as well."""
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        at = datetime(2014, 3, 1, tzinfo=UTC)
        repo.set_email(repo.resolve_owner("communications"), COMMS, False, "test", at)
        repo.set_email(repo.resolve_owner("cse"), CSE, False, "test", at)
        repo.set_email(repo.resolve_owner("case review"), CASE, True, "test", at)
    return plan_database
