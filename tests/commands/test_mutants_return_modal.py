"""The quarterly return's modal whole (an owner's open actions, each a status select and an
optional commentary box holding what the owner's return already says, a note of any actions
left out, the title, buttons and metadata), and its submission as Slack sends it back
(view_submission's `view.state`) read into {ref: (status, commentary)} and recorded.
Written against mutants mutmut left alive in commands/return_modal.py (issue 11, run G)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from commands.buttons import modal_values
from commands.quarterly import ReturnForm, ReturnLine, give_return, return_form
from commands.quarters import make_quarter
from commands.return_modal import return_entries, return_modal
from commands.text import STATUS_BADGES
from storage.database import Database
from storage.models import STATUSES
from tests.commands.conftest import context

NOW = datetime(2026, 1, 12, 11, 0, tzinfo=UTC)  # in Q3 2025/26's return window
ORIGIN = {"channel": "C0POLICE", "ts": "1768216000.000100"}
PLAN_STARTS = date(2025, 4, 1)
#: An action's wording as pasted from Word: curly quotes, an en dash, non-breaking spaces.
PASTED = ("Work with schools, transport providers and the voluntary sector on “safe "
          "journeys” – travel\u00a0to and from school, the evening economy, and the places "
          "children tell us feel unsafe\u00a0– and report back to the board each quarter")
#: PASTED's label: flattened, and cut to 150 characters with an ellipsis.
PASTED_LABEL = ("5.12 Work with schools, transport providers and the voluntary sector on "
                "“safe journeys” – travel to and from school, the evening economy, and the "
                "pla…")


def _text(words: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": words, "emoji": True}


def _choice(status: str) -> dict[str, Any]:
    return {"text": _text(STATUS_BADGES[status]), "value": status}


def _status(ref: str, label: str, status: str | None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "static_select", "action_id": "value",
                               "options": [_choice(s) for s in STATUSES]}
    if status is not None:
        element["initial_option"] = _choice(status)
    return {"type": "input", "block_id": f"status:{ref}", "label": _text(label),
            "element": element}


def _note(ref: str, said: str | None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input", "action_id": "value", "multiline": True,
        "max_length": 2000, "placeholder": _text("What was done this quarter, and its impact")}
    if said is not None:
        element["initial_value"] = said
    return {"type": "input", "block_id": f"note:{ref}", "label": _text("Commentary"),
            "optional": True, "element": element}


def _context(words: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": words}]}


def _modal(metadata: dict[str, Any], blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "modal", "callback_id": "lscb_return_modal",
            "title": _text("Quarterly return"), "submit": _text("Give the return"),
            "close": _text("Cancel"), "private_metadata": json.dumps(metadata),
            "blocks": blocks}


def test_the_modal_holds_each_line_and_says_how_many_were_left_out() -> None:
    quarter = make_quarter(2025, 3, PLAN_STARTS)
    form = ReturnForm("Larkmoor <Police> & Partners’ Forum", 17, quarter, date(2026, 1, 21), [
        ReturnLine("5.12", PASTED, "at-risk", "Two schools’ audits late – chased 3\u00a0Dec"),
        ReturnLine("5.13", "Audit S11 returns", "no-such-status", ""),
    ], 46)
    view = return_modal(form, ORIGIN, "/board-plan")
    assert view == _modal({"owner": 17, "year": 2025, "quarter": 3, **ORIGIN}, [
        _context("Larkmoor &lt;Police&gt; &amp; Partners’ Forum · Q3 2025/26 (Oct–Dec 2025) · "
                 "due 21 Jan 2026. Plan-level progress only: never a child's details."),
        _status("5.12", PASTED_LABEL, "at-risk"),
        _note("5.12", "Two schools’ audits late – chased 3\u00a0Dec"),
        _status("5.13", "5.13 Audit S11 returns", None),
        _note("5.13", None),
        _context("… and 46 more: give them with /board-plan update REF STATUS commentary."),
    ])
    assert len(PASTED_LABEL) == 150


def test_a_form_with_no_lines_is_the_heading_alone() -> None:
    quarter = make_quarter(2025, 4, PLAN_STARTS)
    form = ReturnForm("Larkmoor Police", 3, quarter, date(2026, 4, 21), [], 0)
    assert return_modal(form, {}) == _modal({"owner": 3, "year": 2025, "quarter": 4}, [
        _context("Larkmoor Police · Q4 2025/26 (Jan–Mar 2026) · due 21 Apr 2026. "
                 "Plan-level progress only: never a child's details.")])


def _submitted(view: dict[str, Any], chosen: dict[str, str]) -> dict[str, Any]:
    """`view_submission`'s `view.state`, as Slack builds it from the modal's own block and
    action ids: `values[block_id][action_id]`, a select's `selected_option` (its initial
    option unless changed), an input's `value` (its initial value unless changed; `null`
    when left empty) (https://api.slack.com/reference/interaction-payloads/views)."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        if element["type"] == "static_select":
            answer = chosen.get(block["block_id"])
            picked = next((o for o in element["options"] if o["value"] == answer),
                          element.get("initial_option"))
            field = {"type": "static_select", "selected_option": picked}
        else:
            field = {"type": element["type"],
                     "value": chosen.get(block["block_id"], element.get("initial_value"))}
        values[block["block_id"]] = {element["action_id"]: field}
    return {"values": values}


def test_the_owners_modal_shows_what_its_return_says_and_sends_back_the_changes(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW)
        quarter = make_quarter(2025, 3, ctx.repo.plan.starts)
        police = ctx.repo.resolve_owner("police")
        give_return(ctx, police.id, quarter, {"2.1a": (
            "on-track", "Return-home interviews offered within 72\u00a0hours – 41 of 44")})
        view = return_modal(return_form(ctx, police.id, quarter), ORIGIN)
        assert view == _modal({"owner": police.id, "year": 2025, "quarter": 3, **ORIGIN}, [
            _context("Larkmoor Police · Q3 2025/26 (Oct–Dec 2025) · due 21 Jan 2026. "
                     "Plan-level progress only: never a child's details."),
            _status("2.1a", "2.1a Run a joint return-home interview process for every "
                            "child who goes missing", "on-track"),
            _note("2.1a", "Return-home interviews offered within 72\u00a0hours – 41 of 44"),
            _status("2.1b", "2.1b Share monthly intelligence on places of concern between "
                            "police, schools and the voluntary sector", "on-track"),
            _note("2.1b", None),
        ])
        state = _submitted(view, {"status:2.1b": "at-risk",
                                  "note:2.1b": "Schools’ feed paused – new data officer"})
        entries = return_entries(modal_values(state))
        assert entries == {
            "2.1a": ("on-track", "Return-home interviews offered within 72\u00a0hours – 41 of 44"),
            "2.1b": ("at-risk", "Schools’ feed paused – new data officer")}
        assert give_return(ctx, police.id, quarter, entries) == ["2.1a", "2.1b"]
        again = return_form(ctx, police.id, quarter)
        assert [(line.ref, line.status, line.commentary) for line in again.lines] == [
            ("2.1a", "on-track", "Return-home interviews offered within 72\u00a0hours – 41 of 44"),
            ("2.1b", "at-risk", "Schools’ feed paused – new data officer")]


def test_a_commentary_left_empty_is_read_as_none_given() -> None:
    state = {"values": {
        "status:2.1a": {"value": {"type": "static_select",
                                  "selected_option": _choice("complete")}},
        "note:2.1a": {"value": {"type": "plain_text_input", "value": None}}}}
    assert return_entries(modal_values(state)) == {"2.1a": ("complete", "")}


def test_a_status_without_its_commentary_field_has_no_commentary() -> None:
    assert return_entries({"status:2.1a": "off-track", "status:2.1b": "on-track",
                           "note:2.1b": "fine", "note:9.9": "stray"}) == {
        "2.1a": ("off-track", ""), "2.1b": ("on-track", "fine")}
