"""The shape of what Slack sends to /slack/events, as far as bolt and our listeners use it.

A correctly signed body without these fields did not come from Slack as Slack documents
it (a broken proxy, a replay edited by someone who has the secret, a test tool): it is
answered 400 at the edge, not with a 500 from inside bolt's field extraction or a
listener. The rules are Slack's documented payloads, only as far as something here reads
them: https://docs.slack.dev/interactivity/implementing-slash-commands (the form fields),
https://docs.slack.dev/reference/interaction-payloads/block_actions-payload,
https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload,
https://docs.slack.dev/apis/events-api (the `event_callback` envelope).
A type nobody here handles only has to pass the envelope rules; bolt answers it 404.

Paths: `a.b` is the field b of the object a; `a[]` each item of the list a; `a{}` each
value of the object a.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

NULL = type(None)
_MISSING = object()


@dataclass(frozen=True)
class Rule:
    path: str
    kinds: tuple[type, ...]
    required: bool
    filled: bool = False


def need(path: str, *kinds: type, filled: bool = False) -> Rule:
    return Rule(path, kinds, True, filled)


def may(path: str, *kinds: type) -> Rule:
    return Rule(path, kinds, False)


def _ids(prefix: str) -> tuple[Rule, ...]:
    """bolt looks for user, team, channel and enterprise ids in these places, each a
    string, an object with an `id`, or null (`team` is null in org-wide installs)."""
    return tuple(rule for name in ("user", "team", "channel", "enterprise") for rule in (
        may(f"{prefix}{name}", str, dict, NULL), may(f"{prefix}{name}.id", str, NULL)))


ENVELOPE = (
    may("type", str), may("authorizations", list, NULL), may("authorizations[]", dict),
    may("event", dict), may("event.type", str), may("view", dict), may("message", dict),
    may("previous_message", dict), may("actions", list), may("actions[]", dict),
    may("response_urls", list), may("response_urls[]", dict),
    *(rule for prefix in ("", "authorizations[].", "event.", "event.item.", "message.",
                          "previous_message.") for rule in _ids(prefix)),
)

SLASH_COMMAND = (need("command", str, filled=True), need("text", str),
                 need("user_id", str, filled=True), need("team_id", str, filled=True))

INTERACTION = (need("user", dict), need("user.id", str, filled=True), need("team", dict, NULL),
               may("team.id", str))

BY_TYPE: dict[str, tuple[Rule, ...]] = {
    "block_actions": (
        *INTERACTION, need("trigger_id", str), need("actions", list, filled=True),
        need("actions[].action_id", str, filled=True), may("actions[].value", str),
        may("actions[].block_id", str), may("channel", dict, NULL),
        may("message.ts", str), may("message.text", str), may("message.blocks", list),
        may("message.blocks[]", dict)),
    "view_submission": (
        *INTERACTION, need("view", dict), need("view.id", str), need("view.type", str),
        need("view.callback_id", str), may("view.private_metadata", str),
        need("view.state", dict), need("view.state.values", dict),
        need("view.state.values{}", dict), need("view.state.values{}{}", dict),
        may("view.state.values{}{}.value", str, NULL),
        may("view.state.values{}{}.selected_option", dict, NULL),
        may("view.state.values{}{}.selected_option.value", str)),
    "view_closed": (*INTERACTION, need("view", dict), need("view.id", str),
                    need("view.type", str), need("view.callback_id", str)),
    "shortcut": (*INTERACTION, need("callback_id", str), need("trigger_id", str)),
    "message_action": (*INTERACTION, need("callback_id", str), need("trigger_id", str)),
    "block_suggestion": (*INTERACTION, need("action_id", str), need("value", str)),
    "event_callback": (need("team_id", str, filled=True), need("event", dict),
                       need("event.type", str, filled=True)),
    "url_verification": (need("challenge", str),),
}

BY_EVENT: dict[str, tuple[Rule, ...]] = {
    "app_home_opened": (need("event.user", str, filled=True), may("event.tab", str)),
}


def problem_with(body: object) -> str | None:
    """What makes `body` (a parsed request) unlike anything Slack sends, or None."""
    if not isinstance(body, dict):
        return f"the request is {_kind(body)}, not an object"
    if "ssl_check" in body:
        return None  # bolt answers Slack's SSL check itself
    rules: tuple[Rule, ...] = ENVELOPE
    kind = body.get("type")
    if kind is None and "command" not in body:
        return "no “type”: neither a slash command, an interaction nor an event"
    if kind is None:
        rules += SLASH_COMMAND
    elif isinstance(kind, str):
        rules += BY_TYPE.get(kind, ())
        event = body.get("event")
        if kind == "event_callback" and isinstance(event, dict):
            rules += BY_EVENT.get(str(event.get("type")), ())
    for rule in rules:
        if found := _broken(body, rule):
            return found
    return None


def _broken(body: dict[str, Any], rule: Rule) -> str | None:
    for pointer, value in _values(body, rule.path):
        if value is _MISSING:
            if rule.required:
                return f"“{pointer}” is missing"
            continue
        if not isinstance(value, rule.kinds):
            return f"“{pointer}” should be {' or '.join(_NAMES[k] for k in rule.kinds)}, " \
                   f"not {_kind(value)}"
        if rule.filled and not value:
            return f"“{pointer}” is empty"
    return None


def _values(body: dict[str, Any], path: str) -> Iterator[tuple[str, object]]:
    """(pointer, value) for every place `path` names, stopping below absent or wrong-kind
    parents (their own rules report them); a last field absent gives `_MISSING`."""
    found: list[tuple[str, object]] = [("", body)]
    for part in path.split("."):
        name = part.rstrip("[]{}")
        found = [(f"{p}.{name}".lstrip("."), v.get(name, _MISSING)) for p, v in found
                 if isinstance(v, dict)] if name else found
        for each in (part[i:i + 2] for i in range(len(name), len(part), 2)):
            found = [(f"{p}[{i}]", item) for p, v in found if isinstance(v, list)
                     for i, item in enumerate(v)] if each == "[]" else [
                (f"{p}.{k}", item) for p, v in found if isinstance(v, dict)
                for k, item in v.items()]
    yield from found


_NAMES = {str: "text", dict: "an object", list: "a list", NULL: "null"}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {str: "text", dict: "an object", list: "a list", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)
