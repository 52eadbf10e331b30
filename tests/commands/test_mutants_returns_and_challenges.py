"""One action's quarterly return outside its window and by someone it is not for, the
buttons every reminder carries, and the challenge log's owners and refusals, as the
services give them. Written against mutants mutmut left alive in commands/quarterly.py,
buttons.py and challenges.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commands.buttons import COMPLETE, PICK, SNOOZE, UPDATE, action_buttons, pick_button
from commands.challenges import ChallengeEntry, answer_challenge, challenge_log, log_challenge
from commands.context import CommandError, NotPermitted
from commands.page import Button, Buttons, Command
from commands.quarterly import return_one
from storage.database import Database
from tests.commands.conftest import context

IN_THE_WINDOW = datetime(2014, 10, 6, 11, 0, tzinfo=UTC)
OUTSIDE_IT = datetime(2014, 11, 17, 11, 0, tzinfo=UTC)
TWO_OWNERS = "Case Review Subgroup / LSCB Business Group"  # action 5.4's


@pytest.mark.parametrize(("ref", "typed"), [("5.4", "update 5.4 STATUS note"),
                                            ("", "update REF STATUS note")])
def test_outside_the_window_a_return_points_to_update(sample_database: Database, ref: str,
                                                      typed: str) -> None:
    with sample_database.unit_of_work() as session, pytest.raises(CommandError) as refused:
        return_one(context(session, OUTSIDE_IT), ref, "on-track", "fine")
    assert refused.value.line == (
        "There is no quarterly return to give today: returns are given in the three weeks "
        "after a quarter ends. ", Command(typed), " records progress now.")


def test_a_return_is_given_by_the_actions_people_or_for_its_first_owner_by_an_admin(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        with pytest.raises(NotPermitted) as refused:
            member = context(session, IN_THE_WINDOW, user="U9", admin=False)
            return_one(member, "5.4", "on-track", "fine")
        ref, quarter = return_one(context(session, IN_THE_WINDOW), "5.4", "on-track", "fine")
    assert refused.value.line == (
        f"Only people linked to {TWO_OWNERS}, or an admin, can give 5.4's return.",)
    assert (ref, quarter.number, quarter.year_start) == ("5.4", 2, 2014)


def test_every_reminder_offers_complete_update_and_snooze_with_complete_first() -> None:
    assert action_buttons("2.3") == Buttons("lscb_buttons_2.3", (
        Button("Mark complete", COMPLETE, "2.3", primary=True),
        Button("Update status", UPDATE, "2.3"), Button("Snooze a week", SNOOZE, "2.3")))


def test_a_message_about_many_actions_carries_their_refs_up_to_slacks_two_thousand() -> None:
    refs = [f"{n}.{m}" for n in range(1, 10) for m in range(1, 100)]
    [button] = pick_button(refs).buttons
    assert (button.action_id, len(button.value)) == (PICK, 2000)
    assert button.value == ",".join(refs)[:2000]


def test_the_log_names_every_owner_and_an_unknown_challenge_is_said_so(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, IN_THE_WINDOW)
        logged = log_challenge(ctx, "5.4", "Who leads this?")
        [entry] = challenge_log(ctx).entries
        with pytest.raises(CommandError) as refused:
            answer_challenge(ctx, logged.number + 1, "An answer")
    assert (entry.ref, entry.owners, entry.text) == ("5.4", TWO_OWNERS, "Who leads this?")
    assert refused.value.line == (f"There is no challenge #{logged.number + 1}; ",
                                  Command("challenges"), " lists them.")


def test_an_answer_is_recorded_whole_and_the_log_of_one_action_is_its_own(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, IN_THE_WINDOW)
        asked = log_challenge(ctx, "5.4", "Who leads this?")
        log_challenge(ctx, "2.3", "Why are the returns late?")
        with pytest.raises(CommandError) as too_long:
            answer_challenge(ctx, asked.number, "x" * 2001)
        answered = answer_challenge(ctx, asked.number, "The business group")
        only_5_4 = challenge_log(ctx, "5.4")
    assert str(too_long.value).startswith("Keep the answer under 2,000 characters")
    assert answered == ChallengeEntry(asked.number, "5.4", TWO_OWNERS, IN_THE_WINDOW, "UADMIN",
                                      "Who leads this?", "The business group", "UADMIN")
    assert (only_5_4.ref, [e.ref for e in only_5_4.entries]) == ("5.4", ["5.4"])
