"""What is due when, over a whole plan year, at fixed dates: no Slack, no scheduler."""

from __future__ import annotations

import json
import time as pytime
from collections import defaultdict
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from commands import Caller, Context
from commands.calendar import is_working_day
from commands.nudges import NOBODY, Nudge, nudges_between
from commands.progress import update_status
from storage.database import Database
from storage.repository import PlanRepository

LONDON = ZoneInfo("Europe/London")


def year_of_nudges(database: Database, first: date = date(2014, 4, 1),
                   last: date = date(2015, 3, 31)) -> list[Nudge]:
    with database.committed() as session:
        nudges = nudges_between(PlanRepository.for_team(session),
                                datetime.combine(first, time.min, tzinfo=LONDON),
                                datetime.combine(last, time.max, tzinfo=LONDON), LONDON)
        for nudge in nudges:
            assert nudge.text and isinstance(nudge.blocks, list)  # rendered while the session
            # is open, as a cycle does
        return nudges


def days_of(nudges: list[Nudge], key: str, channel: str) -> list[date]:
    return [n.send_at.astimezone(LONDON).date() for n in nudges
            if n.key == key and n.channel == channel]


def test_every_nudge_goes_at_nine_on_a_working_day(plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database)
    assert nudges
    for nudge in nudges:
        local = nudge.send_at.astimezone(LONDON)
        assert (local.hour, local.minute) == (9, 0)
        assert is_working_day(local.date()), nudge


def test_bi_monthly_scr_updates_to_the_case_review_channel(plan_database: Database) -> None:
    assert days_of(year_of_nudges(plan_database), "report:scr-updates", "CCASE") == [
        date(2014, 4, 1), date(2014, 6, 2), date(2014, 8, 1), date(2014, 10, 1),
        date(2014, 12, 1), date(2015, 2, 2)]


def test_quarterly_monitoring_and_the_july_annual_report(plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database)
    assert days_of(nudges, "report:business-plan-quarterly", "CPMQA") == [
        date(2014, 4, 1), date(2014, 7, 1), date(2014, 10, 1), date(2015, 1, 2)]
    assert days_of(nudges, "report:multi-agency-audits-annual", "CPMQA") == [date(2014, 7, 1)]
    assert days_of(nudges, "report:cdop-annual", "CCDOP") == [date(2014, 7, 1)]


def test_reminders_fourteen_days_before_and_the_first_working_day_after(
        plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database)
    # 5.2 is due 30 Sep 2014: reminded Tue 16 Sep, overdue on Wed 1 Oct.
    assert days_of(nudges, "due-soon:5.2", "CCASE") == [date(2014, 9, 16)]
    assert days_of(nudges, "overdue:5.2", "CCASE") == [date(2014, 10, 1)]
    # 6.1's milestones fall due 31 Jul 2014, 31 Dec 2014 and 31 Mar 2015.
    milestone = [n for n in nudges if n.key.startswith("due-soon:6.1:m")]
    assert [n.send_at.astimezone(LONDON).date() for n in milestone] == [
        date(2014, 7, 17), date(2014, 12, 17), date(2015, 3, 17)]


def test_a_bank_holiday_moves_the_send(plan_database: Database) -> None:
    # The Chair's digest on the week of the summer bank holiday goes on Tuesday 26 August.
    digests = days_of(year_of_nudges(plan_database, date(2014, 8, 18), date(2014, 9, 5)),
                      "digest", "CCHAIR")
    assert digests == [date(2014, 8, 18), date(2014, 8, 26), date(2014, 9, 1)]


def test_owners_without_a_channel_are_nudged_to_nobody_not_dropped(
        plan_database: Database) -> None:
    nobody = [n for n in year_of_nudges(plan_database) if n.channel == NOBODY]
    audiences = {n.audience for n in nobody}
    assert "LSCB Senior Manager" in audiences
    assert any(n.key == "report:s11-annual" for n in nobody)


def test_one_digest_a_week_per_channel_listing_all_its_overdue(plan_database: Database) -> None:
    nudges = year_of_nudges(plan_database, date(2014, 10, 13), date(2014, 10, 17))
    digests = [n for n in nudges if n.key == "digest"]
    per_channel: dict[str, int] = defaultdict(int)
    for digest in digests:
        per_channel[digest.channel] += 1
    assert per_channel == {"CCASE": 1, "CCDOP": 1, "CCHAIR": 1, "CPMQA": 1}
    chair = next(d for d in digests if d.channel == "CCHAIR")
    assert all(f"*{ref}*" in chair.text for ref in ("1.1", "1.3", "1.4", "1.6", "1.7", "1.8"))


def test_completed_actions_are_not_reminded(plan_database: Database) -> None:
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("5.2"), "complete", "U1", "",
                           datetime(2014, 9, 1, tzinfo=UTC))
    keys = {n.key for n in year_of_nudges(plan_database)}
    assert "due-soon:5.2" not in keys and "overdue:5.2" not in keys


def test_the_quarterly_nudge_carries_the_report_to_pmqa_and_the_chair(
        plan_database: Database) -> None:
    nudges = [n for n in year_of_nudges(plan_database, date(2014, 10, 1), date(2014, 10, 1))
              if n.key == "report:business-plan-quarterly"]
    assert {n.channel for n in nudges} == {"CPMQA", "CCHAIR"}
    for nudge in nudges:
        assert "Business plan monitoring: Q2 2014/15 (Jul–Sep 2014)" in nudge.text
        assert len(nudge.blocks) <= 50 and nudge.blocks[-1]["type"] == "actions"
        assert "Exceptions" in nudge.text and "*1.1*" in nudge.text


def test_a_snoozed_action_is_quiet_for_its_snooze_then_reminded_again(
        plan_database: Database) -> None:
    # 5.2 is due 30 Sep 2014: reminded Tue 16 Sep, overdue on Wed 1 Oct. Snoozed until
    # 2 Oct, both stay quiet; the digest of Mon 6 Oct lists it, and its date has not moved.
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.snooze(repo.action("5.2"), date(2014, 10, 2), "U1",
                    datetime(2014, 9, 10, tzinfo=UTC))
    nudges = year_of_nudges(plan_database, date(2014, 9, 1), date(2014, 10, 10))
    assert days_of(nudges, "due-soon:5.2", "CCASE") == []
    assert days_of(nudges, "overdue:5.2", "CCASE") == []
    digests = {n.send_at.astimezone(LONDON).date(): n for n in nudges
               if n.key == "digest" and n.channel == "CCASE"}
    assert "*5.2*" in digests[date(2014, 10, 6)].text
    with plan_database.committed() as session:
        assert PlanRepository.for_team(session).action("5.2").due_date == date(2014, 9, 30)


def test_a_snoozed_action_leaves_the_digest_but_not_the_rest_of_it(
        plan_database: Database) -> None:
    """The weekly digest of a channel leaves out what is snoozed, and only that (a mutant
    that stopped at the first snoozed item survived every other test)."""
    monday = date(2014, 10, 6)
    before = {n.channel: n.text for n in year_of_nudges(plan_database, monday, monday)
              if n.key == "digest"}
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        first_ref = next(i for i in repo.overdue(monday) if i.milestone is None).action.ref
        repo.snooze(repo.action(first_ref), date(2014, 10, 20), "U1",
                    datetime(2014, 10, 1, tzinfo=UTC))
    after = {n.channel: n.text for n in year_of_nudges(plan_database, monday, monday)
             if n.key == "digest"}
    assert set(after) == set(before) and len(after) > 1  # every other channel keeps its digest
    changed = [c for c in before if before[c] != after[c]]
    assert changed and all(f"*{first_ref}*" not in after[c] for c in changed)
    assert all(f"*{first_ref}*" in before[c] for c in changed)


@pytest.mark.parametrize("server_zone", ["UTC", "Asia/Tokyo", "Pacific/Honolulu"])
def test_what_is_due_does_not_depend_on_the_servers_time_zone(
        plan_database: Database, monkeypatch: pytest.MonkeyPatch, server_zone: str) -> None:
    """The days are the plan's (LSCB_TIMEZONE), wherever the server's clock is set: 09:00 in
    London on 1 October is still 30 September in Honolulu."""
    monkeypatch.setenv("TZ", server_zone)
    pytime.tzset()
    try:
        with plan_database.committed() as session:
            found = nudges_between(PlanRepository.for_team(session),
                                   datetime(2014, 10, 1, 7, 30, tzinfo=UTC),  # 08:30 BST
                                   datetime(2014, 10, 1, 8, 30, tzinfo=UTC), LONDON)
            keys = sorted((n.key, n.channel) for n in found)
    finally:
        monkeypatch.delenv("TZ")
        pytime.tzset()
    assert ("report:business-plan-quarterly", "CPMQA") in keys  # Wed 1 Oct's nudges, all
    assert all(n.send_at.astimezone(LONDON).date() == date(2014, 10, 1) for n in found)


def test_each_owners_return_request_opens_that_owners_return(plan_database: Database) -> None:
    """The button on a return request carries the owner it asks (and the quarter): a mutant
    that gave it another id survived every other test."""
    requests = [n for n in year_of_nudges(plan_database, date(2014, 10, 1), date(2014, 10, 1))
                if n.key.startswith("return:")]
    assert len(requests) > 1
    for nudge in requests:
        owner_id = nudge.key.removeprefix("return:")
        values = [e["value"] for b in nudge.blocks if b["type"] == "actions"
                  for e in b["elements"] if e["action_id"] == "lscb_return"]
        assert values == [f"{owner_id}:2014:2"], nudge.key


def test_a_digest_for_a_channel_two_owners_share_names_both(plan_database: Database) -> None:
    """The audience a digest is recorded for (the ledger, `nudges preview`) names every
    owner whose overdue actions it lists, "; " between them, as every other nudge does."""
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_channel("CCHAIR", repo.resolve_owner("pmqa"), "test",
                          datetime(2014, 3, 1, tzinfo=UTC))
    nudges = year_of_nudges(plan_database, date(2014, 10, 13), date(2014, 10, 17))
    chair = next(n for n in nudges if n.key == "digest" and n.channel == "CCHAIR")
    assert chair.audience == ("Chair; Performance Management and Quality Assurance "
                              "Subgroup")


def test_nudges_are_written_for_the_workspaces_command_and_emails_link_to_the_board(
        plan_database: Database) -> None:
    """A workspace that installed the bot as /scp reads /scp in every nudge; an owner who
    also gets email finds each action's button as a link to its board page."""
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.set_email(repo.resolve_owner("pmqa"), "pmqa@example.org", True, "test",
                       datetime(2014, 3, 1, tzinfo=UTC))
    with plan_database.committed() as session:
        nudges = nudges_between(
            PlanRepository.for_team(session),
            datetime(2014, 10, 13, tzinfo=LONDON), datetime(2014, 10, 17, 23, tzinfo=LONDON),
            LONDON, command="/scp", links=lambda ref: f"https://board.example/a/{ref}")
        slack = [n for n in nudges if not n.channel.startswith("mailto:")]
        mail = [n for n in nudges if n.channel == "mailto:pmqa@example.org"]
        assert slack and mail
        assert all("/lscb" not in n.text for n in slack)
        assert any("`/scp " in n.text for n in slack)
        assert any("https://board.example/a/" in n.text for n in mail)


def test_the_carried_report_is_cut_at_the_plans_midnight_not_londons(
        plan_database: Database) -> None:
    """Done at 15:00 UTC on 30 September: still Q2 in London, already 1 October (Q3) in
    Sydney. The quarterly nudge's Q2 report counts it in London's plan only."""
    with plan_database.committed() as session:
        ctx = Context(PlanRepository.for_team(session), datetime(2014, 9, 30, 15, tzinfo=UTC),
                      Caller("UADMIN", True, None))
        update_status(ctx, "2.5", "complete", "survey finished")

    def carried(zone: ZoneInfo) -> str:
        nine = datetime(2014, 10, 1, 9, tzinfo=zone)
        with plan_database.committed() as session:
            found = nudges_between(PlanRepository.for_team(session), nine, nine, zone)
        [pmqa] = [n for n in found
                  if n.key == "report:business-plan-quarterly" and n.channel == "CPMQA"]
        return json.dumps(pmqa.blocks, ensure_ascii=False)
    assert "complete on 30 Sep 2014" in carried(LONDON)
    assert "complete on 30 Sep 2014" not in carried(ZoneInfo("Australia/Sydney"))
