"""Both shipped samples through every `/lscb` subcommand: answers, or only the refusals a
plan in that state should give; and owner groups, whose members each see the group's
actions as their own in my-actions and in their nudges."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.slack_text import typed
from commands import Caller, Context
from commands.nudges import NOBODY, nudges_between
from commands.page import Page
from commands.render_blocks import Reply, to_reply
from commands.slash import SUBCOMMANDS, dispatch
from storage.database import Database
from storage.links import LinkKeys
from storage.planfiles import SAMPLES
from storage.repository import PlanRepository

LONDON = ZoneInfo("Europe/London")
#: Per sample: a day inside its plan, an action, an owner, and who to speak as.
SETTINGS: dict[str, dict[str, Any]] = {
    "cumbria": {"now": datetime(2014, 10, 15, 11, tzinfo=UTC), "ref": "1.1",
                "owner": "case review", "as": "Chair", "later": "2016-12-31"},
    "partnership": {"now": datetime(2026, 1, 12, 11, tzinfo=UTC), "ref": "2.1a",
                    "owner": "police", "as": "Larkmoor Police", "later": "2027-03-31"},
}
#: What each subcommand is asked, in order, by an admin then by the owner (later ones build
#: on earlier: answer N needs a challenge, approve 2 the owner's move, an admin's own being
#: #1 and approved at once); a subcommand not listed is asked with no words.
ASKED = [
    ("help", ""), ("owners", ""), ("owner", "{owner}"), ("theme", "1"), ("theme", "4"),
    ("action", "{ref}"), ("history", "{ref}"), ("my-actions", ""), ("overdue", ""),
    ("overdue", "{owner}"), ("due", "90 days"), ("report", ""), ("schedule", ""),
    ("link", "<@U5|sam> {owner}"), ("channel", "<#C5|ch> {owner}"),
    ("update", "{ref} amber two agencies are late"), ("done", "{ref} agreed at the exec"),
    ("return", "{ref} green on track"), ("challenge", "{ref} What evidence is there?"),
    ("challenges", "{ref}"), ("answer", "1 The audit report"), ("risk", "list"),
    ("move", "{ref} {later} the tool needs testing"), ("approvals", ""),
    ("approve", "2"), ("reject", "2"), ("who", "{owner}"), ("unlink", "<@U5|sam> {owner}"),
    ("email", "{owner} owner@example.org"), ("email", "{owner} none"), ("calendar", ""),
]
#: Refusals an admin may rightly get here: rejecting the move just approved.
EXPECTED_REFUSALS = {"reject"}


def answer(database: Database, text: str, now: datetime, admin: bool = True,
           acting_as: tuple[str, ...] | None = None) -> Page:
    """`/lscb text` asked by UADMIN (an admin, or not and acting as `acting_as`), in a unit
    of work of its own committed unless refused."""
    with database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), now, Caller("UADMIN", admin, acting_as),
                      links=LinkKeys("a key", "https://lscb.example.org"))
        page = dispatch(ctx, typed(text))
        if not page.is_error:
            session.commit()
        return page


def ask(database: Database, text: str, now: datetime, admin: bool = True,
        acting_as: tuple[str, ...] | None = None) -> Reply:
    return to_reply(answer(database, text, now, admin, acting_as))


def askers(sample: str) -> tuple[tuple[bool, tuple[str, ...] | None], ...]:
    """Who asks `sample` each question: an admin, then its owner (admin?, acting as)."""
    return (True, None), (False, (str(SETTINGS[sample]["as"]),))


def every_question(sample: str) -> Iterator[tuple[str, bool, tuple[str, ...] | None]]:
    """What `sample` is asked, in order: each subcommand (ASKED, then any not listed there
    with no words), by each of its `askers`: (text, admin, acting as)."""
    given = {k: v for k, v in SETTINGS[sample].items() if k != "now"}
    asked = [*ASKED, *((n, "") for n in sorted(set(SUBCOMMANDS) - {n for n, _ in ASKED}))]
    for name, words in asked:
        text = f"{name} {words.format(**given)}".strip()
        for admin, acting in askers(sample):
            yield text, admin, acting


def test_every_subcommand_is_asked() -> None:
    missing = set(SUBCOMMANDS) - {name for name, _ in ASKED}
    assert not missing - {"undated"}, f"add {missing} to ASKED"


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_each_sample_answers_every_subcommand(samples: dict[str, Database], sample: str
                                              ) -> None:
    now = SETTINGS[sample]["now"]
    refused = {}
    for text, admin, acting in every_question(sample):
        reply = ask(samples[sample], text, now, admin, acting)
        assert reply.text, text
        if reply.is_error and admin:
            refused[text.split()[0]] = reply.text
    assert set(refused) <= EXPECTED_REFUSALS, refused


def test_a_group_s_actions_are_each_member_s_in_my_actions(samples: dict[str, Database]
                                                           ) -> None:
    now = SETTINGS["partnership"]["now"]
    police = ask(samples["partnership"], "my-actions", now, False, ("Larkmoor Police",)).text
    schools = ask(samples["partnership"], "my-actions", now, False, ("Schools",)).text
    for ref in ("*2.1a*", "*4.1*", "*1.1b*", "*2.2*"):  # its own, the statutory partners',
        assert ref in police, ref                       # and each agency's
    assert "*1.1b*" in schools and "*2.2*" in schools
    assert "*4.1*" not in schools and "*2.1a*" not in schools  # not a statutory partner


def test_a_group_s_nudges_reach_each_member_s_channel(samples: dict[str, Database]) -> None:
    database = samples["partnership"]
    now = SETTINGS["partnership"]["now"]
    for channel, owner in (("CPOLICE", "police"), ("CCOUNCIL", "council"),
                           ("CSCHOOLS", "schools")):
        assert not ask(database, f"channel <#{channel}|x> {owner}", now).is_error
    with database.committed() as session:
        nudges = nudges_between(PlanRepository.for_team(session),
                                datetime.combine(date(2026, 3, 1), time.min, tzinfo=LONDON),
                                datetime.combine(date(2026, 4, 30), time.max, tzinfo=LONDON),
                                LONDON)
        by_key: dict[str, set[str]] = {}
        for nudge in nudges:
            if nudge.channel != NOBODY:  # the ICB has no channel: nobody hears it
                by_key.setdefault(nudge.key, set()).add(nudge.channel)
            assert nudge.message
    # 4.1 (the statutory partners, 31 Mar 2026) reaches the police and the council, not
    # the schools; 1.1b (each agency, 31 Mar 2026) reaches all three.
    assert by_key["due-soon:4.1"] == {"CPOLICE", "CCOUNCIL"}
    assert by_key["overdue:4.1"] == {"CPOLICE", "CCOUNCIL"}
    assert by_key["due-soon:1.1b"] == {"CPOLICE", "CCOUNCIL", "CSCHOOLS"}


def test_a_group_s_page_names_its_members(samples: dict[str, Database]) -> None:
    text = ask(samples["partnership"], "owner statutory partners",
               SETTINGS["partnership"]["now"]).text
    assert "members (each sees these as theirs): Larkmoor Council, Larkmoor Integrated " \
           "Care Board, Larkmoor Police" in text and "*4.1*" in text
