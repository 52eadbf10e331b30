"""Real scheduler processes: two racing over the same cycles, and one killed mid-send."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

from bot.cycle import run_cycle
from bot.delivery import SlackSender
from storage.database import Database
from tests.fakeslack import FakeSlack, Fault
from tests.scheduler.conftest import ADMIN, SettingsAt
from tests.scheduler.test_cycles import CHANNELS, ledger, posted_keys

ROOT = Path(__file__).resolve().parents[2]


def start_cycle(database: Database, fake: FakeSlack, day: date) -> subprocess.Popen[str]:
    """`lscb nudges run` in a process of its own, as the Procfile's worker would run it."""
    env = {**os.environ, "DATABASE_URL": database.url.replace("+psycopg", ""),
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": fake.base_url,
           "LSCB_TODAY": day.isoformat(), "LSCB_ADMINS": ADMIN}
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "nudges", "run"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def test_two_processes_racing_post_each_nudge_once(plan_database: Database,
                                                   fake: FakeSlack) -> None:
    racers = [start_cycle(plan_database, fake, date(2014, 6, 2)) for _ in range(2)]
    outputs = [racer.communicate(timeout=120)[0] for racer in racers]
    assert all(racer.returncode == 0 for racer in racers), outputs
    keys = posted_keys(fake)
    assert keys and max(Counter(keys).values()) == 1
    assert {d.status for d in ledger(plan_database) if d.channel.startswith("C")} == {"sent"}
    assert sum(o.count("  sent ") for o in outputs) == len(keys) + len(fake.posts(ADMIN))
    gaps = [float(b["ts"]) - float(a["ts"]) for channel in CHANNELS
            for a, b in pairwise(fake.posts(channel))]
    assert gaps and min(gaps) >= 0.95, gaps  # a second apart, whichever process posted


def test_a_process_killed_mid_send_neither_loses_nor_repeats(
        plan_database: Database, fake: FakeSlack, settings_at: SettingsAt,
        sender: SlackSender) -> None:
    for channel in CHANNELS:
        fake.invite(channel)  # linked with `/lscb channel`, which joins: the post is the first call
    fake.inject("chat.postMessage", Fault.hold())
    victim = start_cycle(plan_database, fake, date(2014, 6, 2))
    fake.wait_for("chat.postMessage", 1, timeout=60)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)
    fake.release()
    held = posted_keys(fake)
    assert len(held) == 1, "Slack had posted the held message before the kill"

    run_cycle(plan_database, settings_at(date(2014, 6, 2), claim_lease_seconds=0), sender,
              worker="restarted")
    keys = posted_keys(fake)
    assert max(Counter(keys).values()) == 1
    assert held[0] in keys
    assert {d.status for d in ledger(plan_database) if d.channel.startswith("C")} == {"sent"}
