"""The quarterly return as a Slack modal: every open action of one owner, each with its
status and a commentary field, and what the submission holds."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from commands.buttons import RETURN_MODAL
from commands.page import COMMAND
from commands.quarterly import ReturnForm
from commands.render_blocks import escape
from commands.safety import MAX_TEXT
from commands.text import STATUS_BADGES, day, shorten
from storage.models import STATUSES


def return_modal(form: ReturnForm, origin: dict[str, str], command: str = COMMAND
                 ) -> dict[str, Any]:
    """Two inputs an action (status, commentary), under a line saying what it is for."""
    options = {s: Option(text=STATUS_BADGES[s], value=s) for s in STATUSES}
    blocks: list[Any] = [ContextBlock(elements=[MarkdownTextObject(text=escape(
        f"{form.owner} · {form.quarter.label} · due {day(form.due)}. Plan-level progress "
        f"only: never a child's details."))])]
    for found in form.lines:
        blocks += [
            InputBlock(block_id=f"status:{found.ref}", label=shorten(
                f"{found.ref} {found.text}", 150), element=StaticSelectElement(
                    action_id="value", options=list(options.values()),
                    initial_option=options.get(found.status))),
            InputBlock(block_id=f"note:{found.ref}", label="Commentary", optional=True,
                       element=PlainTextInputElement(
                           action_id="value", multiline=True, max_length=MAX_TEXT,
                           initial_value=found.commentary or None,
                           placeholder="What was done this quarter, and its impact")),
        ]
    if form.left_out:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=escape(
            f"… and {form.left_out} more: give them with {command} update REF STATUS commentary."
        ))]))
    metadata = {"owner": form.owner_id, "year": form.quarter.year_start,
                "quarter": form.quarter.number, **origin}
    return View(type="modal", callback_id=RETURN_MODAL, title="Quarterly return",
                submit="Give the return", close="Cancel",
                private_metadata=json.dumps(metadata), blocks=blocks).to_dict()


def return_entries(values: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The submitted modal's values (by block id) as {ref: (status, commentary)}."""
    return {block[len("status:"):]: (status, values.get(f"note:{block[len('status:'):]}", ""))
            for block, status in values.items() if block.startswith("status:")}
