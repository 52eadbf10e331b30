"""`/lscb overdue` and `/lscb my-actions` over HTTP on a big plan, against a no-op bolt app.

Target: on a plan of 10,000 actions and 1,000 owners, p99 under 100 ms, and p50 within 2x
of the fastest bolt app answering a no-op command (`process_before_response=True`, served
by the same waitress server), measured side by side in one run.

What it does:

1. imports a synthetic plan (bench/synthetic.py) into DATABASE_URL (default: SQLite in a
   temporary directory) and links Slack users to owners (U0001 speaks for 3 owners);
2. starts a FakeSlack (tests/fakeslack.py) for the Web API calls bolt makes (auth.test);
3. starts two serving subprocesses: the real bot (`python -m bot.cli serve`) and the
   baseline (bench/baseline_app.py), both on waitress via `bot.web.make_server`, and waits
   for each by polling GET /healthz;
4. sends signed slash commands one at a time, kinds interleaved in a shuffled order each
   round, over a fresh connection each (urllib, no keep-alive): warm-up rounds, then
   measured ones, within --budget seconds;
5. prints p50 / p99 / max per kind, p50 against the baseline's, whether the targets are met,
   the reply sizes, and the peak RSS (VmHWM) of each serving process tree.

`help` is measured too, as a reference: the bot's fixed cost per command.

If a server dies mid-run (the bot has been seen to segfault on CPython 3.11), its crash is
recorded with the stack faulthandler logged, it is restarted and the run goes on; the
failed request counts as a failure. `--stop-on-crash` ends the run at the first crash.

Run: `.venv/bin/python bench/bench_commands.py [--requests N] [--database-url URL] [--quick]`
Exit status: 0 all targets met, 1 a target missed, 2 a server crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.error import URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import BENCH_TODAY, BENCH_USER, load_synthetic_plan  # noqa: E402
from tests.fakeslack import FakeSlack, signed_slash_command  # noqa: E402

P99_TARGET_MS = 100.0
P50_RATIO_TARGET = 2.0
READY_TIMEOUT_S = 60.0
POLL_INTERVAL_S = 0.02
REQUEST_TIMEOUT_S = 30.0
RSS_EVERY = 25  # rounds between samples of the servers' peak RSS
MAX_RESTARTS = 200
BOT_TOKEN = "xoxb-bench-token"
OVERDUE_USER = "U0999"  # any user: `overdue` is the whole plan's
BASELINE = "baseline"
_SERVING = re.compile(r"Serving Slack at http://[^:]+:(\d+)/")

JSONish = dict[str, Any] | str


# --------------------------------------------------------------------------------------------
# Serving subprocesses
# --------------------------------------------------------------------------------------------


@dataclass
class Server:
    """A serving subprocess (restartable), its log file and the port it bound."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_dir: Path
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    port: int = 0
    incarnation: int = 0

    @property
    def proc(self) -> subprocess.Popen[bytes]:
        if self.process is None:
            raise RuntimeError(f"{self.name} was never started")
        return self.process

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def events_url(self) -> str:
        return f"{self.url}/slack/events"

    def start(self) -> None:
        self.incarnation += 1
        self.port = 0
        self.log_path = self.log_dir / f"{self.name}.{self.incarnation}.log"
        with self.log_path.open("wb") as log:
            # Its own session: a Ctrl-C reaches only the bench, which then stops it here.
            self.process = subprocess.Popen(self.argv, cwd=ROOT, env=self.env,
                                            stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)

    def log_lines(self) -> list[str]:
        if self.log_path is None:
            return []
        try:
            return self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return []

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_lines()[-lines:])

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


class Servers:
    """Every subprocess the bench started; all are stopped on exit, Ctrl-C included."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started: list[Server] = []

    def start(self, name: str, argv: list[str], env: dict[str, str]) -> Server:
        server = Server(name, argv, env, self.log_dir)
        self.started.append(server)
        server.start()
        return server

    def stop_all(self) -> None:
        for server in reversed(self.started):
            server.stop()


def wait_until_ready(server: Server, timeout: float = READY_TIMEOUT_S) -> float:
    """Poll the log for the bound port, then GET /healthz until 200; seconds it took."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.proc.returncode}:\n"
                               f"{server.log_tail()}")
        if not server.port:
            match = next((m for line in server.log_lines() if (m := _SERVING.search(line))),
                         None)
            server.port = int(match[1]) if match else 0
        if server.port and _healthy(server.url):
            return time.monotonic() - started
        time.sleep(POLL_INTERVAL_S)
    raise RuntimeError(f"{server.name} was not ready within {timeout:.0f} s:\n"
                       f"{server.log_tail()}")


def _healthy(url: str) -> bool:
    try:
        with urlopen(f"{url}/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except (URLError, OSError):
        return False


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(c) for c in (task / "children").read_text().split()]
    return found


def process_tree(pid: int) -> list[int]:
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += _children(current)
    return tree


def peak_rss_kib(pid: int) -> tuple[int, int]:
    """Summed VmHWM (peak resident set, KiB) of `pid` and its descendants, and their count."""
    total, count = 0, 0
    for member in process_tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
                    count += 1
    return total, count


class PeakRss:
    """The largest summed VmHWM seen per server, sampled between requests (a process that
    dies takes its /proc entry with it, so the samples before that are kept)."""

    def __init__(self, servers: list[Server]) -> None:
        self.servers = servers
        self.peak: dict[str, tuple[int, int]] = {s.name: (0, 0) for s in servers}

    def sample(self) -> dict[str, tuple[int, int]]:
        for server in self.servers:
            if server.process is not None and server.process.poll() is None:
                kib, count = peak_rss_kib(server.process.pid)
                if kib > self.peak[server.name][0]:
                    self.peak[server.name] = (kib, count)
        return self.peak


# --------------------------------------------------------------------------------------------
# Requests
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One kind of request: which server, which command text, as whom."""

    name: str
    server: Server
    text: str
    user_id: str
    is_target: bool


@dataclass
class Samples:
    kind: Kind
    warmup_ms: list[float] = field(default_factory=list)
    measured_ms: list[float] = field(default_factory=list)
    failures: int = 0
    errors: list[str] = field(default_factory=list)
    blocks: int = 0
    reply_bytes: int = 0
    headline: str = ""


@dataclass(frozen=True)
class Crash:
    server: str
    pid: int
    exit: str
    after_requests: int
    during: str
    stack: tuple[str, ...]


@dataclass
class Outcome:
    """What the rounds produced: samples, how long measuring took, and what got in the way."""

    samples: dict[str, Samples]
    rounds: int = 0
    measured_for: float = 0.0
    cut: bool = False
    stopped_by_crash: bool = False
    crashes: list[Crash] = field(default_factory=list)
    requests_sent: int = 0


class ServerDied(Exception):
    def __init__(self, server: Server) -> None:
        super().__init__(f"{server.name} died")
        self.server = server


def send(kind: Kind, secret: str) -> tuple[float, int, JSONish]:
    """One signed slash command on a fresh connection; (milliseconds, status, body).

    Raises ServerDied when the server hung up because its process is gone.
    """
    started = time.perf_counter()
    try:
        status, body = signed_slash_command(kind.server.events_url, secret, text=kind.text,
                                            user_id=kind.user_id, timeout=REQUEST_TIMEOUT_S)
    except OSError as error:  # e.g. RemoteDisconnected, ConnectionRefused
        with contextlib.suppress(subprocess.TimeoutExpired):
            kind.server.proc.wait(timeout=2)
        if kind.server.proc.returncode is not None:
            raise ServerDied(kind.server) from error
        return (time.perf_counter() - started) * 1000, 0, f"{type(error).__name__}: {error}"
    return (time.perf_counter() - started) * 1000, status, body


def describe(samples: Samples, status: int, body: JSONish) -> None:
    """Check a reply is real (200; blocks where blocks are due) and note its size."""
    name = samples.kind.name
    if status != 200:
        raise RuntimeError(f"{name}: HTTP {status}: {str(body)[:300]}\n"
                           f"{samples.kind.server.log_tail()}")
    if isinstance(body, dict):
        blocks = body.get("blocks") or []
        samples.blocks = len(blocks)
        samples.reply_bytes = len(json.dumps(body).encode())
        header = next((b for b in blocks if b.get("type") == "header"), None)
        samples.headline = header["text"]["text"] if header else str(body.get("text", ""))[:80]
    else:
        samples.blocks, samples.reply_bytes, samples.headline = 0, len(body.encode()), body[:80]
    if samples.kind.is_target and not samples.blocks:
        raise RuntimeError(f"{name} answered without blocks: {str(body)[:300]}")
    if name == "overdue" and not samples.headline.startswith("Overdue"):
        raise RuntimeError(f"overdue answered {samples.headline!r}, not an overdue list")
    if name == "my-actions" and not samples.headline.startswith("Your actions"):
        raise RuntimeError(f"my-actions answered {samples.headline!r}: is {BENCH_USER} linked?")


class Runner:
    """Warm-up then measured rounds, one request per kind each round, in shuffled order.

    Warm-up may use at most a quarter of the budget; measuring stops at the budget. A
    server that dies is recorded and restarted, unless `stop_on_crash`.
    """

    def __init__(self, kinds: list[Kind], secret: str, rss: PeakRss, *, seed: int,
                 stop_on_crash: bool) -> None:
        self.kinds, self.secret, self.rss = kinds, secret, rss
        self.rng = random.Random(seed)
        self.stop_on_crash = stop_on_crash
        self.outcome = Outcome({k.name: Samples(k) for k in kinds})

    def run(self, warmup: int, requests: int, budget_s: float) -> Outcome:
        outcome = self.outcome
        try:
            for kind in self.kinds:
                status, body = self._request(kind, measuring=None)
                describe(outcome.samples[kind.name], status, body)
            started = time.monotonic()
            warmup_deadline, deadline = started + budget_s / 4, started + budget_s
            measure_started = started
            for round_number in range(warmup + requests):
                measuring = round_number >= warmup
                if measuring and round_number == warmup:
                    measure_started = time.monotonic()
                if time.monotonic() > (deadline if measuring else warmup_deadline):
                    if measuring:
                        outcome.cut = True
                        break
                    continue
                if round_number % RSS_EVERY == 0:
                    self.rss.sample()
                order = self.kinds[:]
                self.rng.shuffle(order)
                for kind in order:
                    self._request(kind, measuring)
                if measuring:
                    outcome.rounds += 1
                    outcome.measured_for = time.monotonic() - measure_started
        except ServerDied:
            outcome.stopped_by_crash = True
        return outcome

    def _request(self, kind: Kind, measuring: bool | None) -> tuple[int, JSONish]:
        """Send one; record its time (measuring: True/False, None = not at all)."""
        samples = self.outcome.samples[kind.name]
        try:
            elapsed, status, body = send(kind, self.secret)
        except ServerDied as died:
            self._crashed(died.server, kind)
            samples.failures += 1
            samples.errors.append(f"{died.server.name} died: {self.outcome.crashes[-1].exit}")
            if self.stop_on_crash or len(self.outcome.crashes) > MAX_RESTARTS:
                raise
            died.server.start()
            wait_until_ready(died.server)
            self._rewarm(died.server)
            return 0, "server restarted"
        finally:
            self.outcome.requests_sent += 1
        if status != 200:
            samples.failures += 1
            samples.errors.append(f"HTTP {status}: {str(body)[:200]}")
        elif measuring is not None:
            (samples.measured_ms if measuring else samples.warmup_ms).append(elapsed)
        return status, body

    def _rewarm(self, server: Server) -> None:
        """One unrecorded request of each of the restarted server's kinds (a cold process
        would otherwise put its first-request costs into the figures)."""
        for kind in self.kinds:
            if kind.server is server:
                with contextlib.suppress(ServerDied):
                    send(kind, self.secret)

    def _crashed(self, server: Server, kind: Kind) -> None:
        self.rss.sample()
        lines = server.log_lines()
        start = next((i for i, line in enumerate(lines) if line.startswith("Current thread")),
                     None)
        stack = tuple(lines[start:start + 16]) if start is not None else tuple(lines[-12:])
        self.outcome.crashes.append(Crash(server.name, server.proc.pid,
                                          describe_exit(server.proc.returncode),
                                          self.outcome.requests_sent + 1, kind.name, stack))


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p99 of 1,000 values is the 990th smallest)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def client_parse_ms(body: dict[str, Any], repeat: int = 50) -> float:
    """What the bench's own json.loads of a reply costs (it is inside every timing)."""
    raw = json.dumps(body)
    started = time.perf_counter()
    for _ in range(repeat):
        json.loads(raw)
    return (time.perf_counter() - started) * 1000 / repeat


def describe_exit(code: int | None) -> str:
    if code is None:
        return "running"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exited with status {code}"


def _stats(values: list[float]) -> tuple[float, float, float, float]:
    if not values:
        return math.nan, math.nan, math.nan, math.nan
    return (statistics.median(values), percentile(values, 99), max(values),
            statistics.fmean(values))


def report(outcome: Outcome, servers: list[Server], rss: dict[str, tuple[int, int]]) -> bool:
    """Print the table, the verdicts, the RSS and any crashes; True if every target is met."""
    samples = outcome.samples
    measured = any(s.measured_ms for s in samples.values())

    def pick(s: Samples) -> list[float]:
        return s.measured_ms if measured else s.warmup_ms

    base_p50 = _stats(pick(samples[BASELINE]))[0]
    print()
    if not measured:
        print("!! No measured rounds: the figures below are WARM-UP requests only.")
    print(f"{'kind':<12}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'mean ms':>9}"
          f"{'p50/base':>10}{'fail':>6}  {'blocks':>6}{'bytes':>8}  reply")
    all_met = measured and not outcome.crashes and not outcome.cut
    verdicts: list[str] = []
    for s in samples.values():
        values = pick(s)
        p50, p99, top, mean = _stats(values)
        ratio = p50 / base_p50
        print(f"{s.kind.name:<12}{len(values):>6}{p50:>9.2f}{p99:>9.2f}{top:>9.2f}"
              f"{mean:>9.2f}{ratio:>9.2f}x{s.failures:>6}  {s.blocks:>6}{s.reply_bytes:>8}"
              f"  {s.headline[:50]}")
        all_met = all_met and not s.failures
        if s.kind.is_target:
            p99_ok, ratio_ok = p99 < P99_TARGET_MS, ratio <= P50_RATIO_TARGET
            all_met = all_met and p99_ok and ratio_ok and not s.failures
            verdicts.append(
                f"  {s.kind.name:<11} p99 {p99:7.2f} ms < {P99_TARGET_MS:.0f} ms: "
                f"{'MET' if p99_ok else 'MISSED'};  p50 {p50:7.2f} ms <= "
                f"{P50_RATIO_TARGET:.0f} x {base_p50:.2f} ms: "
                f"{'MET' if ratio_ok else f'MISSED ({ratio:.1f}x)'}"
                f"{f';  {s.failures} FAILED' if s.failures else ''}")
    print()
    print(f"Targets (p99 < {P99_TARGET_MS:.0f} ms; p50 within {P50_RATIO_TARGET:.0f}x of the "
          f"no-op baseline's p50):")
    print("\n".join(verdicts))
    print()
    print("Peak RSS (VmHWM summed over each serving process tree):")
    for server in servers:
        kib, count = rss[server.name]
        restarts = f", {server.incarnation - 1} restart(s)" if server.incarnation > 1 else ""
        print(f"  {server.name:<10} {kib / 1024:8.1f} MiB  ({count} process"
              f"{'es' if count != 1 else ''}{restarts})")
    print()
    print(f"Measured {outcome.rounds} rounds in {outcome.measured_for:.1f} s"
          f"{' (CUT SHORT by --budget)' if outcome.cut else ''}; "
          f"{outcome.requests_sent} requests sent in all.")
    _report_crashes(outcome)
    print(f"Overall: {'all targets met' if all_met else 'target(s) MISSED'}")
    return all_met


def _report_crashes(outcome: Outcome) -> None:
    if not outcome.crashes:
        return
    first = outcome.crashes[0]
    gaps = [b.after_requests - a.after_requests
            for a, b in zip(outcome.crashes, outcome.crashes[1:], strict=False)]
    during = sorted({c.during for c in outcome.crashes})
    print(f"!! {len(outcome.crashes)} CRASH(ES): {first.server} {first.exit}, first after "
          f"{first.after_requests} requests"
          f"{f', then every {statistics.median(gaps):.0f} (median)' if gaps else ''}; "
          f"during: {', '.join(during)}"
          f"{'; the run STOPPED there' if outcome.stopped_by_crash else '; restarted each time'}"
          f".")
    print("   The first crashing thread, as faulthandler logged it:")
    print("\n".join("   " + line for line in first.stack))


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=None,
                        help="measured requests per kind (default 1000; --quick: 50)")
    parser.add_argument("--warmup", type=int, default=None,
                        help="warm-up requests per kind (default 300; --quick: 20)")
    parser.add_argument("--actions", type=int, default=None,
                        help="actions in the synthetic plan (default 10000; --quick: 1000)")
    parser.add_argument("--owners", type=int, default=None,
                        help="owners in the synthetic plan (default 1000; --quick: 100)")
    parser.add_argument("--database-url", default="",
                        help="where to import the plan (default: SQLite in a temp dir)")
    parser.add_argument("--budget", type=float, default=None,
                        help="seconds for warm-up plus measuring, at most "
                             "(default 150; --quick: 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 1,000 actions, 50 requests per kind")
    parser.add_argument("--stop-on-crash", action="store_true",
                        help="end the run when a server dies, instead of restarting it")
    parser.add_argument("--no-reply-cache", action="store_true",
                        help="serve with LSCB_REPLY_CACHE=off: every reply built afresh")
    parser.add_argument("--with-default-runner", action="store_true",
                        help="also measure a no-op bolt app with the default listener runner")
    args = parser.parse_args(argv)
    quick = args.quick
    defaults = {"requests": (1000, 50), "warmup": (300, 20), "actions": (10_000, 1000),
                "owners": (1000, 100), "budget": (150.0, 10.0)}
    for name, (full, smoke) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, smoke if quick else full)
    return args


def server_env(database_url: str, secret: str, api_url: str,
               reply_cache: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "LSCB_", "DATABASE_URL", "PORT"))}
    env.update(DATABASE_URL=database_url, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=secret,
               SLACK_API_URL=api_url, LSCB_TODAY=BENCH_TODAY.isoformat(), LSCB_SCHEDULER="off",
               PORT="0", PYTHONUNBUFFERED="1", LSCB_REPLY_CACHE="on" if reply_cache else "off",
               PYTHONFAULTHANDLER="1")  # a crash then logs every thread's Python stack
    return env


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """A SIGTERM to the bench unwinds like Ctrl-C, so the servers are stopped either way."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous: Callable[[int, FrameType | None], Any] | int | None = signal.signal(
        signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(args: argparse.Namespace, servers: Servers, fake: FakeSlack) -> int:
    """Set up, measure, report; 0 if every target is met, 1 if not, 2 if a server died."""
    clock = time.monotonic()
    database_url = args.database_url or f"sqlite:///{servers.log_dir / 'bench.sqlite3'}"
    loaded = load_synthetic_plan(database_url, args.actions, args.owners, args.seed)
    print(f"Plan: {args.actions} actions ({len(loaded.report.created)} new), {args.owners} "
          f"owners, {loaded.links} new user links; {BENCH_USER} speaks for "
          f"{', '.join(loaded.bench_user_owners)}  [{time.monotonic() - clock:.1f} s]")
    print(f"Database: {database_url.split('@')[-1]}; Python {sys.version.split()[0]}")
    secret = secrets.token_hex(16)
    env = server_env(database_url, secret, fake.base_url, reply_cache=not args.no_reply_cache)
    python = sys.executable
    bot = servers.start("bot", [python, "-m", "bot.cli", "serve"], env)
    baseline = servers.start(BASELINE, [python, "bench/baseline_app.py"], env)
    started = [bot, baseline]
    if args.with_default_runner:
        started.append(servers.start("default", [python, "bench/baseline_app.py",
                                                 "--default-runner"], env))
    for server in started:
        took = wait_until_ready(server)
        print(f"{server.name}: pid {server.proc.pid}, ready on port {server.port} "
              f"after {took:.2f} s")
    kinds = [Kind(BASELINE, baseline, "", OVERDUE_USER, is_target=False),
             Kind("overdue", bot, "overdue", OVERDUE_USER, is_target=True),
             Kind("my-actions", bot, "my-actions", BENCH_USER, is_target=True),
             Kind("help (ref)", bot, "help", OVERDUE_USER, is_target=False)]
    if args.with_default_runner:
        kinds.append(Kind("default", started[2], "", OVERDUE_USER, is_target=False))
    print(f"Sending {args.warmup} warm-up + {args.requests} measured requests per kind, "
          f"interleaved, one at a time (budget {args.budget:.0f} s)…", flush=True)
    watch = PeakRss(started)
    runner = Runner(kinds, secret, watch, seed=args.seed, stop_on_crash=args.stop_on_crash)
    outcome = runner.run(args.warmup, args.requests, args.budget)
    met = report(outcome, started, watch.sample())
    if bot.proc.poll() is None:
        _, status, body = send(kinds[1], secret)
        if status == 200 and isinstance(body, dict):
            print(f"(Each timing includes the bench's own json.loads of the reply: about "
                  f"{client_parse_ms(body):.2f} ms for the overdue reply.)")
    if fake.violations:
        print(f"FakeSlack saw {len(fake.violations)} malformed call(s): {fake.violations[:3]}")
    print(f"Total {time.monotonic() - clock:.1f} s")
    return 2 if outcome.crashes else 0 if met else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with terminate_as_interrupt(), tempfile.TemporaryDirectory(prefix="lscb-bench-") as tmp, \
            FakeSlack() as fake:
        servers = Servers(Path(tmp))
        try:
            return run(args, servers, fake)
        except KeyboardInterrupt:
            print("\nInterrupted; stopping the servers.", file=sys.stderr)
            return 130
        finally:
            servers.stop_all()


if __name__ == "__main__":
    sys.exit(main())
