"""Finding the action or owner a member names, as the services refuse it: close matches
offered in the repository's own words, or what the plan has. Written against mutants
mutmut left alive in commands/lookup.py (issue 11)."""

from __future__ import annotations

import pytest

from commands.context import CommandError
from commands.lookup import find_action, resolve_owner
from commands.page import Command
from storage.database import Database
from storage.errors import OwnerNotFound, UnknownAction
from tests.commands.conftest import NOW, context


def test_a_near_miss_is_answered_with_the_repositorys_suggestions(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        with pytest.raises(UnknownAction) as unknown:
            ctx.repo.action("2.33")
        with pytest.raises(CommandError) as refused:
            find_action(ctx, " 2.33 ")
        with pytest.raises(OwnerNotFound) as nobody:
            ctx.repo.resolve_owner("Subgroup")
        with pytest.raises(CommandError) as no_owner:
            resolve_owner(ctx, "Subgroup")
    assert unknown.value.suggestions
    assert refused.value.line == (str(unknown.value),)
    assert nobody.value.candidates
    assert no_owner.value.line == (str(nobody.value),)


def test_a_name_like_no_owner_is_quoted_to_eighty_characters(
        sample_database: Database) -> None:
    name = "z" * 81
    with sample_database.unit_of_work() as session:
        ctx = context(session, NOW)
        with pytest.raises(CommandError) as refused:
            resolve_owner(ctx, name)
    assert refused.value.line == (f"No owner is called “{'z' * 80}”. ", Command("owners"),
                                  " lists them all.")
