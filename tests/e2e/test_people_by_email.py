"""Linking people by their email address: `/lscb link sam.jones@… OWNER` against the fake
Slack's users.lookupByEmail, and `/lscb who OWNER`.

Slack sends an address typed in a slash command (with "Escape channels, users, and links"
on) as a link, `<mailto:sam@x.org|sam@x.org>`
(https://api.slack.com/reference/surfaces/formatting#escaping).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Bot
from tests.fakeslack import FakeSlack
from tests.fakeslack_requests import Email, slack_text

PMQA = "Performance Management and Quality Assurance Subgroup"


def typed_email(address: str) -> str:
    return slack_text(Email(address))


@pytest.fixture
def sam(fake_slack: FakeSlack) -> Iterator[str]:
    fake_slack.add_user("U0SAMJONES", "sam.jones", email="Sam.Jones@council.gov.uk")
    yield "U0SAMJONES"
    fake_slack.workspace.people.pop("U0SAMJONES", None)


def test_an_admin_links_a_person_by_email_address(bot: Bot, sam: str) -> None:
    reply = bot.ask(f"link {typed_email('sam.jones@council.gov.uk')} pmqa")
    assert reply["text"] == f"<@{sam}> (sam.jones@council.gov.uk) is now linked to {PMQA}."
    assert "*2.1*" in bot.ask("mine", user=sam)["text"]
    again = bot.ask("link sam.jones@council.gov.uk pmqa")  # typed without Slack's link
    assert again["text"].startswith(f"<@{sam}> (sam.jones@council.gov.uk) was already linked")
    assert bot.ask(f"unlink {typed_email('SAM.JONES@council.gov.uk')} pmqa")["text"] == (
        f"<@{sam}> (SAM.JONES@council.gov.uk) is no longer linked to {PMQA}.")


def test_nobody_with_that_address_is_told_plainly(bot: Bot, fake_slack: FakeSlack) -> None:
    reply = bot.ask(f"link {typed_email('nobody@council.gov.uk')} pmqa")
    assert reply["text"] == ("Nobody in this Slack workspace has the email address "
                             "nobody@council.gov.uk. Check the spelling, or name them as "
                             "`/lscb link @name OWNER`.")
    assert fake_slack.calls("users.lookupByEmail")[-1].params["email"] == "nobody@council.gov.uk"


def test_without_the_permission_the_admin_is_told_to_reinstall(
        bot: Bot, fake_slack: FakeSlack, sam: str) -> None:
    fake_slack.workspace.scopes.discard("users:read.email")
    try:
        reply = bot.ask(f"link {typed_email('sam.jones@council.gov.uk')} pmqa")
    finally:
        fake_slack.workspace.scopes.add("users:read.email")
    assert "users:read.email" in reply["text"] and "reinstall the app" in reply["text"]
    assert "You are not linked" in bot.ask("mine", user=sam)["text"]


def test_a_deactivated_account_is_not_linked(bot: Bot, fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0GONE", "gone", email="gone@council.gov.uk", deleted=True)
    try:
        reply = bot.ask("link gone@council.gov.uk pmqa")
    finally:
        fake_slack.workspace.people.pop("U0GONE")
    assert reply["text"] == "The Slack account with the email address gone@council.gov.uk is " \
                            "deactivated."


def test_who_lists_the_people_linked_to_an_owner_by_name(bot: Bot) -> None:
    assert "Nobody yet" in bot.ask("who pmqa", user="U9")["text"]
    bot.ask("link <@U1|sam> pmqa")
    bot.ask("link <@U2|kim> pmqa")
    bot.ask("channel <#CPMQA|pmqa> pmqa")
    reply = bot.ask("who pmqa", user="U9")
    assert f"Who is linked to {PMQA}" in reply["text"]
    assert "<@U1>, <@U2>." in reply["text"]
    assert "Nudges and reminders go to <#CPMQA>." in reply["text"]
