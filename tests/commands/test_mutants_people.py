"""Naming a person by email address, as the service sees Slack's answers: an id is taken
as it is, an address needs Slack, and each answer Slack gives is said in a sentence of its
own. Slack's side is a stand-in holding the answer users.lookupByEmail gives (its errors:
https://api.slack.com/methods/users.lookupByEmail); the Slack edge and the fake Slack Web
API are tested end to end in tests/e2e/test_people_by_email.py. Written against mutants
mutmut left alive in commands/people.py (issue 11)."""

from __future__ import annotations

import pytest

from commands.context import CommandError, FoundUser
from commands.page import Code, Command, Line, line
from commands.pages.notices import REINSTALL
from commands.people import is_email, user_id_of
from storage.database import Database
from tests.commands.conftest import SlackSays, committed

EMAIL = "jo.smith@example.gov.uk"


@pytest.mark.parametrize(("who", "email"), [
    (EMAIL, True), ("U0123ABCD", False), ("jo@example", False), ("jo smith@example.org", False),
    ("<mailto:jo@example.org|jo@example.org>", False), ("@jo", False)])
def test_an_email_address_is_told_from_an_id(who: str, email: bool) -> None:
    assert is_email(who) is email


def _user_id(database: Database, who: str, slack: SlackSays | None) -> str:
    return committed(database, lambda ctx: user_id_of(ctx, who), slack=slack)


def test_an_id_is_taken_as_it_is_and_an_address_is_looked_up(
        sample_database: Database) -> None:
    assert _user_id(sample_database, "U0123ABCD", None) == "U0123ABCD"
    slack = SlackSays(FoundUser("U777"))
    assert _user_id(sample_database, EMAIL, slack) == "U777"
    assert slack.asked == [EMAIL]


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
    slack = SlackSays(FoundUser(problem=problem))
    with pytest.raises(CommandError) as refused:
        _user_id(sample_database, EMAIL, slack)
    assert (refused.value.line, slack.asked) == (said, [EMAIL])
