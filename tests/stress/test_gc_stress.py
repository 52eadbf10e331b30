"""The import, the serve path and a nudge cycle survive an aggressive garbage collector.

SQLAlchemy 2.1.9's compiled extensions corrupted the heap on CPython 3.11: `lscb plan
import` of an exported CSV with an action moved to a new theme died with SIGSEGV. The
fix is the version range in pyproject.toml; this test is there to catch the next such
build. Each step runs in a child process (see `gc_stress.py`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AFTER_PREPARE = ("sweep", "sweep", "finish")


def run(step: str, folder: Path) -> str:
    """The step in a child process: "" if it exited 0, else what it said."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'lscb.sqlite3'}",
           "LSCB_TODAY": "2014-10-15", "PYTHONFAULTHANDLER": "1"}
    env.pop("SLACK_BOT_TOKEN", None)
    done = subprocess.run([sys.executable, "-m", "tests.stress.gc_stress", step, str(folder)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode == 0:
        return ""
    return f"{step} exited {done.returncode}:\n{done.stderr[-3000:]}"


def test_reimport_serve_and_cycle_survive_the_collector(tmp_path: Path) -> None:
    prepared = tmp_path / "prepared"
    prepared.mkdir()
    assert run("prepare", prepared) == ""
    folders = [shutil.copytree(prepared, tmp_path / f"{n}-{step}")
               for n, step in enumerate(AFTER_PREPARE)]
    with ThreadPoolExecutor(len(AFTER_PREPARE)) as pool:
        failures = list(pool.map(run, AFTER_PREPARE, folders))
    assert not any(failures), "\n\n".join(failures)
