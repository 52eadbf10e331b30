"""The commands-facing wrapper passes the plan's words and today through to the guard."""

from __future__ import annotations

from datetime import date

import pytest

from commands.context import CommandError
from commands.safety import refuse_personal_data


def test_plan_level_text_comes_back_unchanged() -> None:
    text = "Audit of 12 files completed; report due 31/03/2015"
    assert refuse_personal_data(text) is text


def test_child_data_is_refused_with_the_reason_and_never_the_data() -> None:
    with pytest.raises(CommandError) as refused:
        refuse_personal_data("jamie smith 12/03/2009")
    message = str(refused.value)
    assert "a full date beside what looks like a person's name" in message
    assert "Nothing was stored" in message
    assert "jamie" not in message and "2009" not in message


def test_the_plans_words_are_passed_through() -> None:
    text = "Drop-in at Kirkby Stephen Grammar, CA17 4HA"
    with pytest.raises(CommandError):
        refuse_personal_data(text)
    assert refuse_personal_data(text, known_words=frozenset({"kirkby", "stephen"})) == text


def test_today_is_passed_through() -> None:
    text = "Spoke to Helen Brown 12/03/2015"
    with pytest.raises(CommandError):
        refuse_personal_data(text)
    assert refuse_personal_data(text, today=date(2014, 10, 15)) == text
