"""The checks on text people type into the plan: notes, challenges, answers, reasons, risks."""

from __future__ import annotations

from commands.context import CommandError
from commands.guard import personal_data_in, refusal_message

MAX_TEXT = 2000  # a note is a line or two; a document is a link


def refuse_personal_data(text: str) -> str:
    """Return `text` if it is plan-level; otherwise refuse it, saying why, storing nothing."""
    finding = personal_data_in(text)
    if finding is not None:
        raise CommandError(refusal_message(finding))
    return text


def typed_text(text: str, what: str, limit: int = MAX_TEXT) -> str:
    """`text` fit to keep: not over `limit` characters, and no child's personal data."""
    if len(text) > limit:
        raise CommandError(f"Keep the {what} under {limit:,} characters; link to a document "
                           f"for more.")
    return refuse_personal_data(text)
