"""The board pack on a 10,000-action plan: the quarterly report as a workbook and a document.

Target (from the issue): "On the 10,000-action plan, a quarterly report as a workbook or a
document in under 5 seconds."

What it does:

1. imports bench/synthetic.py's plan of 10,000 actions and 1,000 owners into a temporary
   SQLite database (or `--database-url`), as imported on 1 April 2014 (not measured);
2. gives it a history on both sides of 30 September 2014, the end of Q2 2014/15: a status
   change with a note for one action in three (half of them after the quarter's end), a due
   date moved for one in twenty, 200 challenges (half answered) and 100 risks (a third
   closed), all in one transaction (not measured);
3. on 15 December 2014, writes Q2 2014/15 (rebuilt as at 30 Sep from that history) through
   `bot.board_files.write_report`, as `lscb report --out FILE --quarter "Q2 2014/15"` does:
   the queries, the paper, the file; REPEATS times per format, and prints the median and
   the slowest, plus the yearly report 2014/15 as a document for information;
4. prints PASS/FAIL for the workbook and the document against the target; exits 1 on a miss.

Run: `.venv/bin/python bench/bench_report.py [--quick] [--database-url URL]`
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/...`: make bot/, storage/ importable
    sys.path.insert(0, str(ROOT))

from bench.synthetic import synthetic_plan  # noqa: E402
from bot.board_files import write_report  # noqa: E402
from bot.config import Settings  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.importer import import_plan  # noqa: E402
from storage.models import STATUSES  # noqa: E402
from storage.planfiles.checking import build_plan  # noqa: E402
from storage.repository import PlanRepository  # noqa: E402

TARGET_SECONDS = 5.0
IMPORTED = datetime(2014, 4, 1, 9, tzinfo=UTC)
QUARTER_END = datetime(2014, 9, 30, 23, tzinfo=UTC)
TODAY = date(2014, 12, 15)
ACTOR = "bench"


def at_random(rng: random.Random, after_quarter: bool) -> datetime:
    start = QUARTER_END if after_quarter else datetime(2014, 7, 1, 9, tzinfo=UTC)
    return start + timedelta(minutes=rng.randrange(1, 60 * 24 * 75))


def load(database: Database, actions: int, owners: int) -> int:
    """The synthetic plan, imported in April 2014, with a history; returns its changes."""
    rng = random.Random(7)
    changes = 0
    with database.committed() as session:
        import_plan(session, build_plan(synthetic_plan(actions, owners), "<synthetic>"), ACTOR,
                    IMPORTED)
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        live = [repo.action(row.ref) for row in repo.actions()]
        for action in rng.sample(live, len(live) // 3):
            repo.record_status(action, rng.choice(STATUSES), f"U{rng.randrange(300):04d}",
                               "progress reported to the subgroup; next steps agreed",
                               at_random(rng, rng.random() < 0.5))
            changes += 1
        for action in rng.sample(live, len(live) // 20):
            if action.due_date:
                repo.move_due_date(action, action.due_date + timedelta(days=90), ACTOR,
                                   at_random(rng, rng.random() < 0.5), "capacity")
                changes += 1
        for n in range(200):
            challenge = repo.add_challenge(rng.choice(live), f"Challenge {n}: evidence?", ACTOR,
                                           at_random(rng, False))
            if n % 2:
                repo.answer_challenge(challenge, live[0], "Evidence provided", ACTOR,
                                      at_random(rng, rng.random() < 0.5))
        for n in range(100):
            risk = repo.risks.add(f"Risk {n}", rng.randint(1, 5), rng.randint(1, 5), None,
                                  rng.sample(live, 2), ACTOR, at_random(rng, False))
            if n % 3 == 0:
                repo.risks.close(risk, "mitigated", ACTOR, at_random(rng, True))
        changes += 300
    return changes


def timed(database: Database, settings: Settings, out: Path, repeats: int,
          **period: str) -> list[float]:
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        write_report(database, settings, out, **period)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run per format")
    parser.add_argument("--database-url", help="an empty database (default: temporary SQLite)")
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=1_000)
    args = parser.parse_args()
    repeats = 1 if args.quick else 5
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        database = Database(url)
        changes = load(database, args.actions, args.owners)
        settings = Settings(database_url=url, today=TODAY)
        print(f"{args.actions} actions, {args.owners} owners, {changes} changes in the "
              f"history; Q2 2014/15 as at 30 Sep 2014, written on {TODAY}")
        failed = False
        for name in ("report.xlsx", "report.docx", "report.md", "report.csv"):
            out = Path(folder) / name
            seconds = timed(database, settings, out, repeats, quarter="Q2 2014/15")
            measured = name.endswith((".xlsx", ".docx"))
            verdict = ("PASS" if max(seconds) < TARGET_SECONDS else "FAIL") if measured else ""
            failed = failed or verdict == "FAIL"
            print(f"  {name:12} median {statistics.median(seconds):6.2f} s, slowest "
                  f"{max(seconds):6.2f} s, {out.stat().st_size / 1024:7.0f} KiB  {verdict}")
        year = timed(database, settings, Path(folder) / "year.docx", 1, year="2014/15")
        print(f"  {'year.docx':12} {year[0]:6.2f} s (the yearly report 2014/15, for information)")
        print(f"target: a workbook or a document in under {TARGET_SECONDS:.0f} s: "
              f"{'FAIL' if failed else 'PASS'}")
        database.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
