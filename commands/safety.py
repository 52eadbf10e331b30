"""The data guard applied where people's text enters the plan: notes, challenges, risks."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from commands.context import CommandError
from storage.guard import personal_data_in, refusal_message


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
