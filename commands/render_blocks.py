"""Pages rendered as Slack messages: Block Kit, escaped once, always inside Slack's limits.

A message may hold 50 blocks (a view 100), a section 3,000 characters and a header 150.
Slack also refuses a message whose blocks carry more than roughly 12,000 characters of
text in all (`msg_blocks_too_long`: undocumented, reported by bolt users), so a message
is kept under 10,000. Long lists are packed several lines to a section; what still does
not fit is cut, with a count of what was left out and the narrower command that shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from commands.page import (
    COMMAND,
    Bold,
    Buttons,
    ChannelRef,
    Code,
    Command,
    Divider,
    Heading,
    Italic,
    Items,
    LeftOut,
    Line,
    Mention,
    Note,
    Page,
    Paragraph,
    Span,
    as_typed,
)

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_FALLBACK = 3000
MAX_BLOCK_TEXT = 10_000  # Slack refuses about 12,000 (msg_blocks_too_long); keep clear of it
ROOM_FOR_MORE = 200  # kept back for the "… and N more" line

_USER_ID = re.compile(r"[UW][A-Z0-9]{1,20}")
_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{1,20}")
_SAFE_URL = re.compile(r"https?://[^\s<>|]{1,2000}")


@dataclass
class Reply:
    """A Slack message: Block Kit, a plain-text fallback, and who sees it."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    in_channel: bool = False
    is_error: bool = False

    def as_message(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks,
                "response_type": "in_channel" if self.in_channel else "ephemeral"}


def escape(text: str) -> str:
    """Escape text for Slack mrkdwn, so typed text can never ping @channel or forge a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mrkdwn(spans: Line, command: str = COMMAND) -> str:
    """One line as Slack mrkdwn, every piece of typed text escaped exactly once."""
    return "".join(_mrkdwn(span, command) for span in spans)


def _mrkdwn(span: Span, command: str) -> str:
    if isinstance(span, str):
        return escape(span)
    if isinstance(span, Bold):
        return f"*{escape(span.text)}*" if span.text.strip() else escape(span.text)
    if isinstance(span, Italic):
        return f"_{escape(span.text)}_" if span.text.strip() else escape(span.text)
    if isinstance(span, Code):
        return f"`{escape(span.text.replace('`', chr(39)))}`"
    if isinstance(span, Command):
        return f"`{escape(f'{command} {span.words}'.rstrip().replace('`', chr(39)))}`"
    if isinstance(span, Mention):
        valid = _USER_ID.fullmatch(span.user_id)
        return f"<@{span.user_id}>" if valid else escape(f"@{span.label or span.user_id}")
    if isinstance(span, ChannelRef):
        valid = _CHANNEL_ID.fullmatch(span.channel_id)
        return f"<#{span.channel_id}>" if valid else escape(f"#{span.label or span.channel_id}")
    if not _SAFE_URL.fullmatch(span.url):
        return escape(f"{span.label} ({span.url})" if span.label else span.url)
    return f"<{span.url}|{escape(span.label)}>" if span.label else f"<{span.url}>"


def to_reply(page: Page, max_blocks: int = MAX_BLOCKS, command: str = COMMAND) -> Reply:
    """The page as a Slack message, cut to fit."""
    buttons = sum(isinstance(block, Buttons) for block in page.blocks)
    message = _Message(max_blocks - buttons, command)  # buttons are never cut
    for block in page.blocks:
        message.add(block)
    return message.reply(page)


def to_blocks(page: Page, max_blocks: int = MAX_VIEW_BLOCKS, command: str = COMMAND
              ) -> list[dict[str, Any]]:
    """The page's blocks alone, for a view such as the App Home."""
    return to_reply(page, max_blocks, command).blocks


class _Message:
    def __init__(self, max_blocks: int, command: str) -> None:
        self._blocks: list[Any] = []
        self._plain: list[str] = []
        self._max = max_blocks - 1  # one block is kept for the "… and N more" line
        self._room = MAX_BLOCK_TEXT - ROOM_FOR_MORE
        self._left_out = 0
        self._narrower = ""
        self._command = command

    def _fits(self, size: int) -> bool:
        return len(self._blocks) < self._max and size <= self._room

    def add(self, block: Any) -> None:
        if isinstance(block, Items):
            self._items(block)
        elif isinstance(block, LeftOut):
            self._cut(block.count, block.narrower)
        elif isinstance(block, Heading):
            text = clip(as_typed(block.text, self._command), MAX_HEADER)
            self._append(HeaderBlock(text=text), text)
        elif isinstance(block, Paragraph):
            self._section([clip(mrkdwn(block.line, self._command))])
        elif isinstance(block, Note):
            text = clip(mrkdwn(block.line, self._command))
            self._append(ContextBlock(elements=[MarkdownTextObject(text=text)]), text)
        elif isinstance(block, Divider):
            self._append(DividerBlock(), "")
        elif isinstance(block, Buttons):
            self._buttons(block)

    def _append(self, block: Any, text: str) -> None:
        if not self._fits(len(text)):
            return
        self._blocks.append(block)
        self._room -= len(text)
        if text:
            self._plain.append(text)

    def _section(self, chunk: list[str]) -> None:
        text = "\n".join(chunk)
        self._append(SectionBlock(text=MarkdownTextObject(text=text)), text)

    def _items(self, items: Items) -> None:
        """Pack lines into as few sections as fit; count those that do not fit at all."""
        chunk: list[str] = []
        size = 0
        for index, entry in enumerate(items.entries):
            text = clip(mrkdwn(items.render(entry), self._command))  # at most MAX_SECTION
            grown = size + 1 + len(text) if chunk else len(text)  # with the newline before it
            if grown > MAX_SECTION:
                self._section(chunk)
                chunk, grown = [], len(text)
            if not self._fits(grown):
                self._cut(len(items.entries) - index, items.narrower)
                break
            chunk.append(text)
            size = grown
        if chunk:
            self._section(chunk)  # fits: each of its lines was measured with _fits

    def _buttons(self, block: Buttons) -> None:
        elements = [ButtonElement(text=b.label, action_id=b.action_id, value=b.value[:2000],
                                  style="primary" if b.primary else None)
                    for b in block.buttons]
        self._blocks.append(ActionsBlock(block_id=block.block_id, elements=elements))

    def _cut(self, count: int, narrower: str) -> None:
        self._left_out += count
        self._narrower = self._narrower or narrower

    def _as_typed(self, command: str) -> str:
        return as_typed(command, self._command)

    def reply(self, page: Page) -> Reply:
        blocks = [b.to_dict() for b in self._blocks]
        plain = list(self._plain)
        if self._left_out:
            hint = (f" Narrow it down: `{escape(self._as_typed(self._narrower))}`."
                    if self._narrower else "")
            more = f"… and {self._left_out} more not shown.{hint}"
            context = ContextBlock(elements=[MarkdownTextObject(text=more)]).to_dict()
            buttons_at = next((i for i, b in enumerate(blocks) if b["type"] == "actions"),
                              len(blocks))
            blocks.insert(buttons_at, context)
            plain.append(more)
        return Reply(text=clip("\n".join(plain) or " ", MAX_FALLBACK), blocks=blocks,
                     in_channel=page.shared, is_error=page.is_error)


def clip(text: str, limit: int = MAX_SECTION) -> str:
    """Cut to `limit` characters without splitting an escape such as `&amp;`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    entity = cut.rfind("&")
    if entity > len(cut) - 6 and ";" not in cut[entity:]:
        cut = cut[:entity]
    return cut + "…"


def after_click(blocks: list[dict[str, Any]], note: Line,
                command: str = COMMAND) -> list[dict[str, Any]]:
    """A clicked message as it is updated in place: its buttons give way to who did what."""
    kept = [b for b in blocks if b.get("type") != "actions"]
    said = ContextBlock(elements=[MarkdownTextObject(text=clip(mrkdwn(note, command)))])
    return [*kept, said.to_dict()]
