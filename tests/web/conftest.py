"""The real app served on loopback, with board links issued for the whole plan and Chair."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from storage.database import Database
from storage.links import issue
from storage.repository import PlanRepository
from tests.fakeslack import FakeSlack
from tests.slackapp import app_settings, serving

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)


@dataclass
class Board:
    root: str
    plan_token: str
    chair_token: str
    database: Database

    def get(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        try:
            with urlopen(Request(self.root + path, method=method), timeout=10) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except HTTPError as error:
            return error.code, dict(error.headers), error.read()


def issue_links(database: Database, secret: str) -> tuple[str, str]:
    from storage.links import LinkKeys

    keys = LinkKeys(secret, "http://unused")
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        return (issue(session, keys, repo.plan, None, "test", NOW),
                issue(session, keys, repo.plan, repo.resolve_owner("Chair"), "test", NOW))


@pytest.fixture
def board(sample_database: Database) -> Iterator[Board]:
    with FakeSlack() as fake:
        settings = replace(app_settings(sample_database, fake, NOW.date()),
                           public_url="https://lscb.example.org")
        plan_token, chair_token = issue_links(sample_database, settings.signing_secret)
        with serving(sample_database, settings) as url:
            yield Board(url.removesuffix("/slack/events"), plan_token, chair_token,
                        sample_database)
