"""`/lscb email OWNER ADDRESS` and `lscb email`: giving owners an address (admins only)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commands.context import CommandError
from commands.owner_email import valid_address
from storage.database import Database
from storage.models import AuditEntry, Owner
from tests.commands.conftest import Ask

PMQA = "Performance Management and Quality Assurance Subgroup"


def owner(database: Database, name: str) -> Owner:
    with database.unit_of_work() as session:
        found = session.scalars(select(Owner).where(Owner.name == name)).one()
        session.expunge(found)
        return found


def test_an_admin_gives_an_owner_an_address_and_removes_it(
        ask: Ask, sample_database: Database) -> None:
    reply = ask("email case review Case.Review@Example.ORG")
    assert not reply.is_error
    assert "by email at `Case.Review@example.org`" in reply.text
    assert owner(sample_database, "Case Review Subgroup").email == "Case.Review@example.org"
    assert "Nothing changed" in ask("email case review Case.Review@example.org").text
    reply = ask("email case review none")
    assert "gets no email" in reply.text
    assert owner(sample_database, "Case Review Subgroup").email == ""
    with sample_database.unit_of_work() as session:
        verbs = list(session.scalars(select(AuditEntry.verb).where(
            AuditEntry.verb.like("email.%")).order_by(AuditEntry.id)))
    assert verbs == ["email.set", "email.remove"]


def test_an_address_slack_resolved_as_a_mailto_link_is_taken(
        ask: Ask, sample_database: Database) -> None:
    reply = ask("email pmqa <mailto:pmqa@example.org|pmqa@example.org> --also")
    assert not reply.is_error, reply.text
    found = owner(sample_database, PMQA)
    assert (found.email, found.email_also) == ("pmqa@example.org", True)


def test_only_admins_may_give_addresses(ask: Ask, sample_database: Database) -> None:
    reply = ask("email pmqa pmqa@example.org", user="U1", admin=False)
    assert reply.is_error
    assert owner(sample_database, PMQA).email == ""


@pytest.mark.parametrize("bad", ["pmqa@", "@example.org", "pm qa@example.org",
                                 "pmqa@example", "a..b@example.org", "pmqa@exa_mple.org",
                                 "x" * 65 + "@example.org", "pmqa@example.org\r\nBcc: x@y.org",
                                 "<script>@example.org"])
def test_what_is_not_an_address_is_refused(bad: str) -> None:
    with pytest.raises(CommandError):
        valid_address(bad)


def test_a_bad_address_is_refused_and_nothing_is_stored(
        ask: Ask, sample_database: Database) -> None:
    reply = ask("email pmqa pmqa@exa&lt;b&gt;mple.org")
    assert reply.is_error and "is not an email address" in reply.text
    assert "<b>" not in reply.text  # escaped once, as every reply is
    assert owner(sample_database, PMQA).email == ""
    assert ask("email pmqa").is_error  # no address: the usage, not a removal
