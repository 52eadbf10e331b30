"""The scheduler's heartbeat: each cycle's start and end, recorded where every process
(and a monitor asking GET /healthz) can read them."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from commands.status import heartbeat
from storage.database import Database
from storage.heartbeats import Heartbeats
from storage.timestamps import utcnow

log = logging.getLogger("lscb.heartbeat")
T = TypeVar("T")


def beating(database: Database, worker: str, cycle: Callable[[], T],
            clock: Callable[[], datetime] = utcnow) -> T:
    """Run `cycle`, recording its start and its end (finished, or failed and re-raised).
    The times are the real clock's, not LSCB_TODAY's: they say when the process worked."""
    with database.committed() as session:
        Heartbeats(session).started(worker, clock())
    try:
        result = cycle()
    except BaseException:
        _ended(database, worker, clock(), failed=True)
        raise
    _ended(database, worker, clock(), failed=False)
    return result


def _ended(database: Database, worker: str, at: datetime, *, failed: bool) -> None:
    try:
        with database.committed() as session:
            Heartbeats(session).ended(worker, at, failed=failed)
    except Exception:  # the database is down: the beat's absence says so by itself
        log.exception("Could not record the end of a cycle")


@dataclass
class HealthCheck:
    """GET /healthz: 200 with the heartbeat as JSON; 503 when the database does not answer
    or no cycle has finished for three cycle intervals (counting from this server's start
    when none has since)."""

    database: Database
    cycle_minutes: int = 5
    clock: Callable[[], datetime] = utcnow
    up_since: datetime = field(default_factory=utcnow)

    def answer(self) -> tuple[int, dict[str, Any]]:
        if not self.database.is_reachable():
            return 503, {"status": "database_unavailable", "database": "unavailable"}
        with self.database.unit_of_work() as session:
            beat = heartbeat(session, self.clock(), self.cycle_minutes, self.up_since)
        return (200 if beat.healthy else 503), beat.as_json()

    def __call__(self, start_response: Callable[..., Any]) -> Iterable[bytes]:
        code, body = self.answer()
        start_response("200 OK" if code == 200 else "503 Service Unavailable",
                       [("Content-Type", "application/json"), ("Cache-Control", "no-store")])
        return [json.dumps(body).encode() + b"\n"]
