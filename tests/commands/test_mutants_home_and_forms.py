"""On a partnership's plan (its own words, a one-off sign-off with no date left, a
sub-action filed under another priority): the App Home's values, whole (a caller linked to
nobody, an owner's reporting dates with "no further date", an admin's count of due-date
changes waiting), the quarterly return's form (open actions only, each with what the
owner's return already says, nothing left out), and an action's parts found by their
references, whichever priority they are filed under.
Written against mutants mutmut left alive in commands/home.py, commands/quarterly.py and
commands/detail.py (issue 11, run H)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from commands.detail import action_detail
from commands.home import BoardView, HomeView, home_view
from commands.quarterly import ReturnForm, ReturnLine, give_return, return_form
from commands.quarters import make_quarter
from commands.rebaseline import request_move
from commands.words import Words
from storage.database import Database
from storage.planfiles import SAMPLES
from storage.planfiles.yaml_format import SAFE_LOADER
from tests.commands.conftest import committed, context
from tests.conftest import prepare_database
from tests.planyaml import dump_raw

RETURNS = datetime(2026, 1, 6, 10, tzinfo=UTC)  # in Q3 2025/26's return window
TODAY = datetime(2026, 1, 15, 11, tzinfo=UTC)
THEIRS = Words("partnership", "priority")
BUSINESS_MANAGER, LEADS = "Partnership Business Manager", "Lead Safeguarding Partners"
QA = "Quality Assurance Subgroup"
#: As typed in Word: curly apostrophe, en dash, non-breaking space.
SAID = "Tool agreed \u2013 the guidance\u2019s sign\u2011off waits for\u00a0the ICB"


@pytest.fixture
def larkmoor(tmp_path: Path) -> Iterator[Database]:
    """The partnership sample, saying "partnership" and "priority"; its yearly report is
    signed off once (September 2025), and 1.1c, a part of 1.1, is filed under priority 2."""
    raw: dict[str, Any] = yaml.load(SAMPLES["partnership"].read_text(encoding="utf-8"),
                                    Loader=SAFE_LOADER)
    raw["plan"]["words"] = {"board": "partnership", "theme": "priority"}
    for row in raw["reporting"]:
        for cadence in row["cadences"]:
            if cadence["key"] == "yearly-report-sign-off":
                cadence["rule"] = "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=1;COUNT=1"
    first, second = raw["themes"][0]["actions"], raw["themes"][1]["actions"]
    second.append(next(a for a in first if a.get("ref") == "1.1c"))
    first[:] = [a for a in first if a.get("ref") != "1.1c"]
    path = tmp_path / "larkmoor.yaml"
    path.write_text(dump_raw(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    database = Database(f"sqlite:///{prepare_database(tmp_path / 'larkmoor.sqlite3', path)}")
    yield database
    database.dispose()


def test_a_caller_linked_to_nobody_gets_an_empty_home_in_the_plans_words(
        larkmoor: Database) -> None:
    with larkmoor.unit_of_work() as session:
        home = home_view(context(session, TODAY, user="UNEW", admin=False))
    assert home == HomeView(date(2026, 1, 15), [], None, words=THEIRS)


def test_an_owners_home_has_its_actions_and_its_next_reporting_dates_or_none(
        larkmoor: Database) -> None:
    with larkmoor.unit_of_work() as session:
        home = home_view(context(session, TODAY, user="UPBM", admin=False,
                                 acting_as=(BUSINESS_MANAGER, LEADS)))
    assert (home.owners, home.board, [i.action.ref for i in home.overdue],
            [a.ref for a in home.open], home.undated, home.words) == (
        [BUSINESS_MANAGER, LEADS], None, ["1.3"], ["5.2", "5.4"], 0, THEIRS)
    assert home.reporting == [
        ("Quarterly delivery report to the delegated safeguarding partners",
         "Delegated Safeguarding Partners", date(2026, 4, 1)),
        ("Yearly report for sign-off by the lead safeguarding partners", LEADS, None),
    ]


def test_an_admins_board_view_counts_the_due_date_changes_waiting(
        larkmoor: Database) -> None:
    committed(larkmoor, lambda ctx: request_move(ctx, "1.3", date(2026, 3, 31),
                                                 "funding agreed late \u2013 print in March"),
              now=TODAY, user="UPBM", admin=False, acting_as=(BUSINESS_MANAGER,))
    with larkmoor.unit_of_work() as session:
        admin = home_view(context(session, TODAY))
        ctx = context(session, TODAY)
        unlinked = sorted(o.name for o in ctx.repo.owners())
    assert admin == HomeView(date(2026, 1, 15), [], BoardView(
        4, [("Delegated Safeguarding Partners", 1), ("Larkmoor Council", 1),
            ("Larkmoor Police", 1), (BUSINESS_MANAGER, 1), (QA, 1)],
        unlinked, 1, 2), words=THEIRS)
    assert len(unlinked) == 18


def test_an_admin_with_nothing_waiting_is_told_none_not_left_unsaid(
        larkmoor: Database) -> None:
    with larkmoor.unit_of_work() as session:
        board = home_view(context(session, TODAY)).board
    assert board is not None and board.pending_changes == 0


def test_the_return_form_has_open_actions_with_what_the_return_already_says(
        larkmoor: Database) -> None:
    with larkmoor.unit_of_work() as session:
        ctx = context(session, RETURNS)
        quarter = make_quarter(2025, 3, ctx.repo.plan.starts)
        qa = next(o for o in ctx.repo.owners() if o.name == QA)
        owner_id = qa.id
        give_return(ctx, qa.id, quarter, {"1.1a": ("at-risk", SAID),
                                          "1.1c": ("complete", "audit reported to the DSPs")})
        session.commit()
    with larkmoor.unit_of_work() as session:
        form = return_form(context(session, TODAY, user="UQA", admin=False, acting_as=(QA,)),
                           owner_id, quarter)
    assert form == ReturnForm(QA, owner_id, quarter, date(2026, 1, 21), [
        ReturnLine("1.1a", "Agree one neglect assessment tool for every agency and publish its "
                           "guidance", "at-risk", SAID),
        ReturnLine("3.1b", "Test two review recommendations a year through multi-agency "
                           "audit", "not-started", ""),
        ReturnLine("5.4", "Refresh the multi-agency dataset so the delivery report shows "
                          "outcomes as well as activity", "at-risk", ""),
    ], 0)


def test_an_actions_parts_are_found_by_reference_whatever_priority_they_sit_in(
        larkmoor: Database) -> None:
    with larkmoor.unit_of_work() as session:
        ctx = context(session, TODAY, user="UNEW", admin=False)
        parent, moved = action_detail(ctx, "1.1"), action_detail(ctx, "1.1c")
    assert (parent.parts, parent.part_of) == (("1.1a", "1.1b", "1.1c"), "")
    assert (moved.part_of, moved.parts) == ("1.1", ())
