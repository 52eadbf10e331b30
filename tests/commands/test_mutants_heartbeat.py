"""The scheduler's pulse as /healthz and `lscb status` give it, judged from plain values:
the JSON answer whole, and a young server still "starting" up to the very end of its grace.
Written against mutants mutmut left alive in commands/status.py (issue 11)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commands.status import STALE, STARTING, judged
from storage.models import CycleBeat

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
FIVE_MINUTES = 5  # a cycle every five minutes: stale after fifteen


def test_the_health_answer_says_when_it_was_checked_and_what_the_last_cycle_did() -> None:
    beat = CycleBeat(worker="host:42", started_at=NOW - timedelta(minutes=2),
                     finished_at=NOW - timedelta(minutes=1), outcome="finished")
    assert judged(beat, beat, NOW, FIVE_MINUTES).as_json() == {
        "status": "ok", "database": "ok", "checked_at": "2014-10-15T11:00:00+00:00",
        "stale_after_seconds": 900,
        "last_cycle": {"started_at": "2014-10-15T10:58:00+00:00",
                       "finished_at": "2014-10-15T10:59:00+00:00",
                       "outcome": "finished", "worker": "host:42"}}


def test_a_server_is_starting_until_its_grace_is_over_then_stale() -> None:
    at_the_end = judged(None, None, NOW, FIVE_MINUTES, up_since=NOW - timedelta(minutes=15))
    after_it = judged(None, None, NOW, FIVE_MINUTES,
                      up_since=NOW - timedelta(minutes=15, seconds=1))
    assert (at_the_end.state, after_it.state) == (STARTING, STALE)
    assert at_the_end.as_json()["last_cycle"] == {
        "started_at": None, "finished_at": None, "outcome": None, "worker": None}
