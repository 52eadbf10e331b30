"""app_uninstalled and tokens_revoked stop sending; a revoked user token does not."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storage.database import Database
from storage.failures import Failures
from tests.fakeslack import FakeSlack, app_uninstalled, signed_event, tokens_revoked
from tests.slackapp import SIGNING_SECRET, app_settings, serving


def holds_after(database: Database, event: dict[str, Any]) -> list[tuple[str, str]]:
    with FakeSlack() as fake, serving(database, app_settings(database, fake,
                                                             date(2014, 10, 1))) as url:
        status, _ = signed_event(url, SIGNING_SECRET, event, team_id="T0001")
        assert status == 200
    with database.committed() as session:
        return [(h.team_id, h.reason) for h in Failures(session).holds()]


@pytest.mark.parametrize(("event", "held"), [
    (app_uninstalled(), [("T0001", "app_uninstalled")]),
    (tokens_revoked(), [("T0001", "tokens_revoked")]),
    (tokens_revoked(bot=(), oauth=("U123",)), []),
])
def test_lifecycle_events_hold_sending(sample_database: Database, event: dict[str, Any],
                                       held: list[tuple[str, str]]) -> None:
    assert holds_after(sample_database, event) == held
