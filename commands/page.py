"""What a reply says before any surface renders it: headings, paragraphs and lists of lines.

A line is a tuple of spans: plain text exactly as people typed it (never escaped in
advance), bold, code, a `/lscb` command, a mention of a Slack user, a channel, a link.
Each renderer escapes once for its own surface: Block Kit for Slack
(`commands.render_blocks`), plain text for the console and the command line
(`commands.render_text`), HTML for a page or an email. So a note can never ping
`@channel` in Slack nor inject markup in a page, whichever way it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Bold:
    text: str


@dataclass(frozen=True, slots=True)
class Italic:
    text: str


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Command:
    """A `/lscb …` command a reader can type; the surface knows what the command is called."""

    words: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A Slack user; `label` is the name Slack sent with it, if any."""

    user_id: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class ChannelRef:
    channel_id: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str = ""


Span = str | Bold | Italic | Code | Command | Mention | ChannelRef | Link
Line = tuple[Span, ...]
Spans = Span | Line | Iterable["Spans"]


def line(*parts: Spans) -> Line:
    """One line from spans and nested lines, empty strings dropped."""
    out: list[Span] = []
    for part in parts:
        if isinstance(part, str):
            if part:
                out.append(part)
        elif isinstance(part, Bold | Italic | Code | Command | Mention | ChannelRef | Link):
            out.append(part)
        else:
            out.extend(line(*part))
    return tuple(out)


def joined(lines: Iterable[Line], separator: str = ", ") -> Line:
    """Lines run together with `separator` between them."""
    out: list[Span] = []
    for index, item in enumerate(lines):
        if index:
            out.append(separator)
        out.extend(item)
    return tuple(out)


#: The slash command as Slack installs it by default; a workspace may call it otherwise
#: (`LSCB_COMMAND`, e.g. `/scp`), and every renderer takes the name it is installed as.
COMMAND = "/lscb"


def as_typed(text: str, command: str) -> str:
    """Text that starts with the slash command (`/lscb …`, `/lscb:`) as this workspace types
    it (perhaps `/scp …`): for narrower hints and headings, which hold no Command span."""
    if text == COMMAND or text.startswith((COMMAND + " ", COMMAND + ":")):
        return command + text[len(COMMAND):]
    return text


def plain(spans: Line, command: str = COMMAND) -> str:
    """A line as plain text: no markup but the backticks around what can be typed."""
    return "".join(_plain(span, command) for span in spans)


def _plain(span: Span, command: str) -> str:
    if isinstance(span, str):
        return span
    if isinstance(span, Command):
        typed = f"{command} {span.words}".rstrip()
        return f"`{typed}`"
    if isinstance(span, Code):
        return f"`{span.text}`"
    if isinstance(span, Mention):
        return f"@{span.label or span.user_id}"
    if isinstance(span, ChannelRef):
        return f"#{span.label or span.channel_id}"
    if isinstance(span, Link):
        return f"{span.label} ({span.url})" if span.label else span.url
    return span.text


# --- blocks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    line: Line


@dataclass(frozen=True)
class Note:
    """Small print: who a list is for, when it stands, what to type next."""

    line: Line


@dataclass(frozen=True)
class Divider:
    pass


@dataclass(frozen=True)
class Items:
    """A list of lines a surface may cut short, saying how many it left out and which
    narrower command shows them. Lines are made only when a surface has room for them."""

    entries: Sequence[Any]
    render: Callable[[Any], Line] = line
    narrower: str = ""


@dataclass(frozen=True)
class LeftOut:
    """Lines never offered to the surface (e.g. groups past what fits); counted all the same."""

    count: int
    narrower: str = ""


@dataclass(frozen=True)
class Button:
    label: str
    action_id: str
    value: str
    primary: bool = False


@dataclass(frozen=True)
class Buttons:
    """Slack buttons; other surfaces show them as what you could do."""

    block_id: str
    buttons: tuple[Button, ...]


Block = Heading | Paragraph | Note | Divider | Items | LeftOut | Buttons


@dataclass
class Page:
    """A whole reply: its blocks, whether it refuses what was asked, and whether it is
    shared with everyone where it was asked (Slack's `in_channel`)."""

    blocks: list[Block] = field(default_factory=list)
    is_error: bool = False
    shared: bool = False

    def heading(self, text: str) -> Page:
        self.blocks.append(Heading(text))
        return self

    def paragraph(self, *spans: Spans) -> Page:
        self.blocks.append(Paragraph(line(*spans)))
        return self

    def note(self, *spans: Spans) -> Page:
        self.blocks.append(Note(line(*spans)))
        return self

    def divider(self) -> Page:
        self.blocks.append(Divider())
        return self

    def lines(self, lines: Sequence[Line], narrower: str = "") -> Page:
        if lines:
            self.blocks.append(Items(lines, _same, narrower))
        return self

    def items(self, entries: Sequence[Any], render: Callable[[Any], Line],
              narrower: str = "") -> Page:
        if entries:
            self.blocks.append(Items(entries, render, narrower))
        return self

    def buttons(self, block_id: str, *buttons: Button) -> Page:
        self.blocks.append(Buttons(block_id, buttons))
        return self

    def extend(self, other: Page) -> Page:
        self.blocks.extend(other.blocks)
        return self

    @property
    def title(self) -> str:
        """The first heading, else the first line: what a list of messages shows."""
        for block in self.blocks:
            if isinstance(block, Heading):
                return block.text
            if isinstance(block, Paragraph | Note):
                return plain(block.line).splitlines()[0] if block.line else ""
        return ""


def _same(value: Line) -> Line:
    return value


def message(*spans: Spans, is_error: bool = False) -> Page:
    """A one-paragraph page, for confirmations and refusals."""
    page = Page(is_error=is_error)
    return page.paragraph(*spans)
