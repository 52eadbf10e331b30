"""What one action holds, as the service returns it: its milestones, whether it is late on
the day it falls due and the day after, and only its own challenges, each with who and
when. Written against mutants mutmut left alive in commands/detail.py and
commands/challenges.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from commands.challenges import ChallengeEntry, log_challenge
from commands.context import CommandError
from commands.detail import ActionDetail, ChallengeLine, MilestoneLine, action_detail
from commands.progress import update_status
from storage.database import Database
from tests.commands.conftest import NOW, context


def _detail(database: Database, ref: str, now: datetime = NOW) -> ActionDetail:
    with database.unit_of_work() as session:
        return action_detail(context(session, now), ref)


def test_an_action_lists_its_milestones_with_their_wording_and_dates(
        sample_database: Database) -> None:
    detail = _detail(sample_database, "6.1")
    assert detail.milestones == [
        MilestoneLine("2011 annual report presented to the Board", "July 2014",
                      date(2014, 7, 31), False),
        MilestoneLine("2012 annual report presented to the Board", "December 2014",
                      date(2014, 12, 31), False),
        MilestoneLine("2013 annual report presented to the Board", "March 2015",
                      date(2015, 3, 31), False)]
    assert (detail.owners, detail.when, detail.lateness) == (
        ["Child Death Overview Panel"], "Annually from 2014 → 31 Mar 2015", "")


def test_an_action_is_late_from_the_day_after_it_falls_due(sample_database: Database) -> None:
    on_the_day = _detail(sample_database, "2.5", datetime(2015, 2, 28, 9, tzinfo=UTC))
    day_after = _detail(sample_database, "2.5", datetime(2015, 3, 1, 9, tzinfo=UTC))
    assert (on_the_day.when, on_the_day.lateness) == ("Feb 2015 → 28 Feb 2015", "")
    assert day_after.lateness == "1 day overdue"


def test_an_action_shows_only_its_own_challenges_with_who_and_when(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW, user="UCHAIR", admin=False)
        logged = log_challenge(ctx, "6.1", "When will the 2012 report come?")
        log_challenge(ctx, "2.3", "Why are the S11 returns late?")
        session.commit()
    assert logged == ChallengeEntry(logged.number, "6.1", "Child Death Overview Panel", NOW,
                                    "UCHAIR", "When will the 2012 report come?")
    assert _detail(sample_database, "6.1").challenges == [
        ChallengeLine(NOW, "UCHAIR", "When will the 2012 report come?")]


def test_a_challenge_too_long_to_keep_is_refused_as_a_challenge(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW, user="UCHAIR", admin=False)
        with pytest.raises(CommandError) as refused:
            log_challenge(ctx, "6.1", "x" * 2001)
    assert str(refused.value).startswith("Keep the challenge under 2,000 characters")


def test_a_finished_action_past_its_date_is_not_late(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        update_status(ctx, "2.5", "complete", "done early")
        session.commit()
    assert _detail(sample_database, "2.5", datetime(2015, 3, 1, 9, tzinfo=UTC)).lateness == ""
