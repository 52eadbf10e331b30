"""A "set" asked twice is made once: the second time says it is so and changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from commands import Caller, Context
from commands.buttons import snooze, submit_update
from commands.context import AlreadySo
from storage.database import Database
from storage.models import AuditEntry, StatusChange
from storage.repository import PlanRepository
from tests.commands.conftest import NOW, Ask


def status_changes(database: Database, ref: str) -> int:
    with database.unit_of_work() as session:
        action = PlanRepository.for_team(session).action(ref)
        return len(session.query(StatusChange).filter_by(action_id=action.id).all())


def audits(database: Database, verb: str) -> int:
    with database.unit_of_work() as session:
        return session.query(AuditEntry).filter_by(verb=verb).count()


def test_done_twice_on_an_annual_action_moves_its_date_once(ask: Ask,
                                                             sample_database: Database) -> None:
    assert "due again on 31 Mar 2016" in ask("done 1.13").text
    again = ask("done 1.13", now=NOW + timedelta(minutes=1))
    assert again.is_error
    assert "was marked complete on 15 Oct 2014" in again.text
    assert "next due 31 Mar 2016. Nothing was changed." in again.text
    assert "Annually → 31 Mar 2016" in ask("action 1.13").text
    assert status_changes(sample_database, "1.13") == 2  # complete, then round again


def test_next_years_done_counts_once_the_repeat_window_has_passed(ask: Ask) -> None:
    ask("done 1.13")
    later = NOW + timedelta(days=200)
    assert "due again on 31 Mar 2017" in ask("done 1.13", now=later).text


def test_done_on_a_completed_action_says_so(ask: Ask, sample_database: Database) -> None:
    ask("done 1.1")
    again = ask("done 1.1")
    assert again.is_error and "1.1* is already ✅ complete. Nothing was changed." in again.text
    assert status_changes(sample_database, "1.1") == 1


def test_the_same_status_with_nothing_new_is_not_recorded_again(
        ask: Ask, sample_database: Database) -> None:
    ask("update 2.5 at-risk supplier late")
    assert "already 🟠 at risk" in ask("update 2.5 at-risk supplier late").text
    assert status_changes(sample_database, "2.5") == 1
    assert "now 🟠 at risk" in ask("update 2.5 at-risk supplier now a month late").text
    assert status_changes(sample_database, "2.5") == 2


def test_snoozing_twice_on_a_day_changes_nothing(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), NOW, Caller("UADMIN", True, ("policy",)))
        snooze(ctx, "2.5")
        with pytest.raises(AlreadySo, match="snoozed until 22 Oct 2014 already"):
            snooze(ctx, "2.5")
        assert session.query(AuditEntry).filter_by(verb="action.snooze").count() == 1


def test_linking_the_same_channel_again_audits_nothing(ask: Ask,
                                                       sample_database: Database) -> None:
    ask("channel <#C1|policy> policy")
    assert "as it did already: nothing was changed" in ask("channel <#C1|policy> policy").text
    assert audits(sample_database, "channel.link") == 1


def test_the_modal_saved_twice_says_so_beside_the_status(sample_database: Database) -> None:
    values = {"action": "2.5", "status": "on-track", "note": "", "evidence": ""}
    with sample_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), NOW, Caller("UADMIN", True))
        submit_update(ctx, values)
        with pytest.raises(AlreadySo, match="already 🟢 on track") as said:
            submit_update(ctx, values)
    assert said.value.field == "status"
