"""Slack's text turned back into what the person typed, once, at the edge.

Slack sends slash-command text escaped: `&`, `<` and `>` arrive as `&amp;`, `&lt;` and
`&gt;`, and with "Escape channels, users, and links" on (the manifest's
`should_escape: true`) mentions arrive as `<@U123|sam>`, channels as `<#C123|general>`,
links as `<https://example.org|label>` and `@here` as `<!here>`
(https://api.slack.com/reference/surfaces/formatting#escaping,
https://api.slack.com/interactivity/slash-commands#app_command_handling). A `<` that
is not escaped therefore always opens one of these. Commands never see Slack's
escaping: they get plain text, with mentions, channels and links as values.
"""

from __future__ import annotations

import re

from commands.page import ChannelRef, Link, Mention
from commands.slash import Part

_ENTITY = re.compile(r"<([^<>]*)>")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def unescape(text: str) -> str:
    """Slack's three entities back to the characters typed (`&amp;` last, so `&amp;lt;`
    stays the `&lt;` someone typed)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def typed(slack_text: str) -> tuple[Part, ...]:
    """Plain text and resolved entities, as the person typed them."""
    parts: list[Part] = []
    position = 0
    for match in _ENTITY.finditer(slack_text):
        if match.start() > position:
            parts.append(unescape(slack_text[position:match.start()]))
        parts.append(_entity(match[1]))
        position = match.end()
    if position < len(slack_text):
        parts.append(unescape(slack_text[position:]))
    return tuple(_merged(parts))


def _entity(inside: str) -> Part:
    target, _, label = inside.partition("|")
    label = unescape(label)
    if target.startswith("@"):
        return Mention(target[1:], label)
    if target.startswith("#"):
        return ChannelRef(target[1:], label)
    if target.startswith("!"):
        name = target[1:].split("^")[0]
        return label or _SPECIAL.get(name, f"@{name}")
    return Link(unescape(target), label)


def _merged(parts: list[Part]) -> list[Part]:
    """Adjacent plain texts joined, so words are never split where an entity was plain."""
    merged: list[Part] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    return merged
