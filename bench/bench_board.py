"""The board page and the calendar feeds over HTTP on a big plan.

Target: on a plan of 10,000 actions and 1,000 owners, the board page's p99 under 200 ms
and a feed under 100 ms, over HTTP against `lscb serve`.

What it does:

1. imports a synthetic plan (bench/synthetic.py) into DATABASE_URL (default: SQLite in a
   temporary directory) and issues two links: the whole plan's and one owner's;
2. starts `python -m bot.cli serve` (waitress, as deployed) and waits for GET /healthz;
3. times the first request of each kind (cold: nothing kept yet), then sends requests of
   every kind one at a time, interleaved in a shuffled order, over a fresh connection
   each (urllib, no keep-alive), after a status change makes every kept answer stale
   once more halfway through (so the measured set holds rebuilt answers too);
4. prints p50 / p99 / max per kind, the sizes, and whether each target is met.

Kinds: the summary page of the whole plan and of one owner, a theme page (about 1,100
actions), an action page, the owner's feed and the whole plan's feed (about 10,000
events). The targets are judged on the summary (page) and the owner's feed (a feed a
person subscribes to); the whole plan's feed is printed beside them.

Run: `.venv/bin/python bench/bench_board.py [--requests N] [--database-url URL]`
Exit status: 0 targets met, 1 a target missed.
"""

from __future__ import annotations

import argparse
import random
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_commands import (  # noqa: E402
    Servers,
    percentile,
    server_env,
    wait_until_ready,
)
from bench.synthetic import BENCH_NOW, load_synthetic_plan, owner_name  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.links import LinkKeys, issue  # noqa: E402
from storage.repository import PlanRepository  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402

PAGE_P99_TARGET_MS = 200.0
FEED_TARGET_MS = 100.0
LINK_SECRET = "bench-link-key"


@dataclass
class Kind:
    name: str
    path: str
    target_ms: float | None = None
    samples: list[float] = field(default_factory=list)
    cold_ms: float = 0.0
    size: int = 0


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urlopen(url, timeout=60) as answer:
        body = answer.read()
        assert answer.status == 200, answer.status
    return (time.perf_counter() - started) * 1000, len(body)


def issue_links(database_url: str) -> tuple[str, str]:
    database = Database(database_url)
    keys = LinkKeys(LINK_SECRET)
    try:
        with database.committed() as session:
            repo = PlanRepository.for_team(session)
            owner = repo.resolve_owner(owner_name(1))
            return (issue(session, keys, repo.plan, None, "bench", BENCH_NOW),
                    issue(session, keys, repo.plan, owner, "bench", BENCH_NOW))
    finally:
        database.dispose()


def change_the_plan(database_url: str, ref: str) -> None:
    """One status change: every answer kept so far is stale."""
    database = Database(database_url)
    try:
        with database.committed() as session:
            repo = PlanRepository.for_team(session)
            action = repo.action(ref)
            repo.record_status(action, "at-risk" if action.status != "at-risk" else "on-track",
                               "bench", "bench change", BENCH_NOW)
    finally:
        database.dispose()


def kinds_for(plan: str, owner: str) -> list[Kind]:
    return [Kind("page: summary", f"/board/{plan}", PAGE_P99_TARGET_MS),
            Kind("page: owner's summary", f"/board/{owner}"),
            Kind("page: theme 1", f"/board/{plan}/theme/1"),
            Kind("page: action 1.1", f"/board/{plan}/action/1.1"),
            Kind("feed: owner's", f"/calendar/{owner}.ics", FEED_TARGET_MS),
            Kind("feed: whole plan", f"/calendar/{plan}.ics")]


def measure(base: str, kinds: list[Kind], requests: int, database_url: str,
            seed: int) -> None:
    for kind in kinds:
        kind.cold_ms, kind.size = fetch(base + kind.path)
    rng = random.Random(seed)
    order = [k for k in kinds for _ in range(requests)]
    rng.shuffle(order)
    for number, kind in enumerate(order):
        if number == len(order) // 2:
            change_the_plan(database_url, "1.1")
        kind.samples.append(fetch(base + kind.path)[0])


def report(kinds: list[Kind]) -> bool:
    print(f"{'kind':24} {'cold':>9} {'p50':>8} {'p99':>8} {'max':>8} {'size':>10}  target")
    met = True
    for k in kinds:
        p99 = percentile(k.samples, 99)
        verdict = ""
        if k.target_ms is not None:
            ok = p99 < k.target_ms
            met &= ok
            verdict = f"p99 < {k.target_ms:.0f} ms: {'met' if ok else 'MISSED'}"
        print(f"{k.name:24} {k.cold_ms:7.1f}ms {percentile(k.samples, 50):6.1f}ms "
              f"{p99:6.1f}ms {max(k.samples):6.1f}ms {k.size / 1024:8.0f}KB  {verdict}")
    print("cold: the first request, nothing kept; the rest include the rebuilds after the "
          "plan changed halfway")
    return met


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=200, help="per kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default="")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lscb-bench-board-") as tmp, FakeSlack() as fake:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        clock = time.monotonic()
        load_synthetic_plan(database_url, args.actions, args.owners, args.seed)
        plan, owner = issue_links(database_url)
        print(f"Plan: {args.actions} actions, {args.owners} owners "
              f"[{time.monotonic() - clock:.1f} s]; Python {sys.version.split()[0]}")
        env = server_env(database_url, secrets.token_hex(16), fake.base_url)
        env["LSCB_LINK_SECRET"] = LINK_SECRET
        servers = Servers(Path(tmp))
        try:
            server = servers.start("bot", [sys.executable, "-m", "bot.cli", "serve"], env)
            wait_until_ready(server)
            kinds = kinds_for(plan, owner)
            measure(server.url, kinds, args.requests, database_url, args.seed)
            met = report(kinds)
        except subprocess.SubprocessError as error:
            print(f"serving failed: {error}", file=sys.stderr)
            return 1
        finally:
            servers.stop_all()
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
