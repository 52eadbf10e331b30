"""The quarterly report's CSV rows, whole: a risk row's cells (its status, its score and
the actions it touches, or a dash for none), an action with no date the bot can read and
two owners, and an action whose status is none of the five (left in the database by hand
or by an older version) shown as written rather than as a blank cell; and Markdown's own
punctuation escaped with one backslash, so a note renders as typed.
Written against mutants mutmut left alive in commands/report_files.py (issue 11, run H)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import update

from commands.quarters import make_quarter
from commands.report import QuarterReport, build_report
from commands.report_files import CSV_HEADER, csv_bytes, md, report_rows
from commands.risks import add_risk
from storage.database import Database
from storage.models import Action
from storage.planfiles import SAMPLES
from storage.planfiles.yaml_format import SAFE_LOADER
from tests.commands.conftest import committed, context
from tests.conftest import prepare_database
from tests.planyaml import dump_raw

RAISED = datetime(2025, 11, 10, 10, tzinfo=UTC)
AFTER = datetime(2026, 1, 15, 11, tzinfo=UTC)
#: Pasted from Word: curly quotes, an en dash and a non-breaking space.
RISK_TEXT = "Case system \u201cgo-live\u201d slips \u2013 return\u00a0interviews go unrecorded"
UNDATED = "once the safeguarding adults board agrees"


@pytest.fixture
def larkmoor(tmp_path: Path) -> Iterator[Database]:
    """The partnership sample with 2.3 (two owners) given a date the bot cannot read."""
    raw: dict[str, Any] = yaml.load(SAMPLES["partnership"].read_text(encoding="utf-8"),
                                    Loader=SAFE_LOADER)
    for theme in raw["themes"]:
        for action in theme["actions"]:
            if action.get("ref") == "2.3":
                action["when"] = UNDATED
    path = tmp_path / "larkmoor.yaml"
    path.write_text(dump_raw(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    database = Database(f"sqlite:///{prepare_database(tmp_path / 'larkmoor.sqlite3', path)}")
    yield database
    database.dispose()


def _status_written_by_hand(database: Database, ref: str, status: str) -> None:
    with database.committed() as session:
        session.execute(update(Action).where(Action.ref == ref).values(status=status))


def _report(database: Database) -> QuarterReport:
    with database.unit_of_work() as session:
        ctx = context(session, AFTER)
        return build_report(ctx, make_quarter(2025, 3, ctx.repo.plan.starts))


def _rows(rows: list[list[Any]], section: str) -> dict[str, list[Any]]:
    return {r[1]: r for r in rows if r[0] == section}


def test_a_risk_row_has_its_score_its_actions_or_a_dash_and_blank_cells(
        larkmoor: Database) -> None:
    committed(larkmoor, lambda ctx: add_risk(ctx, RISK_TEXT, "3", "4",
                                             "Exploitation Subgroup", ["2.1a", "2.3"]),
              now=RAISED)
    committed(larkmoor, lambda ctx: add_risk(ctx, "Funding for the scrutineer ends", "2",
                                             "5"), now=RAISED)
    risks = _rows(report_rows(_report(larkmoor)), "Risk")
    assert risks == {
        "R1": ["Risk", "R1", RISK_TEXT, "Exploitation Subgroup", "open",
               "L3×I4=12; actions 2.1a, 2.3", "", None, None, "", None],
        "R2": ["Risk", "R2", "Funding for the scrutineer ends", "", "open",
               "L2×I5=10; actions -", "", None, None, "", None],
    }


def test_an_undated_action_row_names_both_its_owners(larkmoor: Database) -> None:
    undated = _rows(report_rows(_report(larkmoor)), "No date")
    assert undated["2.3"] == [
        "No date", "2.3", "Review transition arrangements for young people at risk of "
        "exploitation as they turn eighteen, with the safeguarding adults board",
        "Probation Service / Larkmoor Council", "not started", "no date the bot can read",
        UNDATED, None, None, "", None]


def test_a_status_none_of_the_five_is_shown_as_written_not_as_a_blank(
        larkmoor: Database) -> None:
    _status_written_by_hand(larkmoor, "1.1", "paused")
    _status_written_by_hand(larkmoor, "2.3", "on-hold")
    rows = report_rows(_report(larkmoor))
    late = _rows(rows, "Exception")["1.1"]
    assert (late[4], late[5], late[7], late[8]) == (
        "paused", "3 months overdue", date(2025, 9, 30), 92)
    silent = _rows(rows, "No update")
    assert (silent["1.1"][4], silent["2.3"][4]) == ("paused", "on-hold")
    assert _rows(rows, "No date")["2.3"][3:5] == ["Probation Service / Larkmoor Council",
                                                  "on-hold"]
    content = csv.DictReader(io.StringIO(csv_bytes(CSV_HEADER, rows).decode("utf-8-sig")))
    assert [(r["section"], r["status"]) for r in content if r["ref"] in ("1.1", "2.3")] == [
        ("Exception", "paused"), ("No update", "paused"), ("No update", "on-hold"),
        ("No date", "on-hold")]


@pytest.mark.parametrize(("typed", "shown"), [
    ("use_the *new* form [v2] <draft> | see #4 `now`",
     r"use\_the \*new\* form \[v2\] \<draft\> \| see \#4 \`now\`"),
    ("C:\\plans\\2025", r"C:\\plans\\2025"),
    ("Neglect\u00a0strategy \u2013 \u201cfinal\u201d\n  draft", "Neglect strategy \u2013 "
     "\u201cfinal\u201d draft"),
])
def test_markdown_punctuation_is_escaped_with_one_backslash(typed: str, shown: str) -> None:
    assert md(typed) == shown
