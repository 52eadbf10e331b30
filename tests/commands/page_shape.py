"""A page's blocks as plain comparable values, so a test can pin a whole page at once."""

from __future__ import annotations

from commands.page import Divider, Heading, Items, Line, Note, Page, Paragraph

Shape = tuple[object, ...]


def shape(page: Page) -> list[Shape]:
    """Headings and paragraphs as (kind, value); a list of lines as ("items", narrower, lines)."""
    out: list[Shape] = []
    for block in page.blocks:
        if isinstance(block, Heading):
            out.append(("heading", block.text))
        elif isinstance(block, Paragraph):
            out.append(("paragraph", block.line))
        elif isinstance(block, Note):
            out.append(("note", block.line))
        elif isinstance(block, Items):
            lines: list[Line] = [block.render(entry) for entry in block.entries]
            out.append(("items", block.narrower, lines))
        elif isinstance(block, Divider):
            out.append(("divider",))
        else:
            out.append((type(block).__name__, block))
    return out
