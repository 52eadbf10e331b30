"""The scheduler's heartbeat: each cycle's start and end in the database, GET /healthz
going stale when no cycle finishes for three cycle intervals, and recovering."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.heartbeat import HealthCheck, beating
from storage.database import Database
from storage.heartbeats import Heartbeats


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, minutes: float) -> None:
        self.at += timedelta(minutes=minutes)


START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def cycle(clock: Clock, minutes: float = 0.5) -> str:
    clock.advance(minutes)
    return "Recorded 0 new nudges"


def test_a_cycle_records_its_start_and_end(database: Database) -> None:
    clock = Clock(START)
    assert beating(database, "web:1", lambda: cycle(clock), clock) == "Recorded 0 new nudges"
    with database.unit_of_work() as session:
        beat = Heartbeats(session).last_finished()
    assert beat is not None
    assert (beat.worker, beat.started_at, beat.outcome) == ("web:1", START, "finished")
    assert beat.finished_at == START + timedelta(seconds=30)


def test_a_failing_cycle_is_recorded_and_does_not_count_as_finished(database: Database) -> None:
    clock = Clock(START)
    beating(database, "web:1", lambda: cycle(clock), clock)

    def broken() -> str:
        clock.advance(1)
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError):
        beating(database, "web:1", broken, clock)
    with database.unit_of_work() as session:
        beats = Heartbeats(session)
        finished, started = beats.last_finished(), beats.last_started()
    assert started is not None and started.outcome == "failed"
    assert finished is not None and finished.finished_at == START + timedelta(seconds=30)


def answer(check: HealthCheck) -> tuple[int, dict[str, Any]]:
    """What a monitor gets: the status code and the JSON, parsed back from the bytes."""
    got: list[str] = []
    body = b"".join(check(lambda status, headers: got.append(status)))
    return int(got[0].split()[0]), json.loads(body)


def test_health_goes_stale_after_three_intervals_and_recovers(database: Database) -> None:
    clock = Clock(START)
    check = HealthCheck(database, cycle_minutes=5, clock=clock, up_since=START)
    code, body = answer(check)
    assert (code, body["status"], body["last_cycle"]["finished_at"]) == (200, "starting", None)
    clock.advance(16)  # the scheduler never ran a cycle
    assert answer(check)[0] == 503

    beating(database, "worker:7", lambda: cycle(clock), clock)
    code, body = answer(check)
    assert (code, body["status"], body["database"]) == (200, "ok", "ok")
    assert body["last_cycle"] == {"started_at": "2026-12-02T09:16:00+00:00",
                                  "finished_at": "2026-12-02T09:16:30+00:00",
                                  "outcome": "finished", "worker": "worker:7"}
    assert body["stale_after_seconds"] == 900

    clock.advance(15)  # exactly three intervals: still fine
    assert answer(check)[0] == 200
    clock.advance(0.5)  # past them: the scheduler has stopped
    code, body = answer(check)
    assert (code, body["status"]) == (503, "stale")

    beating(database, "worker:8", lambda: cycle(clock), clock)  # a restarted worker
    code, body = answer(check)
    assert (code, body["status"], body["last_cycle"]["worker"]) == (200, "ok", "worker:8")


def test_a_long_cycle_still_running_does_not_keep_it_fresh(database: Database) -> None:
    clock = Clock(START)
    check = HealthCheck(database, cycle_minutes=1, clock=clock, up_since=START)
    beating(database, "w", lambda: cycle(clock), clock)
    with database.committed() as session:
        Heartbeats(session).started("w", clock())  # a cycle hangs
    clock.advance(4)
    code, body = answer(check)
    assert (code, body["last_cycle"]["outcome"]) == (503, "running")


def test_health_answers_503_in_json_when_the_database_is_down(tmp_path: Any) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = Database(f"sqlite:///{folder / 'lscb.sqlite3'}")
    folder.rename(tmp_path / "gone")
    database.engine.dispose()
    try:
        assert answer(HealthCheck(database)) == (503, {"status": "database_unavailable",
                                                       "database": "unavailable"})
    finally:
        database.dispose()
