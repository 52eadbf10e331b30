"""The data guard applied where people's text enters the plan: notes, challenges, risks."""

from __future__ import annotations

from commands.context import CommandError
from storage.guard import personal_data_in, refusal_message


def refuse_personal_data(text: str) -> str:
    """Return `text` if it is plan-level; otherwise refuse it, saying why, storing nothing."""
    finding = personal_data_in(text)
    if finding is not None:
        raise CommandError(refusal_message(finding))
    return text
