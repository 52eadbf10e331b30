"""The plan as at a moment, rebuilt from history, with changes on both sides of it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from storage.as_at import PlanAsAt
from storage.database import Database
from storage.importer import import_plan
from storage.planfiles.checking import build_plan
from storage.repository import PlanRepository
from tests.planyaml import sample_raw

LONDON = ZoneInfo("Europe/London")
Q2_END = datetime(2014, 9, 30, 23, 59, 59, tzinfo=LONDON)
Q1_END = datetime(2014, 6, 30, 23, 59, 59, tzinfo=LONDON)


def at(month: int, day: int, hour: int = 11) -> datetime:
    return datetime(2014, month, day, hour, tzinfo=UTC)


def history(database: Database) -> None:
    """Changes before and after 30 September 2014, the end of Q2 2014/15."""
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        a23, a25, a61 = repo.action("2.3"), repo.action("2.5"), repo.action("6.1")
        repo.record_status(a23, "at-risk", "U2", "returns late", at(8, 10))
        repo.record_status(a23, "on-track", "U2", "returns in", at(10, 5))
        repo.move_due_date(a25, date(2015, 6, 30), "U2", at(9, 20), "supplier")
        repo.move_due_date(a25, date(2015, 9, 30), "U2", at(10, 3), "supplier again")
        repo.record_status(a61, "complete", "U3", "report presented", at(10, 10))
        for milestone in a61.milestones:
            milestone.done = milestone.due_date <= date(2014, 10, 10)
        risk = repo.risks.add("Capacity in PMQA", 3, 4, None, [a23], "U1", at(9, 1))
        repo.risks.close(risk, "recruited", "U1", at(10, 2))
        challenge = repo.add_challenge(a23, "When will the returns be in?", "U1", at(9, 10))
        repo.answer_challenge(challenge, a23, "By November", "U2", at(10, 8))
        # Late at night on 30 September, London time, is 1 October in no zone but UTC's +1.
        repo.record_status(repo.action("3.1"), "off-track", "U4", "late night", at(9, 30, 22))


def reimport(database: Database, when: datetime) -> None:
    """A later plan file: 9.3 gone, 9.4 new."""
    raw = sample_raw()
    theme = next(t for t in raw["themes"] if t["number"] == 9)
    dropped = theme["actions"].pop()
    theme["actions"].append({**dropped, "ref": "9.4", "text": "A new action"})
    with database.committed() as session:
        import_plan(session, build_plan(raw, "<later>"), "test", when)


def snapshot(database: Database, moment: datetime) -> dict[str, object]:
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        source = PlanAsAt(session, repo.plan, moment, LONDON)
        actions = {a.row.ref: a for a in source.actions()}
        return {"actions": actions, "risks": source.risks(),
                "challenges": source.challenges(datetime(2014, 7, 1, tzinfo=LONDON)),
                "updates": source.updates(datetime(2014, 7, 1, tzinfo=LONDON))}


def test_statuses_and_due_dates_as_they_were(sample_database: Database) -> None:
    history(sample_database)
    q2 = snapshot(sample_database, Q2_END)["actions"]
    q1 = snapshot(sample_database, Q1_END)["actions"]
    now = snapshot(sample_database, at(12, 31))["actions"]
    assert (q1["2.3"].row.status, q2["2.3"].row.status, now["2.3"].row.status) == (
        "not-started", "at-risk", "on-track")
    assert (q1["2.5"].row.due_date, q2["2.5"].row.due_date, now["2.5"].row.due_date) == (
        date(2015, 2, 28), date(2015, 6, 30), date(2015, 9, 30))
    assert q2["3.1"].row.status == "off-track"  # 23:00 on 30 Sep in London is still Q2
    assert q2["6.1"].row.status == "not-started"
    assert q2["2.3"].owners[0].name == "Policies and Procedures Subgroup"


def test_milestones_are_done_only_once_they_were(sample_database: Database) -> None:
    history(sample_database)
    before = snapshot(sample_database, Q2_END)["actions"]["6.1"]
    after = snapshot(sample_database, at(10, 11))["actions"]["6.1"]
    assert [m.done for m in before.milestones] == [False, False, False]
    assert [m.done for m in after.milestones] == [True, False, False]
    assert before.milestones[0].due_date == date(2014, 7, 31)


def test_risks_and_challenges_as_they_stood(sample_database: Database) -> None:
    history(sample_database)
    q2 = snapshot(sample_database, Q2_END)
    later = snapshot(sample_database, at(10, 20))
    assert [r.text for r in q2["risks"]] == ["Capacity in PMQA"]
    assert q2["risks"][0].closed_on is None and q2["risks"][0].actions == ("2.3",)
    assert later["risks"] == []
    assert [(c.text, c.answer) for c in q2["challenges"]] == [
        ("When will the returns be in?", "")]
    assert later["challenges"][0].answer == "By November"
    assert later["challenges"][0].answered_on == date(2014, 10, 8)
    closed = snapshot(sample_database, at(10, 20))
    with sample_database.committed() as session:
        plan = PlanRepository.for_team(session).plan
        year = PlanAsAt(session, plan, at(12, 31), LONDON).risks(at(7, 1))
    assert [(r.raised_on, r.closed_on) for r in year] == [(date(2014, 9, 1), date(2014, 10, 2))]
    assert closed["risks"] == []


def test_updates_stop_at_the_moment(sample_database: Database) -> None:
    history(sample_database)
    notes = [u.note for u in snapshot(sample_database, Q2_END)["updates"]]
    assert notes == ["returns late", "late night"]


def test_actions_added_and_archived_later_are_as_they_were(sample_database: Database) -> None:
    reimport(sample_database, at(11, 1))
    q2 = snapshot(sample_database, Q2_END)["actions"]
    now = snapshot(sample_database, at(11, 2))["actions"]
    assert "9.3" in q2 and "9.4" not in q2
    assert "9.4" in now and "9.3" not in now
    assert len(q2) == len(now) == 44


def test_the_first_import_is_the_plan_from_its_start(database: Database) -> None:
    with database.committed() as session:
        raw = sample_raw()
        import_plan(session, build_plan(raw, "<sample>"), "test", at(10, 15))
    assert len(snapshot(database, Q1_END)["actions"]) == 44
