"""Replies built with slack_sdk's Block Kit models, always inside Slack's limits.

A message may hold 50 blocks and a section 3,000 characters. Long lists are packed
several lines to a section; what still does not fit is cut, with a count of what
was left out and the narrower command that shows it.
"""

from __future__ import annotations

from typing import Any

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
            clipped = text if len(text) <= MAX_HEADER else text[: MAX_HEADER - 1] + "…"
            self._blocks.append(HeaderBlock(text=clipped))
            self._plain.append(clipped)
        return self

    def section(self, mrkdwn: str) -> ReplyBuilder:
        return self.lines([mrkdwn])

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

    def lines(self, lines: list[str], narrower: str = "") -> ReplyBuilder:
        """Pack lines into as few sections as fit; count those that do not fit at all."""
        chunk: list[str] = []
        for index, line in enumerate(lines):
            line = _clip(line)
            if chunk and len("\n".join([*chunk, line])) > MAX_SECTION:
                if not self._add_section(chunk):
                    self._cut(len(lines) - index + len(chunk), narrower)
                    return self
                chunk = []
            chunk.append(line)
        if chunk and not self._add_section(chunk):
            self._cut(len(chunk), narrower)
        return self

    def _add_section(self, chunk: list[str]) -> bool:
        if self.full:
            return False
        self._blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(chunk))))
        self._plain.extend(chunk)
        return True

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


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SECTION else text[: MAX_SECTION - 1] + "…"


def _fallback(lines: list[str]) -> str:
    text = "\n".join(lines) or " "
    return text if len(text) <= MAX_FALLBACK else text[: MAX_FALLBACK - 1] + "…"


def simple(text: str) -> Reply:
    """A one-section reply, for confirmations and errors."""
    return ReplyBuilder().section(text).build()
