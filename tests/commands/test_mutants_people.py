"""Naming a person by email address, as the service sees Slack's answers: an id is taken
as it is, an address needs Slack, and each answer Slack gives is said in a sentence of its
own. Slack's side is a stand-in holding the answer users.lookupByEmail gives (its errors:
https://api.slack.com/methods/users.lookupByEmail); the Slack edge and the fake Slack Web
API are tested end to end in tests/e2e/test_people_by_email.py. Written against mutants
mutmut left alive in commands/people.py (issue 11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from commands import Caller, Context
from commands.context import CommandError, FoundUser
from commands.page import Code, Command, Line, line
from commands.pages.notices import REINSTALL
from commands.people import is_email, user_id_of
from storage.database import Database
from storage.repository import PlanRepository

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
EMAIL = "jo.smith@example.gov.uk"


@dataclass
class SlackSays:
    """Slack's side of a lookup: the one answer it gives."""

    answer: FoundUser

    def check_channel(self, channel_id: str) -> Line:
        return ()

    def find_user(self, email: str) -> FoundUser:
        assert email == EMAIL
        return self.answer


@pytest.mark.parametrize(("who", "email"), [
    (EMAIL, True), ("U0123ABCD", False), ("jo@example", False), ("jo smith@example.org", False),
    ("<mailto:jo@example.org|jo@example.org>", False), ("@jo", False)])
def test_an_email_address_is_told_from_an_id(who: str, email: bool) -> None:
    assert is_email(who) is email


def _user_id(database: Database, who: str, slack: SlackSays | None) -> str:
    with database.unit_of_work() as session:
        return user_id_of(Context(PlanRepository.for_team(session), NOW,
                                  Caller("UADMIN", True, None), slack=slack), who)


def test_an_id_is_taken_as_it_is_and_an_address_is_looked_up(
        sample_database: Database) -> None:
    assert _user_id(sample_database, "U0123ABCD", None) == "U0123ABCD"
    assert _user_id(sample_database, EMAIL, SlackSays(FoundUser("U777"))) == "U777"


def test_an_address_without_slack_asks_for_the_token_or_an_id(
        sample_database: Database) -> None:
    with pytest.raises(CommandError) as refused:
        _user_id(sample_database, EMAIL, None)
    assert refused.value.line == (
        "Finding someone by email address needs Slack: set SLACK_BOT_TOKEN, or give their "
        "Slack user ID (", Code("U0123ABCD"), ").")


@pytest.mark.parametrize(("problem", "said"), [
    ("users_not_found", line(
        f"Nobody in this Slack workspace has the email address {EMAIL}. Check the spelling, "
        "or name them as ", Command("link @name OWNER"), ".")),
    ("missing_scope", line(
        "The app may not look people up by email address (it needs the users:read.email "
        "permission): ", REINSTALL, ".")),
    ("deleted", line(f"The Slack account with the email address {EMAIL} is deactivated.")),
    ("unreachable", line(f"Slack did not answer when asked who has {EMAIL}: try again in a "
                         "minute, or name them as ", Command("link @name OWNER"), ".")),
    ("token", line(f"Slack refuses the bot's token when asked who has {EMAIL}: ", REINSTALL,
                   ".")),
])
def test_each_answer_slack_gives_is_said_plainly(sample_database: Database, problem: str,
                                                 said: Line) -> None:
    with pytest.raises(CommandError) as refused:
        _user_id(sample_database, EMAIL, SlackSays(FoundUser(problem=problem)))
    assert refused.value.line == said
