"""What a nudge says by email: a subject, plain text and an HTML alternative, rendered
from the same Page as its Slack message.

The ledger keeps one (text, blocks) pair per row. For an email row the text is the plain
body and the blocks are one ``{"type": "email", "subject": …, "html": …}`` entry: a row
holds all its sender needs, and what goes out is what was decided when it was recorded,
as for Slack. Slack's buttons cannot be pressed in an email; where the board can show
the action (`ActionLink`, built on LSCB_PUBLIC_URL), they become links to it instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from commands.buttons import COMPLETE, PICK, SNOOZE, UPDATE
from commands.page import Block, Buttons, Link, Page, line
from commands.render_email import NOTE_STYLE, document, to_html
from commands.render_text import to_text
from storage.ledger import Message

MAILTO = "mailto:"
EMAIL_BLOCK = "email"
SUBJECT_PREFIX = "LSCB plan: "
MAX_SUBJECT = 150
FOOTER = ("You get this email because the partnership's business plan gives you this work "
          "and holds this address for you. The business manager can change or remove it.")
ActionLink = Callable[[str], str | None]
"""Where an action (by its ref) can be seen on the board, or None when there is no link."""
_ACTION_BUTTONS = {COMPLETE, UPDATE, SNOOZE, PICK}


@dataclass(frozen=True)
class EmailParts:
    subject: str
    text: str
    html: str


def is_mail(channel: str) -> bool:
    """Whether a ledger row's channel is an email address (``mailto:ADDRESS``)."""
    return channel.startswith(MAILTO)


def mail_channel(address: str) -> str:
    return MAILTO + address


def address_of(channel: str) -> str:
    return channel[len(MAILTO):]


def email_message(page: Page, links: ActionLink | None = None) -> Message:
    """The page as the email the ledger keeps: plain text, with subject and HTML beside."""
    shown = Page(_for_email(page.blocks, links))
    subject = subject_of(page)
    text = f"{to_text(shown)}\n\n-- \n{FOOTER}\n"
    body = to_html(shown) + f'\n<hr>\n<p style="{NOTE_STYLE}">{FOOTER}</p>'
    return text, [{"type": EMAIL_BLOCK, "subject": subject, "html": document(subject, body)}]


def subject_of(page: Page) -> str:
    """The page's title on one line (a header never carries a line break), kept short."""
    title = re.sub(r"\s+", " ", page.title).strip() or "a note from the business plan"
    subject = SUBJECT_PREFIX + title
    return subject if len(subject) <= MAX_SUBJECT else subject[:MAX_SUBJECT - 1] + "…"


def email_parts(text: str, blocks: list[dict[str, Any]]) -> EmailParts:
    """An email row's parts back from the ledger; refuses a row that is not an email's."""
    found = [b for b in blocks if b.get("type") == EMAIL_BLOCK]
    if len(found) != 1:
        raise ValueError("not an email row: its blocks hold no email part")
    return EmailParts(str(found[0]["subject"]), text, str(found[0]["html"]))


def _for_email(blocks: list[Block], links: ActionLink | None) -> list[Block]:
    """Slack's buttons as links to the board (each action once), where there are any;
    otherwise left out."""
    shown = Page()
    linked: set[str] = set()
    for block in blocks:
        if not isinstance(block, Buttons):
            shown.blocks.append(block)
            continue
        refs = [ref for ref in dict.fromkeys(ref for button in block.buttons
                                             if button.action_id in _ACTION_BUTTONS
                                             for ref in button.value.split(",") if ref)
                if ref not in linked]
        linked.update(refs)
        urls = [(ref, links(ref)) for ref in refs] if links else []
        shown.lines([line(Link(url, f"Action {ref} on the board")) for ref, url in urls if url])
    return shown.blocks
