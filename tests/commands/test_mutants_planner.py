"""Changing a cadence's rule, called as a service: each refusal's whole line, the rule as
stored and audited, and the three dates the admin is shown. Written against the mutants
mutmut left alive in commands/planner.py (issue 11)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select

from commands.context import CommandError, NotPermitted
from commands.page import Code, Command
from commands.planner import CadenceDates, next_dates, planner, set_cadence_rule
from storage.database import Database
from storage.models import AuditEntry, Cadence
from tests.commands.conftest import committed

NOW = datetime(2014, 12, 10, 11, 0, tzinfo=UTC)
QUARTERLY = "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1"
Run = Callable[..., Any]


@pytest.fixture
def run(sample_database: Database) -> Run:
    """Run a service as a caller on 10 Dec 2014, committed unless it refuses."""
    return partial(committed, sample_database, now=NOW)


def _refusal(run: Run, key: str, rule: str, **caller: Any) -> CommandError:
    with pytest.raises(CommandError) as refused:
        run(lambda ctx: set_cadence_rule(ctx, key, rule), **caller)
    return refused.value


def _stored(database: Database) -> tuple[str, list[tuple[str, str, str, dict[str, str],
                                                        datetime]]]:
    with database.unit_of_work() as session:
        rule = session.scalar(select(Cadence.rule).where(Cadence.key == "scr-updates"))
        audit = [(e.actor, e.verb, e.subject, json.loads(e.detail), e.at) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.verb == "cadence.rule"))]
    return str(rule), audit


BIMONTHLY = "FREQ=YEARLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=1"


def test_an_admin_changes_a_rule_and_sees_its_next_three_dates(
        run: Run, sample_database: Database) -> None:
    changed = run(lambda ctx: set_cadence_rule(ctx, "scr-updates", f" RRULE:{QUARTERLY} "))
    assert changed == CadenceDates("scr-updates", "SCR update to the LSCB", "LSCB", QUARTERLY,
                                   [date(2015, 1, 2), date(2015, 4, 1), date(2015, 7, 1)])
    assert _stored(sample_database) == (QUARTERLY, [
        ("UADMIN", "cadence.rule", "scr-updates", {"from": BIMONTHLY, "to": QUARTERLY}, NOW)])


def test_a_member_who_is_not_an_admin_is_refused_and_nothing_changes(
        run: Run, sample_database: Database) -> None:
    refused = _refusal(run, "scr-updates", QUARTERLY, user="U1", admin=False)
    assert isinstance(refused, NotPermitted)
    assert refused.line == ("Only an admin can change the reporting schedule. Ask the board's "
                            "business manager.",)
    assert _stored(sample_database) == (BIMONTHLY, [])


@pytest.mark.parametrize(("key", "rule"), [("", QUARTERLY), ("scr-updates", " "),
                                           ("scr-updates", "RRULE:")])
def test_a_missing_key_or_rule_is_answered_with_the_usage(run: Run, key: str,
                                                         rule: str) -> None:
    assert _refusal(run, key, rule).line == (
        "Usage: ", Command("schedule set KEY RULE"), ", e.g. ",
        Command("schedule set scr-updates FREQ=YEARLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=1"),
        ". ", Command("schedule"), " shows each cadence's key.")


def test_a_rule_longer_than_the_column_is_refused_and_one_that_fits_is_kept(
        run: Run, sample_database: Database) -> None:
    at_the_limit = "FREQ=YEARLY;BYMONTHDAY=1;BYMONTH=" + ",".join(["1"] * 134)
    assert len(at_the_limit) == 300
    assert _refusal(run, "scr-updates", at_the_limit + "0").line == (
        "Keep the rule under 300 characters.",)
    kept = run(lambda ctx: set_cadence_rule(ctx, "scr-updates", at_the_limit))
    assert (kept.rule, kept.next) == (at_the_limit, [date(2015, 1, 2), date(2016, 1, 4)])
    assert _stored(sample_database)[0] == at_the_limit


def test_an_unknown_cadence_is_named_cut_to_sixty_characters(run: Run) -> None:
    key = "k" * 61
    assert _refusal(run, key, QUARTERLY).line == (
        f"There is no cadence “{'k' * 60}”; ", Command("schedule"), " lists them.")


def test_a_rule_more_often_than_daily_is_refused_with_an_example(
        run: Run, sample_database: Database) -> None:
    hourly = "FREQ=HOURLY;BYMINUTE=" + ",".join(["0"] * 100)
    assert _refusal(run, "scr-updates", hourly).line == (
        f"“{hourly[:200]}” is not a recurrence rule a board can report on (at most daily). "
        "Example: ", Code(QUARTERLY), " (quarterly).")
    assert _stored(sample_database) == (BIMONTHLY, [])


def test_the_next_dates_are_first_working_days_from_today(run: Run) -> None:
    assert run(lambda ctx: next_dates(ctx, BIMONTHLY, 2)) == [date(2015, 2, 2),
                                                              date(2015, 4, 1)]


def test_the_planner_gives_each_cadence_its_rule_and_next_two_dates(run: Run) -> None:
    rows = {row.what: row for row in run(planner)}
    scr = next(c for row in rows.values() for c in row.cadences if c.key == "scr-updates")
    assert scr == CadenceDates("scr-updates", "SCR update to the LSCB", "LSCB", BIMONTHLY,
                               [date(2015, 2, 2), date(2015, 4, 1)])
