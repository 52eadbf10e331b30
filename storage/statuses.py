"""Status words as plans and people write them: RAG colours, their initials, plain words.

One table serves commands (`/lscb status 1.2 amber`) and plan files (a RAG column), so a
word the bot reads in one place it reads in the other. BRAG plans call complete "blue".
"""

from __future__ import annotations

from storage.models import STATUSES

STATUS_WORDS = {s.replace("-", ""): s for s in STATUSES} | {
    "green": "on-track", "g": "on-track", "inprogress": "on-track", "started": "on-track",
    "amber": "at-risk", "a": "at-risk", "yellow": "at-risk",
    "red": "off-track", "r": "off-track", "delayed": "off-track",
    "blue": "complete", "done": "complete", "completed": "complete", "finished": "complete",
    "achieved": "complete", "notyetstarted": "not-started", "notdue": "not-started",
}


def status_of(word: str) -> str | None:
    """The status `word` names, in any case and spacing ("Not started", "RAG: Amber"
    aside), or None."""
    key = "".join(ch for ch in word.lower() if ch.isalnum())
    return STATUS_WORDS.get(key)
