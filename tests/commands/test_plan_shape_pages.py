"""How a plan's own shape shows: a theme by its label, a sub-action's parent and parts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from commands import Caller, Context
from commands.render_text import to_text
from commands.slash import dispatch
from storage.database import Database
from storage.importer import import_plan
from storage.planfiles import read_plan_file
from storage.repository import PlanRepository
from tests.storage.test_plan_shape import action, partnership, write

NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def answer(database: Database, text: str) -> str:
    with database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), NOW, Caller("UADMIN", True))
        return to_text(dispatch(ctx, text))


def test_a_labelled_theme_and_a_sub_action_s_family(database: Database, tmp_path: Path
                                                    ) -> None:
    raw = partnership([action("1.1"), action("1.1a"), action("1.1.2")])
    raw["themes"][0]["label"] = "Priority 1a"
    with database.committed() as session:
        import_plan(session, read_plan_file(write(tmp_path, raw)), "test", NOW)
    assert answer(database, "theme 1").startswith("Priority 1a: Early help")
    parent = answer(database, "action 1.1")
    assert "Sub-actions: 1.1a, 1.1.2" in parent and "Theme: Priority 1a: Early help" in parent
    child = answer(database, "action 1.1a")
    assert "Part of: `/lscb action 1.1`" in child and "Sub-actions" not in child
