"""Linking people and channels to owners, called as services: who may, what is recorded
and when, what Slack says of the channel, and the address a person was named by. Slack's
side is a stand-in holding its one answer (the edge is tested end to end in tests/e2e).
Written against mutants mutmut left alive in commands/admin.py (issue 11)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from commands.admin import Linked, link_channel, link_user, unlink_user
from commands.context import NotPermitted
from commands.pages.notices import channel_problem
from storage.database import Database
from storage.models import AuditEntry
from tests.commands.conftest import NOW, SlackSays, context

EMAIL = "jo.smith@example.gov.uk"
PMQA = "Performance Management and Quality Assurance Subgroup"


def _audited(database: Database, verb: str) -> list[tuple[str, str, datetime]]:
    with database.unit_of_work() as session:
        return [(e.actor, e.subject, e.at) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.verb == verb))]


def test_a_person_named_by_address_is_linked_as_their_id_and_the_address_kept(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        linked = link_user(context(session, slack=SlackSays()), EMAIL, "pmqa")
        again = link_user(context(session, slack=SlackSays()), "U777", "pmqa")
        session.commit()
    assert linked == Linked("U777", PMQA, True, email=EMAIL)
    assert again == Linked("U777", PMQA, False)
    assert [at for _, _, at in _audited(sample_database, "user.link")] == [NOW]


def test_only_an_admin_links_people_or_channels(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        with pytest.raises(NotPermitted) as person:
            link_user(context(session, user="U9", admin=False), "U777", "pmqa")
        with pytest.raises(NotPermitted) as channel:
            link_channel(context(session, user="U9", admin=False), "C123", "pmqa")
    assert person.value.line == (
        "Only an admin can link people to owners. Ask the board's business manager.",)
    assert channel.value.line == (
        "Only an admin can give an owner a channel. Ask the board's business manager.",)


def test_a_channel_is_checked_with_slack_and_what_stops_the_bot_is_said(
        sample_database: Database) -> None:
    private = SlackSays(channel=channel_problem("C123", "not_in_channel"))
    with sample_database.unit_of_work() as session:
        linked = link_channel(context(session, slack=private), "C123", "pmqa")
        session.commit()
    assert linked == Linked("C123", PMQA, True, private.channel, checked=True)
    assert private.asked == ["C123"]
    assert _audited(sample_database, "channel.link")[-1][2] == NOW


def test_from_the_console_a_channel_is_linked_unchecked_and_once(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        first = link_channel(context(session), "C123", "pmqa")
        second = link_channel(context(session), "C123", "pmqa")
        session.commit()
    assert (first, second) == (Linked("C123", PMQA, True, (), checked=False),
                               Linked("C123", PMQA, False, (), checked=False))
    assert len(_audited(sample_database, "channel.link")) == 1


def test_a_person_is_unlinked_by_id_or_address_once_and_only_by_an_admin(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        link_user(context(session), "U777", "pmqa")
        with pytest.raises(NotPermitted) as refused:
            unlink_user(context(session, user="U9", admin=False), "U777", "pmqa")
        unlinked = unlink_user(context(session, slack=SlackSays()), EMAIL, "pmqa")
        again = unlink_user(context(session), "U777", "pmqa")
        session.commit()
    assert refused.value.line == (
        "Only an admin can unlink people from owners. Ask the board's business manager.",)
    assert (unlinked, again) == (Linked("U777", PMQA, True, email=EMAIL),
                                 Linked("U777", PMQA, False))
    assert [at for _, _, at in _audited(sample_database, "user.unlink")] == [NOW]
