"""The quarterly return's request and reminder, and the edges of every nudge's span, as values.

Written against mutants mutmut left alive in commands/return_nudges.py and commands/nudges.py
(issue 11): which quarters, which day, which owner, which builder, and what a span includes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from commands.nudges import Nudge, nudges_between
from storage.database import Database
from storage.repository import PlanRepository
from tests.scheduler.test_due_nudges import LONDON, year_of_nudges

PMQA = "Performance Management and Quality Assurance Subgroup"
Seen = tuple[str, date, date, str, str]


def returns_to_pmqa(nudges: list[Nudge]) -> list[Seen]:
    return [(n.key.split(":")[0], n.occurrence, n.send_at.astimezone(LONDON).date(), n.channel,
             n.audience) for n in nudges if n.key.startswith("return") and n.channel == "CPMQA"]


def test_each_quarter_asks_the_day_after_it_ends_and_reminds_a_week_before_due(
        plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database, date(2015, 1, 1), date(2015, 7, 31))
    assert returns_to_pmqa(nudges) == [
        ("return", date(2014, 12, 31), date(2015, 1, 2), "CPMQA", PMQA),  # 1 Jan is a holiday
        ("return-reminder", date(2014, 12, 31), date(2015, 1, 14), "CPMQA", PMQA),
        ("return", date(2015, 3, 31), date(2015, 4, 1), "CPMQA", PMQA),  # Q4 into Q1
        ("return-reminder", date(2015, 3, 31), date(2015, 4, 14), "CPMQA", PMQA),
        ("return", date(2015, 6, 30), date(2015, 7, 1), "CPMQA", PMQA),
        ("return-reminder", date(2015, 6, 30), date(2015, 7, 14), "CPMQA", PMQA),
    ]
    requests = [n for n in nudges if n.channel == "CPMQA" and n.key.startswith("return:")]
    reminders = [n for n in nudges if n.channel == "CPMQA" and n.key.startswith("return-rem")]
    assert {n.key for n in requests} == {f"return:{owner_id(plan_database, 'pmqa')}"}
    assert all(n.text.startswith("📝") for n in requests)  # the request's page, not the
    assert all(n.text.startswith("⏳") for n in reminders)  # reminder's


def test_no_returns_are_asked_for_quarters_after_the_plan_ends(plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database, date(2017, 4, 1), date(2017, 10, 31))
    assert [(kind, quarter) for kind, quarter, *_ in returns_to_pmqa(nudges)] == [
        ("return", date(2017, 3, 31)), ("return-reminder", date(2017, 3, 31))]


def test_a_one_day_span_holds_that_days_nudges(plan_database: Database) -> None:
    asked = year_of_nudges(plan_database, date(2014, 7, 1), date(2014, 7, 1))
    reminded = year_of_nudges(plan_database, date(2014, 7, 14), date(2014, 7, 14))
    due_soon = year_of_nudges(plan_database, date(2014, 9, 16), date(2014, 9, 16))
    assert [s[:3] for s in returns_to_pmqa(asked)] == [
        ("return", date(2014, 6, 30), date(2014, 7, 1))]
    assert [s[:3] for s in returns_to_pmqa(reminded)] == [
        ("return-reminder", date(2014, 6, 30), date(2014, 7, 14))]
    assert [(n.key, n.occurrence, n.channel, n.audience) for n in due_soon
            if n.key == "due-soon:5.2"] == [
        ("due-soon:5.2", date(2014, 9, 30), "CCASE", "Case Review Subgroup")]


def test_a_span_includes_a_nudge_sent_at_its_first_and_last_instant(
        plan_database: Database) -> None:
    nine = datetime.combine(date(2014, 7, 1), time(9), tzinfo=LONDON)
    with plan_database.committed() as session:
        exactly = nudges_between(PlanRepository.for_team(session), nine, nine, LONDON)
    assert exactly and {n.send_at for n in exactly} == {nine.astimezone(UTC)}


def test_an_owner_who_has_answered_everything_is_not_reminded(plan_database: Database) -> None:
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        pmqa = repo.resolve_owner("pmqa")
        for action in repo.actions([pmqa]):
            if action.status != "complete":
                repo.returns.give(repo.action(action.ref), date(2014, 6, 30), "on-track", "",
                                  "U1", datetime(2014, 7, 2, tzinfo=UTC))
    nudges = year_of_nudges(plan_database, date(2014, 7, 1), date(2014, 7, 31))
    assert [s[0] for s in returns_to_pmqa(nudges)] == ["return"]
    assert [n.channel for n in nudges if n.key.startswith("return-reminder")].count("CCASE") == 1


def owner_id(database: Database, name: str) -> int:
    with database.committed() as session:
        return PlanRepository.for_team(session).resolve_owner(name).id


def test_reporting_and_digest_nudges_carry_their_occurrence_and_audience(
        plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database, date(2014, 10, 1), date(2014, 10, 8))
    seen = {(n.key, n.occurrence, n.send_at.astimezone(LONDON).date(), n.audience)
            for n in nudges if n.channel == "CCASE"}
    assert seen == {
        ("overdue:5.2", date(2014, 9, 30), date(2014, 10, 1), "Case Review Subgroup"),
        ("report:scr-updates", date(2014, 10, 1), date(2014, 10, 1), "Case Review Subgroup"),
        ("return:10", date(2014, 9, 30), date(2014, 10, 1), "Case Review Subgroup"),
        ("digest", date(2014, 10, 6), date(2014, 10, 6), "Case Review Subgroup"),
    }


def test_an_owner_with_every_action_complete_is_not_asked_for_a_return(
        plan_database: Database) -> None:
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        for action in repo.actions([repo.resolve_owner("pmqa")]):
            repo.record_status(repo.action(action.ref), "complete", "U1", "",
                               datetime(2014, 6, 1, tzinfo=UTC))
    assert returns_to_pmqa(year_of_nudges(plan_database, date(2014, 7, 1),
                                          date(2014, 7, 31))) == []
