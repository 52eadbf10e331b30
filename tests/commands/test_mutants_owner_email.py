"""Giving an owner an email address, as the service takes it: RFC 5321's lengths at their
edges, the refusal whole, who may, and what is recorded. Written against mutants mutmut
left alive in commands/owner_email.py (issue 11)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commands.context import CommandError, NotPermitted
from commands.owner_email import MAX_ADDRESS, MAX_LOCAL, EmailSet, set_email, valid_address
from storage.database import Database
from storage.models import AuditEntry
from tests.commands.conftest import NOW, context


def _long_domain(size: int) -> str:
    """A domain of `size` characters made of labels of at most 63."""
    labels, left = [], size - len(".org")
    while left > 0:
        label = min(left, 62)
        labels.append("d" * label)
        left -= label + 1
    return ".".join(labels)[: size - 4] + ".org"


def test_the_longest_address_and_local_part_rfc_5321_allows_are_taken() -> None:
    local = "l" * MAX_LOCAL
    longest = f"{local}@{_long_domain(MAX_ADDRESS - MAX_LOCAL - 1)}"
    assert len(longest) == MAX_ADDRESS
    assert valid_address(longest) == longest
    with pytest.raises(CommandError):
        valid_address(f"{local}l@example.org")
    with pytest.raises(CommandError):
        valid_address(f"{local}@{_long_domain(MAX_ADDRESS - MAX_LOCAL)}")


def test_what_is_no_address_is_quoted_to_eighty_characters() -> None:
    typed = "not an address " * 6
    with pytest.raises(CommandError) as refused:
        valid_address(typed)
    assert refused.value.line == (
        f"“{typed.strip()[:80]}” is not an email address the bot can send to: write it as "
        "name@example.org.",)


def test_an_admin_gives_an_owner_an_address_recorded_when_asked(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        member = context(session, NOW, user="U9", admin=False)
        with pytest.raises(NotPermitted) as refused:
            set_email(member, "pmqa", "pmqa@example.org")
        ctx = context(session, NOW)
        with pytest.raises(CommandError) as too_long:
            set_email(ctx, "pmqa", "x" * (MAX_ADDRESS + 1))
        given = set_email(ctx, "pmqa", " PMQA@Example.ORG ", also=True)
        instead = set_email(ctx, "cse", "cse@example.org")
        session.commit()
    assert refused.value.line == ("Only an admin can give an owner an email address. Ask the "
                                  "board's business manager.",)
    assert str(too_long.value).startswith("Keep the address under 254 characters")
    assert given == EmailSet("Performance Management and Quality Assurance Subgroup",
                             "PMQA@example.org", True, True, False)
    assert (instead.address, instead.also) == ("cse@example.org", False)
    with sample_database.unit_of_work() as session:
        stamps = list(session.scalars(select(AuditEntry.at).where(
            AuditEntry.verb == "email.set")))
    assert stamps == [NOW, NOW]
