"""The risk log's services called directly: each refusal's whole line, the scores' edges,
what is stored and what the entry says. Written against mutants mutmut left alive in
commands/risks.py (issue 11)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select

from commands import Context
from commands.context import CommandError, NotPermitted
from commands.page import Command
from commands.risks import ADD_USAGE, RiskEntry, add_risk, close_risk, open_risks, read_score
from storage.database import Database
from storage.models import Risk
from tests.commands.conftest import NOW, committed

Run = Callable[..., Any]


@pytest.fixture
def run(sample_database: Database) -> Run:
    """Run a service as a caller, committed when it answers (`committed`)."""
    return partial(committed, sample_database)


def _refused(run: Run, work: Callable[[Context], Any], **caller: Any) -> CommandError:
    with pytest.raises(CommandError) as refused:
        run(work, **caller)
    return refused.value


@pytest.mark.parametrize(("typed", "score"), [("1", 1), (" 5 ", 5), ("3", 3)])
def test_a_score_is_a_whole_number_from_one_to_five(typed: str, score: int) -> None:
    assert read_score(typed, "impact") == score


@pytest.mark.parametrize("typed", ["0", "6", "05", "10", "high", "", "²"])
def test_anything_else_is_refused_naming_the_score_and_what_was_typed(typed: str) -> None:
    with pytest.raises(CommandError) as refused:
        read_score(typed, "likelihood")
    assert refused.value.line == (
        f"The likelihood is a number from 1 (low) to 5 (high), not “{typed}”.",)


def test_what_was_typed_is_quoted_to_ten_characters() -> None:
    with pytest.raises(CommandError) as refused:
        read_score("a very long answer", "impact")
    assert refused.value.line == (
        "The impact is a number from 1 (low) to 5 (high), not “a very lon”.",)


def test_a_risk_is_logged_with_its_owner_actions_and_scores(run: Run) -> None:
    entry = run(lambda ctx: add_risk(ctx, "Late S11 returns", "4", "3", "pmqa", ["2.3", "2.4"]))
    assert entry == RiskEntry(1, "Late S11 returns", 4, 3,
                              "Performance Management and Quality Assurance Subgroup",
                              ["2.3", "2.4"], date(2014, 10, 15))
    unowned = run(lambda ctx: add_risk(ctx, "No lead officer", "3", "5"))
    assert (unowned.number, unowned.owner, unowned.actions, unowned.score) == (2, "", [], 15)
    assert run(open_risks) == [unowned, entry]


@pytest.mark.parametrize(("text", "likelihood", "impact"), [
    (" ", "4", "3"), ("Late returns", "", "3"), ("Late returns", "4", "")])
def test_a_risk_without_its_words_or_a_score_is_answered_with_the_usage(
        run: Run, text: str, likelihood: str, impact: str) -> None:
    refused = _refused(run, lambda ctx: add_risk(ctx, text, likelihood, impact))
    assert refused.line == ("Describe the risk with its likelihood and impact (1 to 5): ",
                            ADD_USAGE)


def test_each_score_is_named_when_it_is_wrong(run: Run) -> None:
    assert str(_refused(run, lambda ctx: add_risk(ctx, "Late", "9", "3"))).startswith(
        "The likelihood is")
    assert str(_refused(run, lambda ctx: add_risk(ctx, "Late", "3", "9"))).startswith(
        "The impact is")


def test_a_risk_too_long_to_keep_is_refused_as_a_risk(run: Run) -> None:
    refused = _refused(run, lambda ctx: add_risk(ctx, "x" * 5000, "3", "3"))
    assert str(refused).startswith("Keep the risk under ")


def test_a_member_may_not_log_a_risk_as_another_owners(run: Run) -> None:
    refused = _refused(run, lambda ctx: add_risk(ctx, "Late", "3", "3", "pmqa"), user="U9",
                       admin=False)
    assert isinstance(refused, NotPermitted)


def test_closing_needs_the_number_of_an_open_risk(run: Run) -> None:
    assert _refused(run, lambda ctx: close_risk(ctx, None, "")).line == (
        "Say which risk to close: ", Command("risk close N note"), "; ", Command("risk list"),
        " shows their numbers.")
    assert _refused(run, lambda ctx: close_risk(ctx, 7, "")).line == (
        "There is no open risk 7; ", Command("risk list"), " shows them.")
    run(lambda ctx: add_risk(ctx, "Late", "3", "3"))
    closed = run(lambda ctx: close_risk(ctx, 1, " mitigated "))
    assert (closed.number, closed.text) == (1, "Late")
    assert run(open_risks) == []
    assert _refused(run, lambda ctx: close_risk(ctx, 1, "")).line == (
        "There is no open risk 1; ", Command("risk list"), " shows them.")


def test_only_the_risks_owner_or_an_admin_closes_it(run: Run) -> None:
    run(lambda ctx: add_risk(ctx, "Unowned", "3", "3"))
    run(lambda ctx: add_risk(ctx, "Owned", "3", "3", "pmqa"))
    for number in (1, 2):
        refused = _refused(run, partial(close_risk, number=number, note=""), user="U9",
                           admin=False)
        assert isinstance(refused, NotPermitted)
        assert refused.line == ("Only the risk's owner, or an admin, can close it.",)
    closed = run(lambda ctx: close_risk(ctx, 2, ""), user="U9", admin=False,
                 acting_as=("pmqa",))
    assert closed.number == 2


def test_a_closing_note_is_kept_trimmed_and_one_too_long_is_refused_as_a_note(
        run: Run, sample_database: Database) -> None:
    run(lambda ctx: add_risk(ctx, "Late", "3", "3"))
    refused = _refused(run, lambda ctx: close_risk(ctx, 1, "x" * 5000))
    assert str(refused).startswith("Keep the note under ")
    run(lambda ctx: close_risk(ctx, 1, "  mitigated by the audit  "))
    with sample_database.unit_of_work() as session:
        risk = session.scalars(select(Risk)).one()
        assert (risk.status, risk.close_note, risk.closed_by, risk.closed_at) == (
            "closed", "mitigated by the audit", "UADMIN", NOW)
