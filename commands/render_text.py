"""Pages rendered as plain text, for the console and the command line.

Nothing is cut (a terminal can scroll and a script can grep), and lines are wrapped to
fit an 80-column terminal without breaking words.
"""

from __future__ import annotations

import textwrap

from commands.page import (
    COMMAND,
    Buttons,
    Divider,
    Heading,
    Items,
    LeftOut,
    Note,
    Page,
    Paragraph,
    as_typed,
    plain,
)

WIDTH = 80


def to_text(page: Page, width: int = WIDTH, command: str = COMMAND) -> str:
    """The page as text a person reads in a terminal, commands as `command` is typed."""
    out: list[str] = []
    for block in page.blocks:
        if isinstance(block, Heading):
            heading = as_typed(block.text, command)
            out += ["", *_wrap(heading, width), "=" * min(len(heading), width)]
        elif isinstance(block, Paragraph):
            out += _wrap(plain(block.line, command), width)
        elif isinstance(block, Note):
            out += _wrap(plain(block.line, command), width, indent="  ")
        elif isinstance(block, Divider):
            out.append("-" * min(40, width))
        elif isinstance(block, Items):
            for entry in block.entries:
                out += _wrap(plain(block.render(entry), command), width, later="    ")
        elif isinstance(block, LeftOut):
            out.append(f"… and {block.count} more not shown.")
        elif isinstance(block, Buttons):
            out.append("  " + " ".join(f"[ {b.label} ]" for b in block.buttons))
    return "\n".join(out).strip("\n")


def _wrap(text: str, width: int, indent: str = "", later: str = "") -> list[str]:
    """Each line of `text` wrapped to `width`, never breaking a word; blank lines kept."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if not paragraph.strip():
            lines.append("")
            continue
        lead = len(paragraph) - len(paragraph.lstrip(" "))
        first = indent + paragraph[:lead]
        lines += textwrap.wrap(paragraph.strip(), width, initial_indent=first,
                               subsequent_indent=first + later, break_long_words=False,
                               break_on_hyphens=False)
    return lines
