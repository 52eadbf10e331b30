"""Replies built with slack_sdk's Block Kit models, always inside Slack's limits.

A message may hold 50 blocks and a section 3,000 characters. Long lists are packed
several lines to a section; what still does not fit is cut, with a count of what
was left out and the narrower command that shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from slack_sdk.models.blocks import (
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from commands.context import Reply

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_FALLBACK = 3000
T = TypeVar("T")


class ReplyBuilder:
    def __init__(self, max_blocks: int = MAX_BLOCKS) -> None:
        self._blocks: list[Any] = []
        self._plain: list[str] = []
        self._max = max_blocks - 1  # one block is kept for the "… and N more" line
        self._left_out = 0
        self._narrower = ""

    @property
    def full(self) -> bool:
        return len(self._blocks) >= self._max

    def header(self, text: str) -> ReplyBuilder:
        if not self.full:
            clipped = _clip(text, MAX_HEADER)
            self._blocks.append(HeaderBlock(text=clipped))
            self._plain.append(clipped)
        return self

    def section(self, mrkdwn: str) -> ReplyBuilder:
        """A section of its own; dropped, not counted, once the message is full."""
        if not self.full:
            self._add_section([_clip(mrkdwn)])
        return self

    def context(self, mrkdwn: str) -> ReplyBuilder:
        if not self.full:
            self._blocks.append(ContextBlock(elements=[MarkdownTextObject(
                text=_clip(mrkdwn))]))
            self._plain.append(mrkdwn)
        return self

    def divider(self) -> ReplyBuilder:
        if not self.full:
            self._blocks.append(DividerBlock())
        return self

    def lines(self, lines: Sequence[str], narrower: str = "") -> ReplyBuilder:
        """Pack lines into as few sections as fit; count those that do not fit at all."""
        return self.items(lines, str, narrower)

    def items(self, items: Sequence[T], render: Callable[[T], str],
              narrower: str = "") -> ReplyBuilder:
        """Like `lines`, rendering each item only if the message still has room for it."""
        chunk: list[str] = []
        size = 0
        for index, item in enumerate(items):
            if self.full:
                self._cut(len(items) - index + len(chunk), narrower)
                return self
            line = _clip(render(item))
            if chunk and size + 1 + len(line) > MAX_SECTION:
                self._add_section(chunk)
                chunk, size = [], 0
            chunk.append(line)
            size += len(line) + (1 if len(chunk) > 1 else 0)
        if chunk and not self._add_section(chunk):
            self._cut(len(chunk), narrower)
        return self

    def _add_section(self, chunk: list[str]) -> bool:
        if self.full:
            return False
        self._blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(chunk))))
        self._plain.extend(chunk)
        return True

    def leave_out(self, count: int, narrower: str = "") -> ReplyBuilder:
        """Count lines that were never offered because the message was already full."""
        self._cut(count, narrower)
        return self

    def _cut(self, count: int, narrower: str) -> None:
        self._left_out += count
        self._narrower = self._narrower or narrower

    def build(self, in_channel: bool = False) -> Reply:
        blocks = list(self._blocks)
        plain = list(self._plain)
        if self._left_out:
            hint = f" Narrow it down: `{self._narrower}`." if self._narrower else ""
            more = f"… and {self._left_out} more not shown.{hint}"
            blocks.append(ContextBlock(elements=[MarkdownTextObject(text=more)]))
            plain.append(more)
        return Reply(text=_fallback(plain), blocks=[b.to_dict() for b in blocks],
                     in_channel=in_channel)


def _clip(text: str, limit: int = MAX_SECTION) -> str:
    """Cut to `limit` characters without splitting an escape such as `&amp;`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    entity = cut.rfind("&")
    if entity > len(cut) - 6 and ";" not in cut[entity:]:
        cut = cut[:entity]
    return cut + "…"


def _fallback(lines: list[str]) -> str:
    return _clip("\n".join(lines) or " ", MAX_FALLBACK)


def simple(text: str) -> Reply:
    """A one-section reply, for confirmations and errors."""
    return ReplyBuilder().section(text).build()
