"""Block Kit rendered as plain text, for the console and the command line."""

from __future__ import annotations

import re
from typing import Any

_MENTION = re.compile(r"<([@#!])([A-Za-z0-9^]+)(?:\|([^>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")


def unslack(mrkdwn: str) -> str:
    """Slack's mrkdwn made readable in a terminal: mentions as @U1, entities decoded."""
    text = _BOLD.sub(r"\1", _MENTION.sub(lambda m: f"{m[1]}{m[3] or m[2]}", mrkdwn))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def render_blocks(blocks: list[dict[str, Any]], fallback: str = "") -> str:
    if not blocks:
        return unslack(fallback)
    return "\n".join(filter(None, (_render(b) for b in blocks)))


def _render(block: dict[str, Any]) -> str:
    kind = block.get("type")
    if kind == "header":
        title = block["text"]["text"]
        return f"\n{title}\n{'=' * min(len(title), 78)}"
    if kind == "section":
        text = unslack(block.get("text", {}).get("text", ""))
        fields = [unslack(f["text"]) for f in block.get("fields", [])]
        return "\n".join([text, *fields]).strip()
    if kind == "context":
        return "  " + " ".join(unslack(e.get("text", "")) for e in block.get("elements", []))
    if kind == "divider":
        return "-" * 40
    if kind == "actions":
        return "  " + " ".join(f"[ {e['text']['text']} ]" for e in block.get("elements", [])
                               if "text" in e)
    return ""
