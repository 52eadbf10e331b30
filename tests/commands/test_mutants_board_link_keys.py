"""Board links without what building one takes: no key at all, an empty key, and no public
address, each refused with what to set. Written against mutants mutmut left alive in
commands/links.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commands import Caller, Context
from commands.context import CommandError
from commands.links import board_links
from storage.database import Database
from storage.links import LinkKeys
from storage.repository import PlanRepository

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
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
        ctx = Context(PlanRepository.for_team(session), NOW, Caller("UADMIN", True, None),
                      links=keys)
        with pytest.raises(CommandError) as refused:
            board_links(ctx)
    assert refused.value.line == said
