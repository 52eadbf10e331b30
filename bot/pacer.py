"""Waiting one's turn to post to a channel, by the clock every process shares: the database."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from storage import pacing
from storage.database import Database


class Pacer(Protocol):
    def wait_turn(self, channel: str) -> None:
        """Return when a message may go to `channel` (sleeping if need be)."""

    def answered(self, channel: str) -> None:
        """Slack has just answered a post to `channel`."""


@dataclass
class DatabasePacer:
    """Slack's one message a second per channel (chat.postMessage, "Rate limiting"), kept
    in the database so two schedulers posting to one channel keep it between them too."""

    database: Database
    interval: float = 1.0
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep

    def wait_turn(self, channel: str) -> None:
        if self.interval <= 0:
            return
        with self.database.committed() as session:
            slot = pacing.reserve(session, channel, self._now_us(), self._gap_us())
        wait = (slot - self._now_us()) / 1_000_000
        if wait > 0:
            self.sleep(wait)

    def answered(self, channel: str) -> None:
        if self.interval <= 0:
            return
        with self.database.committed() as session:
            pacing.answered(session, channel, self._now_us(), self._gap_us())

    def _now_us(self) -> int:
        return int(self.clock() * 1_000_000)

    def _gap_us(self) -> int:
        return int(self.interval * 1_000_000)
