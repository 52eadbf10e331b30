"""The plan's own words for its board and its themes, put into the bot's sentences.

A safeguarding children partnership has a partnership, not a board, and priorities, not
themes; a plan file says so (`words: {board: partnership, theme: priority}`) and every
reply that names either says it the plan's way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.models import Plan

BOARD, THEME = "board", "theme"
_OURS = re.compile(r"\b(board|theme)(s|'s)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Words:
    board: str = BOARD
    theme: str = THEME

    @classmethod
    def of(cls, plan: Plan) -> Words:
        return cls(plan.board_word or BOARD, plan.theme_word or THEME)

    @property
    def themes(self) -> str:
        return plural(self.theme)

    def said(self, text: str) -> str:
        """`text`, written with the bot's words (board, themes, Theme), in the plan's."""
        if (self.board, self.theme) == (BOARD, THEME):
            return text
        return _OURS.sub(self._theirs, text)

    def _theirs(self, found: re.Match[str]) -> str:
        ours, ending = found.group(1), found.group(2) or ""
        word = self.board if ours.lower() == BOARD else self.theme
        word = plural(word) if ending.lower() == "s" else word + ending
        return word[:1].upper() + word[1:] if ours[:1].isupper() else word


def plural(noun: str) -> str:
    """The plural of a plan's word: priority → priorities, partnership → partnerships."""
    if re.search(r"[^aeiou]y$", noun, re.IGNORECASE):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun, re.IGNORECASE):
        return noun + "es"
    return noun + "s"


#: The bot's own words, for a plan that says nothing (and for answers given without one).
OURS = Words()
