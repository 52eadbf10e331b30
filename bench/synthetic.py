"""A synthetic plan, shaped like a YAML plan file, big enough to load-test the bot.

`synthetic_plan(actions, owners)` returns the raw dict a plan file's YAML would parse to
(checked by `storage.planfiles.document.build_plan`), and `load_synthetic_plan` imports it
into a database and links Slack users to owners so `/lscb my-actions` has work to do.

Dates are chosen against the bench's day, 2014-10-15 (`BENCH_TODAY`): month-year `when`s are
spread from January 2014 to December 2017, so about one action in five is overdue, and some
actions are "Annually" or "Ongoing – following a review". Everything is seeded, so a run is
repeatable.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/...`: make bot/, storage/, tests/ importable
    sys.path.insert(0, str(ROOT))

from storage.database import Database  # noqa: E402
from storage.importer import ImportReport, import_plan  # noqa: E402
from storage.planfiles.checking import build_plan  # noqa: E402
from storage.repository import PlanRepository  # noqa: E402

BENCH_TODAY = date(2014, 10, 15)
BENCH_NOW = datetime.combine(BENCH_TODAY, time(12, 0), tzinfo=ZoneInfo("Europe/London"))
THEMES = 9
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov",
                "Dec")
YEARS = (2014, 2015, 2016, 2017)
STATUS_WEIGHTS = {"not-started": 50, "on-track": 25, "at-risk": 8, "off-track": 5, "complete": 12}
WORDS = ("review", "safeguarding", "multi-agency", "audit", "training", "children", "young people",
         "partners", "board", "practice", "learning", "neglect", "early help", "assurance",
         "procedures", "thresholds", "referrals", "quality", "engagement", "performance",
         "framework", "report", "evidence", "outcomes", "families", "schools", "health",
         "police", "workforce", "feedback")
ACTOR = "bench"
LINKED_USERS = 300
OWNERS_PER_USER = 3
BENCH_USER = "U0001"


def owner_name(number: int) -> str:
    return f"Subgroup {number:04d}"


def user_id(number: int) -> str:
    return f"U{number:04d}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def _when(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.06:
        return "Annually"
    if roll < 0.09:
        return f"Annually from {rng.choice((2014, 2015))}"
    if roll < 0.14:
        return "Ongoing – following a review"
    month = rng.randrange(12)
    names = MONTHS if rng.random() < 0.5 else SHORT_MONTHS
    return f"{names[month]} {rng.choice(YEARS)}"


def _milestones(rng: random.Random) -> list[dict[str, str]]:
    """A few actions carry milestones, some of them missed by the bench's day."""
    if rng.random() >= 0.08:
        return []
    first = rng.randrange(len(YEARS) * 12 - 6)
    return [{"label": f"Milestone {i + 1}: {_sentence(rng, 4).lower()}",
             "when": f"{MONTHS[(first + 3 * i) % 12]} {YEARS[0] + (first + 3 * i) // 12}"}
            for i in range(rng.randint(1, 3))]


def synthetic_plan(actions: int, owners: int, seed: int = 1) -> dict[str, Any]:
    """A raw plan dict (the YAML plan-file shape) with `actions` actions over `owners` owners."""
    if actions < 1 or owners < 1:
        raise ValueError("a plan needs at least one action and one owner")
    rng = random.Random(seed)
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    owner_records = [{"name": owner_name(n), "kind": "subgroup",
                      "aliases": [f"SG{n:04d}"]} for n in range(1, owners + 1)]
    themes: list[dict[str, Any]] = [
        {"number": t, "title": f"Theme {t}: {_sentence(rng, 3)}", "actions": []}
        for t in range(1, THEMES + 1)]
    per_theme = [actions // THEMES + (1 if t < actions % THEMES else 0) for t in range(THEMES)]
    for theme, count in zip(themes, per_theme, strict=True):
        for i in range(1, count + 1):
            names = rng.sample(range(1, owners + 1), k=min(owners, rng.choice((1, 1, 2))))
            record: dict[str, Any] = {
                "ref": f"{theme['number']}.{i}",
                "text": _sentence(rng, rng.randint(8, 24)),
                "owners": [owner_name(n) for n in names],
                "when": _when(rng),
                "outcome": _sentence(rng, 6),
                "status": rng.choices(statuses, weights)[0],
            }
            if milestones := _milestones(rng):
                record["milestones"] = milestones
            theme["actions"].append(record)
    return {
        "plan": {"slug": f"synthetic-{actions}-{owners}-{seed}",
                 "title": f"Synthetic LSCB Business Plan ({actions} actions, {owners} owners)",
                 "board": "Synthetic Local Safeguarding Children Board",
                 "starts": date(2014, 4, 1), "ends": date(2017, 3, 31)},
        "owners": owner_records,
        "themes": themes,
    }


@dataclass(frozen=True)
class Loaded:
    report: ImportReport
    links: int
    bench_user_owners: tuple[str, ...]


def link_users(database: Database, owners: int, users: int = LINKED_USERS,
               per_user: int = OWNERS_PER_USER, seed: int = 1) -> tuple[int, tuple[str, ...]]:
    """Link users U0001… to `per_user` owners each; returns (links, the owners of U0001)."""
    rng = random.Random(seed + 1)
    links = 0
    first: tuple[str, ...] = ()
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        by_name = {o.name: o for o in repo.owners()}
        for number in range(1, users + 1):
            names = [owner_name(n) for n in
                     sorted(rng.sample(range(1, owners + 1), k=min(owners, per_user)))]
            for name in names:
                links += repo.link_user(user_id(number), by_name[name], ACTOR, BENCH_NOW)
            if number == 1:
                first = tuple(names)
    return links, first


def load_synthetic_plan(database_url: str, actions: int, owners: int, seed: int = 1,
                        users: int = LINKED_USERS) -> Loaded:
    """Create the schema, import a synthetic plan and link `users` Slack users to owners."""
    database = Database(database_url)
    try:
        doc = build_plan(synthetic_plan(actions, owners, seed), "<synthetic>")
        with database.committed() as session:
            report = import_plan(session, doc, ACTOR, BENCH_NOW)
        links, first = link_users(database, owners, users, seed=seed)
    finally:
        database.dispose()
    return Loaded(report, links, first)


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Import a synthetic plan into a database.")
    parser.add_argument("database_url")
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    loaded = load_synthetic_plan(args.database_url, args.actions, args.owners, args.seed)
    print(loaded.report.summary().splitlines()[0])
    print(f"{loaded.links} user links; {BENCH_USER} speaks for "
          f"{', '.join(loaded.bench_user_owners)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
