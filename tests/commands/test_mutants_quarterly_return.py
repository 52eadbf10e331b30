"""Giving a quarterly return, called as the modal's submission calls it: a status not
offered is an error on that action's field, an action of another owner is refused, an
owner the plan no longer has is said plainly, and the refs given come back in order.
Written against mutants mutmut left alive in commands/quarterly.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commands import Context
from commands.context import CommandError, FieldError
from commands.quarterly import give_return
from commands.quarters import make_quarter
from storage.database import Database
from tests.commands.conftest import context

NOW = datetime(2014, 10, 6, 11, 0, tzinfo=UTC)


def _owner_and_refs(ctx: Context, name: str) -> tuple[int, list[str]]:
    owner = next(o for o in ctx.repo.owners() if o.name == name)
    return owner.id, [a.ref for a in ctx.repo.actions([owner]) if a.status != "complete"]


def test_a_return_records_each_action_and_gives_back_its_refs(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        quarter = make_quarter(2014, 2, ctx.repo.plan.starts)
        owner_id, refs = _owner_and_refs(ctx, "Child Death Overview Panel")
        given = give_return(ctx, owner_id, quarter, {
            ref: ("on-track", f"{ref} is going well") for ref in reversed(refs)})
        assert given == list(reversed(refs)) and len(given) >= 2


def test_a_status_not_offered_is_an_error_on_that_actions_field(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        owner_id, refs = _owner_and_refs(ctx, "Child Death Overview Panel")
        with pytest.raises(FieldError) as refused:
            give_return(ctx, owner_id, make_quarter(2014, 2, ctx.repo.plan.starts),
                        {refs[0]: ("purple", "")})
    assert (refused.value.field, refused.value.line) == (
        f"status:{refs[0]}", ("Choose one of the statuses offered.",))


def test_another_owners_action_is_refused(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        owner_id, _ = _owner_and_refs(ctx, "Child Death Overview Panel")
        with pytest.raises(CommandError) as refused:
            give_return(ctx, owner_id, make_quarter(2014, 2, ctx.repo.plan.starts),
                        {"2.5": ("on-track", "fine")})
    assert refused.value.line == ("2.5 is not one of Child Death Overview Panel's actions.",)


def test_a_return_for_an_owner_the_plan_no_longer_has_is_said_plainly(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        with pytest.raises(CommandError) as refused:
            give_return(ctx, 9999, make_quarter(2014, 2, ctx.repo.plan.starts), {})
    assert refused.value.line == ("That return is for an owner this plan no longer has.",)
