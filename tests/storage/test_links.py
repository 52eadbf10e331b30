"""Board links: long, random to anyone without the key, kept only as a digest, withdrawable."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from storage.database import Database
from storage.links import LinkKeys, digest_of, issue, scope_of
from storage.models import BoardLink
from storage.repository import PlanRepository

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
KEYS = LinkKeys("a key", "https://lscb.example.org/")


def test_a_link_opens_its_owners_part_and_the_database_holds_no_token(
        sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        chair = repo.resolve_owner("Chair")
        token = issue(session, KEYS, repo.plan, chair, "test", NOW)
        plan_token = issue(session, KEYS, repo.plan, None, "test", NOW)
    assert len(token) == 43 and token != plan_token
    with sample_database.unit_of_work() as session:
        stored = session.scalars(select(BoardLink)).all()
        assert token not in {cell for link in stored for cell in (link.nonce, link.digest)}
        assert {link.digest for link in stored} == {digest_of(token), digest_of(plan_token)}
        found = scope_of(session, KEYS, token)
        assert found is not None and found.owner_id == chair.id
        assert scope_of(session, KEYS, plan_token).owner_id is None  # type: ignore[union-attr]
        # asked again, the same link: a URL printed yesterday still works today
        assert issue(session, KEYS, repo.plan, chair, "test", NOW) == token


def test_a_rotated_wrong_or_foreign_token_opens_nothing(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        old = issue(session, KEYS, repo.plan, None, "test", NOW)
        new = issue(session, KEYS, repo.plan, None, "test", NOW, rotate=True)
    with sample_database.unit_of_work() as session:
        assert new != old and scope_of(session, KEYS, new) is not None
        assert scope_of(session, KEYS, old) is None
        assert scope_of(session, KEYS, new[:-1] + ("A" if new[-1] != "A" else "B")) is None
        assert scope_of(session, KEYS, new + "x") is None
        assert scope_of(session, KEYS, "../../etc/passwd") is None
        # the same nonce with another key (LSCB_LINK_SECRET changed) makes another token
        assert scope_of(session, LinkKeys("another key"), new) is None


def test_urls_are_built_on_the_public_address() -> None:
    assert KEYS.board_url("t") == "https://lscb.example.org/board/t"
    assert KEYS.board_url("t", "2.3") == "https://lscb.example.org/board/t/action/2.3"
    assert KEYS.calendar_url("t") == "https://lscb.example.org/calendar/t.ics"
