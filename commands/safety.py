"""The checks on text people type into the plan: notes, challenges, answers, reasons, risks."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from commands.context import CommandError, Context
from storage.guard import personal_data_in, refusal_message

MAX_TEXT = 2000  # a note is a line or two; a document is a link


def refuse_personal_data(text: str, known_words: Collection[str] = frozenset(),
                         today: date | None = None) -> str:
    """Return `text` if it is plan-level; otherwise refuse it, saying why, storing nothing.

    `known_words` are the plan's own words (`storage.plan_words.plan_words`), so its places
    and owners are not taken for names; `today` lets the guard tell a deadline from a birth.
    """
    finding = personal_data_in(text, known_words, today)
    if finding is not None:
        raise CommandError(refusal_message(finding))
    return text


def typed_text(ctx: Context, text: str, what: str, limit: int = MAX_TEXT) -> str:
    """`text` fit to keep: not over `limit` characters, and no child's personal data (judged
    with the plan's own words and today's date)."""
    if len(text) > limit:
        raise CommandError(f"Keep the {what} under {limit:,} characters; link to a document "
                           f"for more.")
    return refuse_personal_data(text, ctx.repo.known_words(), ctx.today)
