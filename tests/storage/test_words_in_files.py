"""A plan says what it calls its board and its themes; the words survive every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.database import Database
from storage.errors import PlanFileError
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from storage.planfiles.document import PlanWords
from storage.repository import active_plan
from tests.planyaml import dump_raw, sample_raw
from tests.storage.test_planfiles import export, import_file, snapshot

PARTNERSHIP = {"board": "partnership", "theme": "priority"}


def worded(tmp_path: Path, words: object) -> Path:
    raw = sample_raw()
    raw["plan"]["words"] = words
    path = tmp_path / "worded.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_a_plan_that_says_nothing_keeps_the_bots_words() -> None:
    assert read_plan_file(SAMPLE_PLAN).words == PlanWords()


@pytest.mark.parametrize("suffix", ["yaml", "xlsx", "csv"])
def test_the_words_are_stored_and_round_trip(database: Database, tmp_path: Path,
                                             suffix: str) -> None:
    import_file(database, worded(tmp_path, PARTNERSHIP))
    with database.committed() as session:
        plan = active_plan(session)
        assert (plan.board_word, plan.theme_word) == ("partnership", "priority")
    export(database, tmp_path / f"plan.{suffix}")
    before = snapshot(database)
    import_file(database, tmp_path / f"plan.{suffix}")
    after = snapshot(database)
    assert after == before and after.words == PlanWords("partnership", "priority")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("words", "said"), [
    ("partnership", "“words” should say what the plan calls its board"),
    ({"board": "Board 2"}, "“Board 2” is not a word for the board"),
    ({"theme": "x" * 41}, "is not a word for the theme"),
    ({"board": "partnership", "action": "step"}, "only board and theme can be named, not action"),
])
def test_words_that_are_not_words_are_refused(tmp_path: Path, words: object, said: str) -> None:
    with pytest.raises(PlanFileError) as refused:
        read_plan_file(worded(tmp_path, words))
    assert said in str(refused.value)


def test_a_safeguarding_adults_board_is_a_word_too(tmp_path: Path) -> None:
    doc = read_plan_file(worded(tmp_path, {"board": "Safeguarding Adults Board"}))
    assert doc.words == PlanWords("Safeguarding Adults Board", "")
