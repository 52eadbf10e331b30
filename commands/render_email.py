"""Pages rendered as a fragment of HTML, for an email's HTML part.

`to_html(page)` returns body markup only (headings, paragraphs, lists), with every piece of
text escaped once here and nowhere else, so what people typed can never become markup.
Inline styles only: mail clients drop `<style>` and ignore classes. Buttons are Slack's
and are left out (an email offers links instead: see `commands.mail_message`). Links are
kept only for http(s) and mailto addresses, so a `javascript:` link shows as text.
"""

from __future__ import annotations

import html
import re

from commands.page import (
    COMMAND,
    Bold,
    ChannelRef,
    Code,
    Command,
    Divider,
    Heading,
    Italic,
    Items,
    LeftOut,
    Line,
    Link,
    Mention,
    Note,
    Page,
    Paragraph,
    Span,
)

SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s<>\"']{1,2000}$", re.I)
NOTE_STYLE = "color:#505a5f;font-size:90%"


def to_html(page: Page, command: str = COMMAND) -> str:
    """The page's blocks as HTML body markup."""
    out: list[str] = []
    for block in page.blocks:
        if isinstance(block, Heading):
            out.append(f"<h2>{_text(block.text)}</h2>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{spans_html(block.line, command)}</p>")
        elif isinstance(block, Note):
            out.append(f'<p style="{NOTE_STYLE}">{spans_html(block.line, command)}</p>')
        elif isinstance(block, Divider):
            out.append("<hr>")
        elif isinstance(block, Items):
            entries = "".join(f"<li>{spans_html(block.render(e), command)}</li>"
                              for e in block.entries)
            out.append(f"<ul>{entries}</ul>")
        elif isinstance(block, LeftOut):
            out.append(f"<p>… and {block.count} more not shown.</p>")
    return "\n".join(out)


def spans_html(spans: Line, command: str = COMMAND) -> str:
    """One line of spans as inline HTML, line breaks kept."""
    return "".join(_span(span, command) for span in spans)


def _span(span: Span, command: str) -> str:
    if isinstance(span, str):
        return _text(span)
    if isinstance(span, Bold):
        return f"<strong>{_text(span.text)}</strong>"
    if isinstance(span, Italic):
        return f"<em>{_text(span.text)}</em>"
    if isinstance(span, Code):
        return f"<code>{_text(span.text)}</code>"
    if isinstance(span, Command):
        return f"<code>{_text(f'{command} {span.words}'.rstrip())}</code>"
    if isinstance(span, Mention):
        return _text(f"@{span.label or span.user_id}")
    if isinstance(span, ChannelRef):
        return _text(f"#{span.label or span.channel_id}")
    if isinstance(span, Link) and SAFE_URL.match(span.url):
        return f'<a href="{html.escape(span.url, quote=True)}">{_text(span.label or span.url)}</a>'
    return _text(f"{span.label} ({span.url})" if span.label else span.url)


def _text(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>\n")


def document(title: str, body: str, lang: str = "en-GB") -> str:
    """A whole HTML document around `body` (markup from `to_html`)."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
            f"<title>{_text(title)}</title></head>\n"
            f'<body style="font-family:Arial,sans-serif;line-height:1.4;color:#0b0c0c">\n'
            f"{body}\n</body>\n</html>\n")
