"""Answers to read-only commands, reused until the plan changes or the day turns.

Every change to a plan writes an audit entry, so the plan's newest audit id
says whether anything an answer was built from could have changed. The key also
holds who asked (their links are plan data too, and audited), the local date
and the exact text. Working out the key is one light query; an answer is built,
with its own unit of work, only when the key is new.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

MAX_REPLIES = 512
T = TypeVar("T")


class ReplyCache(Generic[T]):
    def __init__(self, size: int = MAX_REPLIES,
                 keep: Callable[[T], bool] = lambda answer: True) -> None:
        self._size = size
        self._keep = keep
        self._replies: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def answer(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._lock:
            if key in self._replies:
                self._replies.move_to_end(key)
                return self._replies[key]
        reply = build()
        if self._keep(reply):
            with self._lock:
                self._replies[key] = reply
                while len(self._replies) > self._size:
                    self._replies.popitem(last=False)
        return reply
