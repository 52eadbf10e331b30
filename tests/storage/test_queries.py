from datetime import UTC, date, datetime

from storage.database import Database
from storage.repository import PlanRepository

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)


def refs(items: list) -> list[str]:
    return [i.action.ref + (f"/{i.milestone.label[:4]}" if i.milestone else "") for i in items]


def test_overdue_at_a_chosen_date(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        overdue = refs(repo.overdue(date(2014, 6, 1)))
    assert overdue[0] == "1.1"
    assert set(overdue) == {"1.1", "1.4", "1.5", "1.6", "1.8", "1.10", "1.11", "2.1", "5.1",
                            "7.1"}


def test_an_action_is_not_overdue_on_its_due_date(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        assert "1.1" not in refs(repo.overdue(date(2014, 4, 30)))
        assert "1.1" in refs(repo.overdue(date(2014, 5, 1)))


def test_event_driven_actions_are_never_overdue_by_date(sample_database: Database) -> None:
    with sample_database.committed() as session:
        overdue = refs(PlanRepository.for_team(session).overdue(date(2030, 1, 1)))
    assert not {"5.4", "5.5", "6.2"} & {r.split("/")[0] for r in overdue}


def test_missed_milestones_count_as_overdue(sample_database: Database) -> None:
    with sample_database.committed() as session:
        overdue = refs(PlanRepository.for_team(session).overdue(date(2015, 1, 10)))
    assert "6.1/2011" in overdue
    assert "6.1/2012" in overdue
    assert "6.1/2013" not in overdue


def test_completed_actions_are_not_overdue(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("1.1"), "complete", "U1", "done", NOW)
    with sample_database.committed() as session:
        assert "1.1" not in refs(PlanRepository.for_team(session).overdue(date(2014, 6, 1)))


def test_due_in_a_window_and_by_owner(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        september = refs(repo.falling_due(date(2014, 9, 1), date(2014, 9, 30)))
        learning = repo.resolve_owner("l&i")
        theirs = refs(repo.falling_due(date(2014, 9, 1), date(2014, 9, 30), [learning]))
    assert set(september) == {"1.15", "4.2", "4.3", "5.2", "7.5", "8.2", "9.1", "9.2"}
    assert set(theirs) == {"4.2", "4.3", "8.2"}


def test_actions_by_owner_include_joint_ownership(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        business = [a.ref for a in repo.actions([repo.resolve_owner("business group")])]
    assert business == ["1.15", "5.4"]


def test_links_are_kept_per_user_and_owner(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        chair = repo.resolve_owner("chair")
        assert repo.link_user("U1", chair, "admin", NOW) is True
        assert repo.link_user("U1", chair, "admin", NOW) is False
        repo.link_channel("C9", chair, "admin", NOW)
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        assert [o.name for o in repo.owners_of_user("U1")] == ["Chair"]
        assert repo.channel_of(repo.resolve_owner("chair")) == "C9"
        assert "Chair" not in [o.name for o in repo.unlinked_owners()]
        assert repo.unlink_user("U1", repo.resolve_owner("chair"), "admin", NOW) is True
        assert repo.owners_of_user("U1") == []
