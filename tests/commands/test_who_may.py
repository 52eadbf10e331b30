"""Who may do what, and how much text anyone may leave, whichever way they ask."""

from __future__ import annotations

import pytest

from tests.commands.conftest import Ask

LONG = "x" * 2001


def test_only_admins_and_people_who_speak_for_the_plan_share_the_report(ask: Ask) -> None:
    refused = ask("report --share", user="U9", admin=False)
    assert refused.is_error and not refused.in_channel
    assert "Only admins and people linked to the Chair or another owner" in refused.text
    assert not ask("report", user="U9", admin=False).is_error  # seen alone: anyone
    for who in (("chair",), ("policy",)):
        assert ask("report --share", user="U1", admin=False, acting_as=who).in_channel
    assert ask("report --share").in_channel  # an admin


def test_a_risk_is_attributed_to_an_owner_only_by_its_people_or_an_admin(ask: Ask) -> None:
    refused = ask("risk add likelihood=3 impact=3 owner=pmqa late returns", user="U1",
                  admin=False, acting_as=("policy",))
    assert refused.is_error and "Log it without an owner, or ask them" in refused.text
    assert not ask("risk add likelihood=3 impact=3 owner=policy late returns", user="U1",
                   admin=False, acting_as=("policy",)).is_error
    assert not ask("risk add likelihood=3 impact=3 owner=pmqa late returns").is_error


@pytest.mark.parametrize("text", [
    f"challenge 2.3 {LONG}", f"update 2.3 at-risk {LONG}", f"done 2.3 {LONG}",
    f"return 2.3 amber {LONG}", f"move 2.5 2015-06-30 {LONG}",
    f"risk add likelihood=3 impact=3 {LONG}", f"schedule set scr-updates FREQ=YEARLY;{LONG}",
])
def test_every_typed_text_is_capped_with_a_clear_reply(ask: Ask, text: str) -> None:
    reply = ask(text)
    assert reply.is_error and "characters" in reply.text and len(reply.text) < 300


def test_answers_and_closing_notes_are_capped_too(ask: Ask) -> None:
    ask("challenge 2.3 why late?")
    assert "under 2,000 characters" in ask(f"answer 1 {LONG}").text
    ask("risk add likelihood=3 impact=3 late returns")
    assert "under 2,000 characters" in ask(f"risk close 1 {LONG}").text
