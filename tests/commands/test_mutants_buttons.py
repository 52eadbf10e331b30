"""The *Update status* modal whole, its submission as Slack sends it back, and the
*Give this quarter's update* button's value at its bounds. Written against mutants mutmut
left alive in commands/buttons.py (issue 11, run G)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from commands.buttons import (
    modal_values,
    read_return_button,
    return_button,
    submit_update,
    update_modal,
)
from commands.context import CommandError, FieldError
from commands.progress import StatusChanged
from commands.quarters import make_quarter
from commands.text import STATUS_BADGES
from storage.database import Database
from storage.models import STATUSES
from tests.commands.conftest import committed, context

POLICY = ("policy",)
ORIGIN = {"channel": "C0PLAN", "ts": "1414000000.000200"}
S11 = "2.3 Continue to undertake S11 audits on an annual basis, to be scrutinised…"


def _text(words: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": words, "emoji": True}


def _choice(words: str, value: str) -> dict[str, Any]:
    return {"text": _text(words), "value": value}


def _modal(action_options: list[dict[str, Any]], initial: dict[str, Any] | None) -> dict[str, Any]:
    action: dict[str, Any] = {"type": "static_select", "action_id": "value",
                              "placeholder": _text("Choose an action"),
                              "options": action_options}
    if initial is not None:
        action["initial_option"] = initial
    return {
        "type": "modal", "callback_id": "lscb_update_modal", "title": _text("Update status"),
        "submit": _text("Save"), "close": _text("Cancel"),
        "private_metadata": json.dumps(ORIGIN),
        "blocks": [
            {"type": "input", "block_id": "action", "label": _text("Action"), "element": action},
            {"type": "input", "block_id": "status", "label": _text("Status"), "element": {
                "type": "static_select", "action_id": "value",
                "placeholder": _text("Choose a status"),
                "options": [_choice(STATUS_BADGES[s], s) for s in STATUSES]}},
            {"type": "input", "block_id": "note", "optional": True,
             "label": _text("Note (needed for at risk or off track)"), "element": {
                 "type": "plain_text_input", "action_id": "value", "multiline": True,
                 "max_length": 2000,
                 "placeholder": _text("Plan-level progress only: never a child's details")}},
            {"type": "input", "block_id": "evidence", "optional": True,
             "label": _text("Evidence link"),
             "element": {"type": "url_text_input", "action_id": "value"}},
        ]}


def test_the_modal_for_one_action_has_it_chosen_already(sample_database: Database) -> None:
    view = committed(sample_database, lambda c: update_modal(c, ["2.3"], ORIGIN))
    assert view == _modal([_choice(S11, "2.3")], _choice(S11, "2.3"))


def test_the_modal_for_several_actions_leaves_the_choice_open(
        sample_database: Database) -> None:
    view = committed(sample_database, lambda c: update_modal(c, ["2.3", "2.4"], ORIGIN))
    options = view["blocks"][0]["element"]["options"]
    assert view == _modal(options, None)
    assert [o["value"] for o in options] == ["2.3", "2.4"]
    assert options[0] == _choice(S11, "2.3") and len(options[1]["text"]["text"]) <= 75


def _submitted(view: dict[str, Any], chosen: dict[str, str]) -> dict[str, Any]:
    """`view_submission`'s `view.state`, as Slack builds it from the modal's own block and
    action ids: `values[block_id][action_id]`, a select's `selected_option`, an input's
    `value` (https://api.slack.com/reference/interaction-payloads/views#view_submission).
    An optional input left empty comes back with `"value": null`."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        answer = chosen.get(block["block_id"])
        if element["type"] == "static_select":
            picked = next((o for o in element["options"] if o["value"] == answer), None)
            field = {"type": "static_select", "selected_option": picked}
        else:
            field = {"type": element["type"], "value": answer}
        values[block["block_id"]] = {element["action_id"]: field}
    return {"values": values}


def test_what_the_modal_sends_back_is_recorded_with_its_evidence(
        sample_database: Database) -> None:
    view = committed(sample_database, lambda c: update_modal(c, ["2.3", "2.4"], ORIGIN))
    state = _submitted(view, {"action": "2.4", "status": "at-risk",
                              "note": "two agencies late",
                              "evidence": "https://example.org/s11-tracker"})

    def submit_and_read(ctx: Any) -> tuple[Any, str, str]:
        changed = submit_update(ctx, modal_values(state))
        latest = ctx.repo.latest_changes(ctx.repo.action("2.4"), 1)[0]
        return changed, latest.note, latest.evidence

    changed, note, evidence = committed(sample_database, submit_and_read, user="U2",
                                        admin=False, acting_as=POLICY)
    assert changed == StatusChanged("2.4", "not-started", "at-risk", "two agencies late")
    assert (note, evidence) == ("two agencies late", "https://example.org/s11-tracker")


def test_a_submission_without_note_or_evidence_records_them_empty(
        sample_database: Database) -> None:
    def submit_and_read(ctx: Any) -> tuple[str, str]:
        submit_update(ctx, {"action": "2.3", "status": "on-track"})
        latest = ctx.repo.latest_changes(ctx.repo.action("2.3"), 1)[0]
        return latest.note, latest.evidence

    assert committed(sample_database, submit_and_read) == ("", "")


def test_a_submission_without_an_action_is_an_error_on_the_action_field(
        sample_database: Database) -> None:
    with sample_database.unit_of_work() as session, pytest.raises(FieldError) as refused:
        submit_update(context(session), {"action": "", "status": "on-track"})
    assert (refused.value.field, refused.value.line) == ("action", ("Choose an action.",))


@pytest.mark.parametrize(("year", "number"), [(1900, 1), (2014, 4), (2999, 2)])
def test_a_return_button_at_its_bounds_is_read_back(year: int, number: int) -> None:
    starts = date(2014, 4, 1)
    quarter = make_quarter(year, number, starts)
    value = return_button(7, quarter).buttons[0].value
    assert read_return_button(value, starts) == (7, quarter)


@pytest.mark.parametrize("value", ["7:2014:0", "7:2014:5", "7:1899:1", "7:3000:1",
                                   "7:2014", "7:x:1"])
def test_a_return_button_not_made_by_the_bot_is_refused(value: str) -> None:
    with pytest.raises(CommandError) as refused:
        read_return_button(value, date(2014, 4, 1))
    assert refused.value.line == ("That button is not one I made.",)


def test_a_message_naming_no_action_opens_no_modal(sample_database: Database) -> None:
    with sample_database.unit_of_work() as session, pytest.raises(CommandError) as refused:
        update_modal(context(session), [], ORIGIN)
    assert refused.value.line == ("That message names no action to update.",)
