"""The import, the serve path and a nudge cycle survive an aggressive garbage collector.

SQLAlchemy 2.1.9's compiled extensions corrupted the heap on CPython 3.11: `lscb plan
import` of an exported CSV with an action moved to a new theme died with SIGSEGV. The
fix is the version range in pyproject.toml; these tests catch the next such build.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THRESHOLDS = ["default", "1,1,1"]


def run(thresholds: str, folder: Path, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'lscb.sqlite3'}",
           "LSCB_TODAY": "2014-10-15", "PYTHONFAULTHANDLER": "1"}
    env.pop("SLACK_BOT_TOKEN", None)
    done = subprocess.run([sys.executable, "-m", "tests.stress.gc_stress", thresholds, *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (f"{args} under gc thresholds {thresholds} exited "
                                  f"{done.returncode}:\n{done.stderr[-3000:]}")


def moved_to_a_new_theme(exported: Path, moved: Path) -> None:
    with exported.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        if row[2] == "9.3":
            row[0], row[1] = "10", "Brand new theme"
    with moved.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.parametrize("thresholds", THRESHOLDS)
def test_reimport_serve_and_cycle_survive_the_collector(thresholds: str,
                                                        tmp_path: Path) -> None:
    exported, moved = tmp_path / "plan.csv", tmp_path / "moved.csv"
    run(thresholds, tmp_path, "cli", "plan", "import", "--sample")
    run(thresholds, tmp_path, "cli", "plan", "export", str(exported))
    moved_to_a_new_theme(exported, moved)
    for path in (moved, exported, moved):
        run(thresholds, tmp_path, "cli", "plan", "import", str(path))
    run(thresholds, tmp_path, "serve-and-cycle")
