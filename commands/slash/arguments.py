"""The words after `/lscb`, read one way for every subcommand.

What arrives is typed text in parts: plain text, and the mentions, channels and links
Slack resolved (the Slack edge turns Slack's escaped text back into these; the console
and tests pass plain text). Words are split on white space; a word that opens with a
double quote runs to the closing one (`owner "case review"`); `key=value` options and
`--flags` may stand anywhere. What is left, `rest()`, is the text as the person typed it,
line breaks and all, with mentions as `@name` and links as their address, so a note
never carries markup into the plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from commands.context import CommandError
from commands.page import ChannelRef, Link, Mention, Span, Spans, plain
from commands.people import is_email

Part = str | Mention | ChannelRef | Link
_WORD = re.compile(r"[^\s\"“]*[\"“][^\"”]*[\"”]|\S+")  # `"case review"`, `owner="a b"`
_OPTION = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30})=(.*)$", re.S)
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")
CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,20}$")
_SPACES = re.compile(r"[ \t]{2,}")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: Span  # a plain word (quotes removed), or the entity itself

    @property
    def word(self) -> str:
        return self.value if isinstance(self.value, str) else plain((self.value,))


class Args:
    """A cursor over the words of one command; each reader takes what it needs."""

    def __init__(self, typed: str | Sequence[Part]) -> None:
        parts: Sequence[Part] = (typed,) if isinstance(typed, str) else typed
        self.text = ""
        self._tokens: list[_Token] = []
        for part in parts:
            start = len(self.text)
            if isinstance(part, str):
                self.text += part
                self._tokens += [_Token(start + m.start(), start + m.end(), _unquoted(m[0]))
                                 for m in _WORD.finditer(part)]
            else:
                self.text += plain((part,))
                self._tokens.append(_Token(start, len(self.text), part))

    def __bool__(self) -> bool:
        return bool(self._tokens)

    def peek(self) -> str:
        """The next word, lower-cased, without taking it ("" when none is left)."""
        return self._tokens[0].word.lower() if self._tokens else ""

    def next_word(self) -> str:
        """Take the next word as typed ("" when none is left)."""
        return self._tokens.pop(0).word if self._tokens else ""

    def word(self, *missing: Spans) -> str:
        """Take the next word, or refuse with `missing`, which says what to type."""
        if not self._tokens:
            raise CommandError(*missing)
        return self.next_word()

    def user(self, *missing: Spans) -> str:
        """Take a Slack user: a mention, or an id such as U0123ABCD."""
        token = self._tokens[0] if self._tokens else None
        if token and isinstance(token.value, Mention):
            self._tokens.pop(0)
            return token.value.user_id
        if token and isinstance(token.value, str) and USER_ID.match(token.value.lstrip("@")):
            self._tokens.pop(0)
            return token.value.lstrip("@")
        raise CommandError(*missing)

    def person(self, *missing: Spans) -> str:
        """Take a Slack user (`user`) or an email address (Slack sends one typed in a slash
        command as a `mailto:` link)."""
        token = self._tokens[0] if self._tokens else None
        if token and isinstance(token.value, Link) and token.value.url.startswith("mailto:"):
            self._tokens.pop(0)
            return token.value.url.removeprefix("mailto:")
        if token and isinstance(token.value, str) and is_email(token.value):
            self._tokens.pop(0)
            return token.value
        return self.user(*missing)

    def channel(self, *missing: Spans) -> str:
        """Take a Slack channel: a #channel Slack resolved, or an id such as C0123ABCD."""
        token = self._tokens[0] if self._tokens else None
        if token and isinstance(token.value, ChannelRef):
            self._tokens.pop(0)
            return token.value.channel_id
        if token and isinstance(token.value, str) and CHANNEL_ID.match(token.value.lstrip("#")):
            self._tokens.pop(0)
            return token.value.lstrip("#")
        raise CommandError(*missing)

    def last_address(self) -> str | None:
        """Take the last word if it is an email address: a ``mailto:`` link Slack resolved,
        a word with an ``@``, or ``""``/``none`` for no address; None (nothing taken) else."""
        token = self._tokens[-1] if self._tokens else None
        if token is None:
            return None
        if isinstance(token.value, Link) and token.value.url.lower().startswith("mailto:"):
            found = token.value.url[len("mailto:"):]
        elif isinstance(token.value, str) and ("@" in token.value or token.value.lower()
                                               in ("", "none", "-")):
            found = token.value
        else:
            return None
        self._tokens.pop()
        self._blank([token])
        return found

    def flag(self, name: str) -> bool:
        """Take `--name` from wherever it stands."""
        found = [t for t in self._tokens if isinstance(t.value, str) and t.value.lower() == name]
        self._tokens = [t for t in self._tokens if t not in found]
        self._blank(found)
        return bool(found)

    def options(self, names: dict[str, str]) -> dict[str, str]:
        """Take every `key=value` whose key `names` knows (its aliases map to one name)."""
        found: dict[str, str] = {}
        taken = []
        for token in self._tokens:
            match = _OPTION.match(token.value) if isinstance(token.value, str) else None
            if match and match[1].lower() in names:
                found[names[match[1].lower()]] = _unquoted(match[2])
                taken.append(token)
        self._tokens = [t for t in self._tokens if t not in taken]
        self._blank(taken)
        return found

    def rest(self) -> str:
        """Everything not yet taken, as typed (taken options and flags left out)."""
        if not self._tokens:
            return ""
        text = self.text[self._tokens[0].start:]
        self._tokens = []
        return _SPACES.sub(" ", text).strip()

    def _blank(self, tokens: list[_Token]) -> None:
        """Remove taken tokens from the text, so `rest()` does not repeat them."""
        for token in sorted(tokens, key=lambda t: -t.start):
            width = token.end - token.start
            self.text = self.text[:token.start] + " " * width + self.text[token.end:]


def _unquoted(word: str) -> str:
    if len(word) >= 2 and word[0] in "\"“" and word[-1] in "\"”":
        return word[1:-1]
    return word
