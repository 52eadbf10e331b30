"""One step of the stress test, run in a child process of its own, so that a segmentation
fault fails a test instead of killing pytest: `python -m tests.stress.gc_stress STEP FOLDER`.

- `prepare`: `lscb plan import --sample`, `lscb plan export plan.csv`, and `moved.csv`, the
  export with action 9.3 moved to a new theme 10 ("Brand new theme");
- `reimport`: `lscb plan import` of moved.csv, alone in a fresh process;
- `sweep`: `lscb plan import` of moved.csv then plan.csv, over and over, the collector's
  first threshold stepping from 50 to 145;
- `finish`: with the collector at (1, 1, 1), the import again, signed slash commands through
  the real app and a nudge cycle against the fake Slack.

Heap corruption shows only when the collector happens to walk a damaged object.
SQLAlchemy 2.1.9's Cython modules on CPython 3.11 crashed the first re-import of
moved.csv every time before the commands were refactored; since, the same import crashes
only at some thresholds, hence the sweep (see test_gc_stress.py for where it runs).
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import UTC, date, datetime

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
COMMANDS = ("overdue", "my-actions", "action 6.1", "owner pmqa", "report", "schedule",
            "update 2.3 at-risk waiting for two returns", "done 1.1")
SWEEP = range(50, 150, 5)


def lscb(*args: str) -> None:
    from bot import cli

    assert cli.main(list(args)) == 0, args


def prepare(folder: str) -> None:
    import csv
    from pathlib import Path

    exported, moved = Path(folder) / "plan.csv", Path(folder) / "moved.csv"
    lscb("plan", "import", "--sample")
    lscb("plan", "export", str(exported))
    with exported.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        if row[2] == "9.3":
            row[0], row[1] = "10", "Brand new theme"
    with moved.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def sweep(folder: str) -> None:
    for threshold in SWEEP:
        gc.set_threshold(threshold, 10, 10)
        lscb("plan", "import", os.path.join(folder, "moved.csv"))
        lscb("plan", "import", os.path.join(folder, "plan.csv"))


def serve_and_cycle() -> None:
    from bot.config import Settings
    from bot.cycle import run_cycle
    from bot.delivery import SlackSender
    from bot.slack_client import make_client
    from storage.database import Database
    from storage.repository import PlanRepository
    from tests.fakeslack import FakeSlack, signed_slash_command
    from tests.slackapp import ADMIN, SIGNING_SECRET, app_settings, serving

    database = Database(os.environ["DATABASE_URL"])
    with FakeSlack() as fake:
        with serving(database, app_settings(database, fake, date(2014, 10, 15))) as url:
            for text in COMMANDS:
                status, body = signed_slash_command(url, SIGNING_SECRET, text=text,
                                                    user_id=ADMIN, timeout=60)
                assert status == 200 and isinstance(body, dict), (text, status, body)
        with database.committed() as session:
            repo = PlanRepository.for_team(session)
            repo.link_channel("CPMQA", repo.resolve_owner("pmqa"), "stress", NOW)
        settings = Settings(database_url=database.url, bot_token="xoxb-test",
                            slack_api_url=fake.base_url, admins=frozenset({ADMIN}),
                            today=date(2014, 10, 1))
        client = make_client(settings, retry_connections=False)
        run_cycle(database, settings, SlackSender(client, min_interval=0, backoff=0))
        assert fake.calls("chat.postMessage"), "the cycle posted nothing"
    database.dispose()


def main(step: str, folder: str) -> int:
    if step == "prepare":
        prepare(folder)
    elif step == "reimport":
        lscb("plan", "import", os.path.join(folder, "moved.csv"))
    elif step == "sweep":
        sweep(folder)
    else:
        gc.set_threshold(1, 1, 1)
        lscb("plan", "import", os.path.join(folder, "moved.csv"))
        serve_and_cycle()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
