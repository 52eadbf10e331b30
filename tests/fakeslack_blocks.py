"""Block Kit as Slack checks it: the limits the fake enforces on messages and views.

Each limit is from Slack's Block Kit reference (docs.slack.dev/reference/block-kit/blocks),
except the cumulative one on a message's block text, which Slack does not document (see
`MESSAGE_BLOCK_TEXT_MAX`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from slack_sdk.models.blocks import Block

JSON = dict[str, Any]
Problem = tuple[str, str]  # (JSON pointer, Slack-style message)

MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100
SECTION_TEXT_MAX = 3000
SECTION_FIELDS_MAX = 10
SECTION_FIELD_TEXT_MAX = 2000
HEADER_TEXT_MAX = 150
BUTTON_TEXT_MAX = 75
ACTIONS_ELEMENTS_MAX = 25
VIEW_TITLE_MAX = 24
PRIVATE_METADATA_MAX = 3000
CALLBACK_ID_MAX = 255
MESSAGE_BLOCK_TEXT_MAX = 12_000
"""chat.postMessage answers ``msg_blocks_too_long`` once a message's blocks hold more text than
this in all (every ``text`` string, summed). Undocumented; measured and confirmed by Slack's
maintainers at "12,000 text characters with a buffer for block containers" in
github.com/slackapi/bolt-js/issues/2509 (and #2867). The buffer is not emulated: the fake
refuses anything over 12,000, which is what a bot must stay under."""

class SlackError(Exception):
    """What a Web API method answers instead of ``ok``; ``violation`` marks a malformed call
    (one the bot must never make), as opposed to a refusal the bot should handle."""

    def __init__(
        self, error: str, problems: list[Problem] | None = None, *, violation: bool = False,
        **fields: Any,
    ):
        super().__init__(error)
        self.error = error
        self.problems = problems or []
        self.violation = violation
        self.fields = fields


# --------------------------------------------------------------------------------------------
# Block Kit limits (explicit; Block.parse only tells us whether the block type exists)
# --------------------------------------------------------------------------------------------


def _text_of(obj: object) -> str:
    text = obj.get("text", "") if isinstance(obj, dict) else ""
    return text if isinstance(text, str) else ""


def _too_long(obj: object, limit: int, pointer: str) -> list[Problem]:
    if len(_text_of(obj)) > limit:
        return [(pointer, f"must be less than {limit + 1} characters")]
    return []


def _too_many(items: list[Any], limit: int, pointer: str) -> list[Problem]:
    return [(pointer, f"must provide no more than {limit} items")] if len(items) > limit else []


def _check_button(element: object, pointer: str) -> list[Problem]:
    if isinstance(element, dict) and element.get("type") == "button":
        return _too_long(element.get("text"), BUTTON_TEXT_MAX, f"{pointer}/text/text")
    return []


def _check_section(block: JSON, pointer: str) -> list[Problem]:
    problems = _too_long(block.get("text"), SECTION_TEXT_MAX, f"{pointer}/text/text")
    fields = block.get("fields") or []
    problems += _too_many(fields, SECTION_FIELDS_MAX, f"{pointer}/fields")
    for i, item in enumerate(fields):
        problems += _too_long(item, SECTION_FIELD_TEXT_MAX, f"{pointer}/fields/{i}/text")
    return problems + _check_button(block.get("accessory"), f"{pointer}/accessory")


def _check_header(block: JSON, pointer: str) -> list[Problem]:
    return _too_long(block.get("text"), HEADER_TEXT_MAX, f"{pointer}/text/text")


def _check_actions(block: JSON, pointer: str) -> list[Problem]:
    elements = block.get("elements") or []
    problems = _too_many(elements, ACTIONS_ELEMENTS_MAX, f"{pointer}/elements")
    for i, element in enumerate(elements):
        problems += _check_button(element, f"{pointer}/elements/{i}")
    return problems


_BLOCK_CHECKS: dict[str, Callable[[JSON, str], list[Problem]]] = {
    "section": _check_section,
    "header": _check_header,
    "actions": _check_actions,
}


def _check_block(block: object, pointer: str) -> list[Problem]:
    try:
        parsed = Block.parse(block) if isinstance(block, dict) else None
    except Exception:  # slack_sdk raises assorted errors on garbage input
        parsed = None
    if parsed is None:
        return [(pointer, "unsupported block type")]
    check = _BLOCK_CHECKS.get(cast(JSON, block)["type"])
    return check(cast(JSON, block), pointer) if check else []


def check_blocks(blocks: object, limit: int, pointer: str = "/blocks") -> list[Problem]:
    """Return the Block Kit limit violations in ``blocks`` (empty list when fine)."""
    if not isinstance(blocks, list):
        return [(pointer, "must be an array")]
    problems = _too_many(blocks, limit, pointer)
    for i, block in enumerate(blocks):
        problems += _check_block(block, f"{pointer}/{i}")
    return problems


def _check_view_fields(view: JSON) -> list[Problem]:
    problems: list[Problem] = []
    for key in ("title", "submit", "close"):
        problems += _too_long(view.get(key), VIEW_TITLE_MAX, f"/view/{key}/text")
    for key, limit in (
        ("private_metadata", PRIVATE_METADATA_MAX),
        ("callback_id", CALLBACK_ID_MAX),
    ):
        if len(str(view.get(key) or "")) > limit:
            problems.append((f"/view/{key}", f"must be less than {limit + 1} characters"))
    return problems


def check_view(view: object, kinds: tuple[str, ...] = ("modal",)) -> JSON:
    """Validate a view like Slack does; return it as a dict or raise `SlackError`."""
    if not isinstance(view, dict) or view.get("type") not in kinds:
        raise SlackError("invalid_arguments", [("/view", "failed to match all allowed schemas")])
    problems = check_blocks(view.get("blocks", []), VIEW_BLOCKS_MAX, "/view/blocks")
    if problems:
        raise SlackError("invalid_blocks", problems, violation=True)
    problems = _check_view_fields(view)
    if problems:
        raise SlackError("invalid_arguments", problems, violation=True)
    return view


def _valid_metadata(metadata: object) -> bool:
    return (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload", {}), dict)
    )


def block_text_length(value: object) -> int:
    """Every ``text`` string inside ``value`` (blocks, elements, text objects), summed."""
    if isinstance(value, list):
        return sum(block_text_length(item) for item in value)
    if not isinstance(value, dict):
        return 0
    return sum(len(item) if key == "text" and isinstance(item, str) else block_text_length(item)
               for key, item in value.items())


def check_message(params: JSON, *, require_text: bool = True, posted: bool = False) -> None:
    """Validate a message body like Slack does; raise `SlackError` on the first problem.

    ``posted``: chat.postMessage and chat.update, which also refuse too much block text in all
    (bolt-js#2509 found ``respond()`` through a response_url was not limited the same way).
    """
    blocks = params.get("blocks")
    if blocks is not None:
        problems = check_blocks(blocks, MESSAGE_BLOCKS_MAX)
        if problems:
            raise SlackError("invalid_blocks", problems, violation=True)
        if posted and block_text_length(blocks) > MESSAGE_BLOCK_TEXT_MAX:
            raise SlackError("msg_blocks_too_long", violation=True)
    if require_text and not (params.get("text") or blocks or params.get("attachments")):
        raise SlackError("no_text", violation=True)
    if "metadata" in params and not _valid_metadata(params["metadata"]):
        raise SlackError("invalid_metadata_format", violation=True)

