"""Board links: without what building one takes (no key, an empty key, no public address),
each refused with what to set; who may have them, which, and a member's own calendar.
Written against mutants mutmut left alive in commands/links.py (issue 11)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from commands.context import CommandError, NotPermitted
from commands.links import WHOLE_PLAN, board_links, my_calendar
from commands.page import Command
from storage.database import Database
from storage.links import LinkKeys
from storage.models import AuditEntry
from tests.commands.conftest import NOW, context

NO_KEY = ("Board links need a key: set LSCB_LINK_SECRET (or SLACK_SIGNING_SECRET) where the "
          "bot runs.",)
NO_ADDRESS = ("Board links need the address people reach the bot at: set LSCB_PUBLIC_URL, "
              "e.g. https://lscb-bot.example.org.",)


@pytest.mark.parametrize(("keys", "said"), [
    (None, NO_KEY), (LinkKeys("", "https://lscb.example.org"), NO_KEY),
    (LinkKeys("a key"), NO_ADDRESS)])
def test_links_are_refused_until_the_key_and_the_address_are_set(
        sample_database: Database, keys: LinkKeys | None, said: tuple[str]) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, links=keys)
        with pytest.raises(CommandError) as refused:
            board_links(ctx)
    assert refused.value.line == said


KEYS = LinkKeys("a key", "https://lscb.example.org/")


def test_an_admin_gets_the_whole_plans_links_then_every_owners_and_keeps_them(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        with pytest.raises(NotPermitted) as refused:
            board_links(context(session, user="U9", admin=False, links=KEYS))
        every = board_links(context(session, links=KEYS))
        again = board_links(context(session, links=KEYS))
        one = board_links(context(session, links=KEYS), "pmqa")
        owners = [o.name for o in context(session, links=KEYS).repo.owners()]
    assert refused.value.line == ("Only an admin can hand out or withdraw board links. Ask "
                                  "the board's business manager.",)
    assert [links.who for links in every] == [WHOLE_PLAN, *owners]
    assert again == every
    assert all(links.board.startswith("https://lscb.example.org/board/")
               and links.calendar.startswith("https://lscb.example.org/calendar/")
               and links.calendar.endswith(".ics") for links in every)
    [pmqa] = one
    assert pmqa == next(links for links in every if links.who == pmqa.who)
    assert pmqa.who == "Performance Management and Quality Assurance Subgroup"


def test_rotating_one_owners_links_replaces_them_and_is_audited(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        [before] = board_links(context(session, links=KEYS), "pmqa")
        [after] = board_links(context(session, links=KEYS), "pmqa", rotate=True)
        [plan_after] = board_links(context(session, links=KEYS), "pmqa")
        session.commit()
    assert after.board != before.board and plan_after == after
    with sample_database.unit_of_work() as session:
        audited = [(e.actor, e.subject, e.at, json.loads(e.detail)) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.verb == "links.rotate"))]
    assert audited == [("UADMIN", "pmqa", NOW, {"links": 1})]


def test_a_members_calendar_is_one_link_per_owner_they_speak_for(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        mine = my_calendar(context(session, user="U1", admin=False, acting_as=("pmqa", "chair"),
                                   links=KEYS))
        admins = my_calendar(context(session, acting_as=("pmqa",), links=KEYS))
        with pytest.raises(CommandError) as nobody:
            my_calendar(context(session, user="U9", admin=False, links=KEYS))
    assert [links.who for links in mine] == [
        "Performance Management and Quality Assurance Subgroup", "Chair"]
    assert [links.who for links in admins] == [
        WHOLE_PLAN, "Performance Management and Quality Assurance Subgroup"]
    assert nobody.value.line == (
        "You are not linked to any role or subgroup, so there is no calendar of yours. Ask "
        "an admin to link you: ", Command("link @name OWNER"), ".")
