"""`due`'s window without a plan (plan years run April to March) and how much of an
unreadable window its refusal repeats."""

from __future__ import annotations

from datetime import date

import pytest

from commands.context import CommandError
from commands.page import Command
from commands.slash.lists import window

TODAY = date(2014, 10, 15)


def test_without_a_plan_quarters_are_counted_from_april() -> None:
    assert window("Q1", TODAY) == (date(2014, 4, 1), date(2014, 6, 30))
    assert window("next quarter", TODAY) == (date(2015, 1, 1), date(2015, 3, 31))


def test_an_unreadable_window_is_repeated_cut_to_sixty_characters() -> None:
    with pytest.raises(CommandError) as refused:
        window("x" * 70, TODAY)
    assert refused.value.line == (
        f"I can't read “{'x' * 60}” as a window. Try ", Command("due 14 days"), ", ",
        Command("due 6 weeks"), " or ", Command("due May 2014"), ".")
