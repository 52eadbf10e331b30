"""Working out what is due over 100 plans, and delivering it within Slack's rate limit.

Target (from the issue): "Working out what is due over 100 plans, 50 channels each and
10,000 actions takes under 1 s on this machine; delivery through the fake Slack never
exceeds Slack's 1 message per second per channel."

What it does:

1. builds PLANS synthetic plans (bench/synthetic.py's generator, 100 actions and 50 owners
   each, month-year due dates spread from 2014 to 2017), each with the sample plan's nine
   reporting rows and their cadences, their reporters mapped onto the plan's own owners, and
   every owner linked to a channel of its own (not measured);
2. at a cycle instant (12:00 London on a working day) times the whole "what is due"
   computation, `nudges_between` for every plan over the window `record_due` uses on a fresh
   ledger (from `grace_days` before today's midnight to now), one unit of work per plan as
   `record_due` does, REPEATS times; then times `record_due` itself for every plan (the same
   computation plus the ledger inserts) once, on an empty ledger;
3. empties the ledger, records the first DELIVERY_PLANS plans' nudges and runs
   `deliver_owed` with the production sender (`bot.delivery.make_sender`: the real 1 s per
   channel throttle, real sleeps) against the fake Slack Web API, timing each
   chat.postMessage's arrival at the fake (the fake's own ts values are a counter), and
   works out the smallest gap between consecutive messages of each channel;
4. prints a summary with PASS/FAIL against each target; exits 1 if any target is missed.

Run: `.venv/bin/python bench/bench_nudges.py [--quick] [--database-url URL]`
(the database must be empty; by default a SQLite file in a temporary directory).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/...`: make bot/, storage/, tests/ importable
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from slack_sdk import WebClient  # noqa: E402
from slack_sdk.web import SlackResponse  # noqa: E402
from sqlalchemy import delete, func, select  # noqa: E402

from bench.synthetic import owner_name, synthetic_plan  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.cycle import MAX_LOOKBACK, CycleReport, deliver_owed, record_due  # noqa: E402
from bot.delivery import make_sender  # noqa: E402
from commands.calendar import is_working_day  # noqa: E402
from commands.nudges import Nudge, nudges_between  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.importer import import_plan  # noqa: E402
from storage.models import Action, Cadence, ChannelLink, CycleRun, Delivery, Plan  # noqa: E402
from storage.planfiles import SAMPLE_PLAN  # noqa: E402
from storage.planfiles.checking import build_plan  # noqa: E402
from storage.repository import PlanRepository  # noqa: E402
from tests.fakeslack import FakeSlack, _Reply  # noqa: E402

TARGET_SECONDS = 1.0
SLACK_MIN_GAP = 1.0
ACTOR = "bench"
BUILT_AT = datetime(2014, 4, 1, 8, 0, tzinfo=UTC)
BOT_TOKEN = "xoxb-bench-nudges"
WORKER = "bench-worker"
# 1 October 2014: quarterly and bi-monthly reporting nudges, the overdue nudges of everything
# due in September and the Monday digest all fall in its cycle window. 17 October: the
# due-soon reminders of everything due at the end of October.
INSTANTS = (date(2014, 10, 1), date(2014, 10, 17))


@dataclass(frozen=True)
class Options:
    plans: int
    actions_per_plan: int
    owners_per_plan: int
    repeats: int
    delivery_plans: int
    database_url: str | None


# ---- building the plans (not measured) -------------------------------------------------------


def channel_id(plan_number: int, owner_number: int) -> str:
    return f"CP{plan_number:03d}O{owner_number:03d}"


def _sample() -> dict[str, Any]:
    """The sample plan file's raw contents (its owners and reporting rows are reused)."""
    raw: dict[str, Any] = yaml.safe_load(SAMPLE_PLAN.read_text(encoding="utf-8"))
    return raw


def _owner_map(sample: dict[str, Any], owners: int, plan_number: int) -> dict[str, str]:
    """Sample owner (any spelling) -> one of this plan's owners, rotated from plan to plan."""
    offset = (plan_number * 7) % owners
    return {spelling: owner_name(1 + (index + offset) % owners)
            for index, o in enumerate(sample["owners"])
            for spelling in (o["name"], *o.get("aliases", []))}


def bench_plan(plan_number: int, actions: int, owners: int,
               reporting: list[dict[str, Any]], sample_owners: dict[str, str]) -> dict[str, Any]:
    """A synthetic plan (raw plan-file shape) with the sample's reporting rows and cadences."""
    raw = synthetic_plan(actions, owners, seed=plan_number)
    raw["plan"] = {**raw["plan"], "slug": f"nudge-bench-{plan_number:03d}",
                   "title": f"Nudge bench plan {plan_number}"}
    rows = []
    for row in reporting:
        cadences = [{**c, **({"copy_to": [sample_owners[n] for n in c["copy_to"]]}
                             if c.get("copy_to") else {})} for c in row["cadences"]]
        rows.append({**row, "by": [sample_owners[n] for n in row["by"]], "cadences": cadences})
    raw["reporting"] = rows
    return raw


def build(database: Database, options: Options) -> list[int]:
    """Import the plans and link every owner to a channel of its own; returns the plan ids."""
    sample = _sample()
    plan_ids = []
    for number in range(1, options.plans + 1):
        raw = bench_plan(number, options.actions_per_plan, options.owners_per_plan,
                         sample["reporting"], _owner_map(sample, options.owners_per_plan, number))
        doc = build_plan(raw, f"<nudge bench plan {number}>")
        with database.committed() as session:
            import_plan(session, doc, ACTOR, BUILT_AT)
            plan = session.scalars(select(Plan).where(Plan.slug == doc.slug)).one()
            repo = PlanRepository(session, plan)
            for index, owner in enumerate(repo.owners(), start=1):
                repo.link_channel(channel_id(number, index), owner, ACTOR, BUILT_AT)
            plan_ids.append(plan.id)
        if number % 10 == 0 or number == options.plans:
            print(f"  built {number}/{options.plans} plans", flush=True)
    return plan_ids


def describe(database: Database, today: date) -> str:
    with database.committed() as session:
        plans = session.scalar(select(func.count()).select_from(Plan)) or 0
        actions = session.scalar(select(func.count()).select_from(Action)
                                 .where(Action.archived.is_(False))) or 0
        dated = session.scalar(select(func.count()).select_from(Action)
                               .where(Action.due_date.is_not(None))) or 0
        open_dated = select(func.count()).select_from(Action).where(
            Action.due_date.is_not(None), Action.status != "complete")
        overdue = session.scalar(open_dated.where(Action.due_date < today)) or 0
        soon = session.scalar(open_dated.where(
            Action.due_date.between(today, today + timedelta(days=31)))) or 0
        channels = session.scalar(select(func.count(func.distinct(
            ChannelLink.slack_channel_id)))) or 0
        cadences = session.scalar(select(func.count()).select_from(Cadence)) or 0
    return (f"{plans} plans, {actions} actions ({dated} dated), {channels} channels, "
            f"{cadences} reporting cadences; on {today}: {overdue} open actions overdue, "
            f"{soon} more due within 31 days")


# ---- measuring "what is due" ----------------------------------------------------------------


def settings_for(database_url: str, today: date, slack_api_url: str = "") -> Settings:
    values: dict[str, Any] = {"database_url": database_url, "today": today,
                              "bot_token": BOT_TOKEN, "admins": frozenset()}
    if slack_api_url:
        values["slack_api_url"] = slack_api_url
    return Settings(**values)


def cycle_window(settings: Settings) -> tuple[datetime, datetime]:
    """The span `record_due` works out on a fresh ledger (no previous cycle)."""
    now = settings.now()
    today = now.astimezone(settings.timezone).date()
    missed_before = datetime.combine(today - timedelta(days=settings.grace_days),
                                     clock_time.min, tzinfo=settings.timezone)
    return max(missed_before, now - MAX_LOOKBACK), now


def work_out_due(database: Database, settings: Settings) -> list[Nudge]:
    """Every plan's nudges over the cycle window: one unit of work per plan, as a cycle does."""
    first, last = cycle_window(settings)
    with database.committed() as session:
        plan_ids = list(session.scalars(select(Plan.id).order_by(Plan.id)))
    found: list[Nudge] = []
    for plan_id in plan_ids:
        with database.committed() as session:
            repo = PlanRepository(session, session.get_one(Plan, plan_id))
            found += nudges_between(repo, first, last, settings.timezone)
    return found


@dataclass
class DueTiming:
    today: date
    seconds: list[float]
    nudges: list[Nudge]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def lines(self) -> list[str]:
        kinds = Counter(n.key.split(":")[0] for n in self.nudges)
        channels = len({n.channel for n in self.nudges})
        runs = ", ".join(f"{s:.3f}" for s in self.seconds)
        first, last = cycle_window(settings_for("sqlite://", self.today))
        return [
            f"cycle at {last:%a %Y-%m-%d %H:%M %Z}, window from {first:%Y-%m-%d %H:%M}",
            f"  nudges found: {len(self.nudges)} to {channels} channels "
            f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})",
            f"  seconds per pass over every plan: min {min(self.seconds):.3f}, "
            f"median {self.median:.3f}, max {max(self.seconds):.3f} (runs: {runs}; "
            f"the first is cold)",
        ]


def time_work_out_due(database: Database, url: str, today: date, repeats: int) -> DueTiming:
    settings = settings_for(url, today)
    seconds: list[float] = []
    nudges: list[Nudge] = []
    for _ in range(repeats):
        started = time.perf_counter()
        nudges = work_out_due(database, settings)
        seconds.append(time.perf_counter() - started)
    return DueTiming(today, seconds, nudges)


def clear_ledger(database: Database) -> None:
    with database.committed() as session:
        session.execute(delete(Delivery))
        session.execute(delete(CycleRun))


def time_record_due(database: Database, url: str, today: date,
                    plan_ids: list[int]) -> tuple[float, int]:
    """Seconds for `record_due` over every plan on an empty ledger, and the rows it added."""
    clear_ledger(database)
    settings = settings_for(url, today)
    now = settings.now()
    started = time.perf_counter()
    added = sum(record_due(database, settings, plan_id, now) for plan_id in plan_ids)
    return time.perf_counter() - started, added


# ---- delivery through the fake Slack --------------------------------------------------------


class TimedFakeSlack(FakeSlack):
    """The fake Slack Web API, noting when each chat.postMessage arrived (by the message's ts)."""

    def __init__(self) -> None:
        super().__init__()
        self._arrivals_lock = threading.Lock()
        self._arrivals: dict[str, float] = {}

    def handle(self, path: str, query: str, headers: dict[str, str], raw: bytes) -> _Reply:
        arrived = time.monotonic()
        reply = super().handle(path, query, headers, raw)
        body = reply.body
        if (path.endswith("/chat.postMessage") and isinstance(body, dict) and body.get("ok")
                and not reply.hang_up):
            with self._arrivals_lock:
                self._arrivals[str(body["ts"])] = arrived
        return reply

    def arrival(self, ts: str) -> float:
        with self._arrivals_lock:
            return self._arrivals[ts]


@dataclass
class DeliveryResult:
    recorded: int
    sent: int
    failed: int
    violations: int
    seconds: float
    waits: list[float] = field(default_factory=list)
    per_channel: dict[str, int] = field(default_factory=dict)
    min_gaps: dict[str, float] = field(default_factory=dict)
    """Per channel, the smallest gap between consecutive messages as they arrived at the fake."""
    min_handed_gaps: dict[str, float] = field(default_factory=dict)
    """The same, as the sender handed them to the Web API client (after its throttle)."""

    @property
    def smallest_gap(self) -> float | None:
        return min(self.min_gaps.values()) if self.min_gaps else None

    @property
    def passed(self) -> bool:
        gap = self.smallest_gap
        return (self.sent > 0 and not self.failed and not self.violations and gap is not None
                and gap >= SLACK_MIN_GAP)

    def lines(self) -> list[str]:
        busiest = Counter(self.per_channel).most_common(1)
        spread = Counter(self.per_channel.values())
        gaps = sorted(self.min_gaps.items(), key=lambda item: item[1])
        lines = [
            f"recorded {self.recorded} nudges; sent {self.sent}, failed {self.failed}, "
            f"rejected by the fake {self.violations}, in {self.seconds:.1f} s",
            f"  channels: {len(self.per_channel)} (messages per channel: "
            f"{', '.join(f'{n} msg x{c}' for n, c in sorted(spread.items()))}; busiest "
            f"{busiest[0][0] if busiest else '-'} with {busiest[0][1] if busiest else 0})",
            f"  throttle waits: {len(self.waits)}, {sum(self.waits):.1f} s in all",
            f"  channels with 2+ messages: {len(self.min_gaps)}; smallest gap between "
            f"consecutive messages of a channel, as they arrived at the fake "
            f"(and as the sender posted them):",
        ]
        lines += [f"    {channel}: arrived {gap:.5f} s apart (posted "
                  f"{self.min_handed_gaps.get(channel, float('nan')):.5f} s apart)"
                  for channel, gap in gaps[:8]]
        if len(gaps) > 8:
            lines.append(f"    … {len(gaps) - 8} more channels, largest min gap "
                         f"{gaps[-1][1]:.4f} s")
        if self.min_handed_gaps:
            lines.append(f"  smallest gap as posted by the sender, any channel: "
                         f"{min(self.min_handed_gaps.values()):.5f} s")
        return lines


def counting_sleep(waits: list[float]) -> Callable[[float], None]:
    """time.sleep, noting each pause (the sender only sleeps for its throttle here)."""
    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)
    return sleep


def note_posts(client: WebClient) -> dict[str, list[float]]:
    """Note when each chat.postMessage leaves the sender (after its throttle), per channel."""
    posted: dict[str, list[float]] = defaultdict(list)
    post = client.chat_postMessage

    def timed_post(**kwargs: Any) -> SlackResponse:
        posted[str(kwargs.get("channel"))].append(time.monotonic())
        return post(**kwargs)

    client.chat_postMessage = timed_post  # type: ignore[method-assign]
    return posted


def deliver(database: Database, url: str, today: date, plan_ids: list[int]) -> DeliveryResult:
    """Record `plan_ids`' nudges on an empty ledger and deliver them with the real throttle."""
    clear_ledger(database)
    with TimedFakeSlack() as fake:
        with database.unit_of_work() as session:
            for channel in session.scalars(select(ChannelLink.slack_channel_id)):
                fake.add_channel(channel, member=True)  # the fake knows no channel by itself
        settings = settings_for(url, today, fake.base_url)
        now = settings.now()
        recorded = sum(record_due(database, settings, plan_id, now) for plan_id in plan_ids)
        sender = make_sender(settings)
        waits: list[float] = []
        report = CycleReport(recorded=recorded)
        sender.sleep = counting_sleep(waits)
        posted = note_posts(sender.client)
        started = time.perf_counter()
        deliver_owed(database, settings, sender, WORKER, now, report)
        seconds = time.perf_counter() - started
        result = DeliveryResult(recorded, len(report.sent), len(report.failed),
                                len(fake.violations), seconds, waits)
        for channel in sorted({d.channel for d in report.sent}):
            arrivals = [fake.arrival(str(m["ts"])) for m in fake.messages(channel)]
            result.per_channel[channel] = len(arrivals)
            gaps = [b - a for a, b in pairwise(arrivals)]
            if gaps:
                result.min_gaps[channel] = min(gaps)
                result.min_handed_gaps[channel] = min(b - a for a, b in pairwise(posted[channel]))
    return result


# ---- the run ----------------------------------------------------------------------------------


def run(options: Options, url: str) -> int:
    print(f"Database: {url}")
    database = Database(url)
    try:
        with database.committed() as session:
            if session.scalar(select(func.count()).select_from(Plan)):
                print("This database already holds plans; give the bench an empty one.",
                      file=sys.stderr)
                return 2
        for day in INSTANTS:
            assert is_working_day(day), day
        started = time.perf_counter()
        print(f"Building {options.plans} plans of {options.actions_per_plan} actions and "
              f"{options.owners_per_plan} owners (not measured) …", flush=True)
        plan_ids = build(database, options)
        print(f"Built in {time.perf_counter() - started:.1f} s: "
              f"{describe(database, INSTANTS[0])}\n")

        print(f"Working out what is due (nudges_between for every plan), "
              f"{options.repeats} passes per instant:")
        timings = [time_work_out_due(database, url, day, options.repeats) for day in INSTANTS]
        for timing in timings:
            print("\n".join(timing.lines()))
        record_seconds, recorded = time_record_due(database, url, INSTANTS[0], plan_ids)
        print(f"record_due for every plan on an empty ledger (computation + ledger inserts), "
              f"at {INSTANTS[0]}: {record_seconds:.3f} s, {recorded} rows added\n")

        subset = plan_ids[:options.delivery_plans]
        print(f"Delivering {len(subset)} plans' nudges at {INSTANTS[0]} through the fake Slack "
              f"with the production sender (1 message per second per channel) …", flush=True)
        delivery = deliver(database, url, INSTANTS[0], subset)
        print("\n".join(delivery.lines()))
    finally:
        database.dispose()
    return summary(options, timings, record_seconds, delivery)


def summary(options: Options, timings: list[DueTiming], record_seconds: float,
            delivery: DeliveryResult) -> int:
    scale = (f"{options.plans} plans x {options.owners_per_plan} channels, "
             f"{options.plans * options.actions_per_plan} actions")
    rows: list[tuple[str, str, str, str]] = []
    for timing in timings:
        rows.append((f"what is due at {timing.today} ({scale}), median",
                     f"< {TARGET_SECONDS:.1f} s", f"{timing.median:.3f} s",
                     "PASS" if timing.median < TARGET_SECONDS else "FAIL"))
    rows.append((f"record_due, every plan, at {timings[0].today} (for information)", "-",
                 f"{record_seconds:.3f} s", "info"))
    gap = delivery.smallest_gap
    rows.append((f"delivery: smallest gap in a channel ({delivery.sent} messages, "
                 f"{len(delivery.per_channel)} channels)", f">= {SLACK_MIN_GAP:.1f} s",
                 f"{gap:.5f} s" if gap is not None else "n/a",
                 "PASS" if delivery.passed else "FAIL"))
    width = max(len(r[0]) for r in rows)
    print("\nSummary")
    print(f"  {'measure':<{width}}  {'target':>9}  {'measured':>10}  result")
    for name, target, measured, result in rows:
        print(f"  {name:<{width}}  {target:>9}  {measured:>10}  {result}")
    if not options.plans * options.actions_per_plan >= 10_000:
        print("  (--quick or a smaller scale: the issue's target is for 100 plans and 10,000 "
              "actions)")
    return 1 if any(r[3] == "FAIL" for r in rows) else 0


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true",
                        help="10 plans, 3 passes, 1 plan delivered (a smoke run)")
    parser.add_argument("--database-url", help="an empty database (default: SQLite in a "
                        "temporary directory)")
    parser.add_argument("--plans", type=int, help="plans to build (default 100; 10 if --quick)")
    parser.add_argument("--actions-per-plan", type=int, default=100)
    parser.add_argument("--owners-per-plan", type=int, default=50)
    parser.add_argument("--repeats", type=int, help="passes per instant (default 5; 3 if --quick)")
    parser.add_argument("--delivery-plans", type=int,
                        help="plans whose nudges are delivered (default 3; 1 if --quick)")
    args = parser.parse_args(argv)
    quick = bool(args.quick)
    return Options(plans=args.plans or (10 if quick else 100),
                   actions_per_plan=args.actions_per_plan,
                   owners_per_plan=args.owners_per_plan,
                   repeats=args.repeats or (3 if quick else 5),
                   delivery_plans=args.delivery_plans or (1 if quick else 3),
                   database_url=args.database_url)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    if options.database_url:
        return run(options, options.database_url)
    with tempfile.TemporaryDirectory(prefix="lscb-bench-nudges-") as directory:
        return run(options, f"sqlite:///{Path(directory) / 'nudges.sqlite3'}")


if __name__ == "__main__":
    sys.exit(main())
