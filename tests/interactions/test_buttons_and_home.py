"""Buttons, the modal and the App Home, end to end over signed requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from bot.app import SORRY
from bot.cycle import run_cycle
from bot.delivery import SlackSender
from bot.slack_client import make_client
from storage.database import Database
from storage.repository import PlanRepository
from tests.fakeslack import (
    Fault,
    check_blocks,
    signed_event,
    signed_interaction,
    signed_slash_command,
)
from tests.slackapp import ADMIN, SIGNING_SECRET, RunningApp, running_app

POLICY_CHANNEL = "CPOLICY"
OWNER = "UPOLICY"
STRANGER = "USTRANGER"


@pytest.fixture
def app(sample_database: Database) -> Iterator[RunningApp]:
    with running_app(sample_database) as running:
        running.fake.add_channel(POLICY_CHANNEL, "policy")
        for user in (OWNER, STRANGER, ADMIN, "UCHAIR"):
            running.fake.add_user(user)
        slash(running, f"link <@{OWNER}> policy", ADMIN)
        slash(running, f"channel <#{POLICY_CHANNEL}> policy", ADMIN)
        slash(running, "link <@UCHAIR> chair", ADMIN)
        yield running


def slash(app: RunningApp, text: str, user: str) -> dict[str, Any]:
    status, body = signed_slash_command(app.url, SIGNING_SECRET, text=text, user_id=user)
    assert status == 200
    assert isinstance(body, dict)
    return body


def reminder(app: RunningApp, ref: str, day: date) -> dict[str, Any]:
    """Run the day's nudge cycle and return the message posted about `ref`."""
    sender = SlackSender(make_client(app.settings, retry_connections=False), min_interval=0)
    run_cycle(app.database, replace(app.settings, today=day), sender, worker="test")
    found = [m for m in app.fake.messages(POLICY_CHANNEL) if f"Action {ref}" in m["text"]]
    assert found, [m["text"][:60] for m in app.fake.messages(POLICY_CHANNEL)]
    return found[-1]


def click(app: RunningApp, message: dict[str, Any], action_id: str, user: str) -> int:
    return click_answer(app, message, action_id, user)[0]


def click_answer(app: RunningApp, message: dict[str, Any], action_id: str, user: str
                 ) -> tuple[int, Any]:
    """A click's HTTP status and body (what the bot acknowledged it with)."""
    button = next(e for b in message["blocks"] if b["type"] == "actions"
                  for e in b["elements"] if e["action_id"] == action_id)
    payload = {"type": "block_actions", "user": {"id": user}, "team": {"id": "T0001"},
               "api_app_id": "A1", "trigger_id": app.fake.trigger_id(), "container": {
                   "type": "message", "message_ts": message["ts"],
                   "channel_id": POLICY_CHANNEL},
               "channel": {"id": POLICY_CHANNEL}, "message": message,
               "response_url": f"{app.fake.response_url_base}click",
               "actions": [{"action_id": action_id, "block_id": "b", "type": "button",
                            "value": button["value"], "action_ts": "1"}]}
    return signed_interaction(app.url, SIGNING_SECRET, payload)


def test_every_reminder_carries_the_three_buttons(app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    buttons = [e["text"]["text"] for b in message["blocks"] if b["type"] == "actions"
               for e in b["elements"]]
    assert buttons == ["Mark complete", "Update status", "Snooze a week"]
    assert not check_blocks(message["blocks"], 50)


def test_mark_complete_updates_the_message_in_place(app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    assert click(app, message, "lscb_complete", OWNER) == 200
    [update] = app.fake.calls("chat.update")
    assert update.params["ts"] == message["ts"]
    blocks = update.params["blocks"]
    assert not any(b["type"] == "actions" for b in blocks)
    assert f"<@{OWNER}> marked *2.5* complete" in json.dumps(blocks)
    assert "complete" in slash(app, "action 2.5", OWNER)["text"]


def test_two_clicks_on_an_old_reminder_move_an_annual_date_once(app: RunningApp) -> None:
    message = reminder(app, "2.3", date(2015, 4, 1))  # overdue: due 31 Mar 2015
    assert click(app, message, "lscb_complete", OWNER) == 200
    assert click(app, message, "lscb_complete", OWNER) == 200
    assert len(app.fake.calls("chat.update")) == 1
    [said] = app.fake.calls("response_url")
    assert "next due 31 Mar 2016. Nothing was changed." in said.params["text"]
    assert "Annually → 31 Mar 2016" in slash(app, "action 2.3", OWNER)["text"]


@pytest.mark.parametrize("fault", [Fault.error("cant_update_message"), Fault.server_error(),
                                   Fault.rate_limited(retry_after=0)])
def test_a_message_slack_will_not_update_still_says_what_was_saved(app: RunningApp,
                                                                   fault: Fault) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    app.fake.inject("chat.update", *[fault] * 3)
    status, body = click_answer(app, message, "lscb_complete", OWNER)
    assert status == 200 and SORRY not in json.dumps(body)
    [said] = app.fake.calls("response_url")
    assert said.params["text"].startswith(f"Saved: ✅ <@{OWNER}> marked *2.5* complete.")
    assert "complete" in slash(app, "action 2.5", OWNER)["text"]


def test_a_click_is_saved_when_slack_takes_neither_the_update_nor_the_reply(
        app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    app.fake.inject("chat.update", *[Fault.error("cant_update_message")] * 3)
    app.fake.inject("response_url", *[Fault.server_error()] * 3)
    status, body = click_answer(app, message, "lscb_complete", OWNER)
    assert status == 200 and SORRY not in json.dumps(body)
    assert "complete" in slash(app, "action 2.5", OWNER)["text"]


def test_a_click_by_someone_not_linked_changes_nothing(app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    assert click(app, message, "lscb_complete", STRANGER) == 200
    assert not app.fake.calls("chat.update")
    [refusal] = app.fake.calls("response_url")
    assert "Only people linked to Policies and Procedures" in refusal.params["text"]
    assert "not started" in slash(app, "action 2.5", OWNER)["text"]


def test_snooze_a_week_quiets_reminders_but_keeps_the_date(app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 3, 2))  # the overdue notice
    assert click(app, message, "lscb_snooze", OWNER) == 200
    assert "snoozed reminders for *2.5* until" in json.dumps(
        app.fake.calls("chat.update")[0].params["blocks"])
    assert "Feb 2015 → 28 Feb 2015" in slash(app, "action 2.5", OWNER)["text"]


def test_update_status_opens_the_modal_and_its_submission_updates_the_message(
        app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    assert click(app, message, "lscb_update", OWNER) == 200
    [opened] = app.fake.calls("views.open")
    view = opened.params["view"]
    assert view["callback_id"] == "lscb_update_modal" and not app.fake.violations
    submission = {"type": "view_submission", "user": {"id": OWNER}, "team": {"id": "T0001"},
                  "api_app_id": "A1", "view": {**view, "id": "V1", "state": {"values": {
                      "action": {"value": {"type": "static_select",
                                           "selected_option": {"value": "2.5"}}},
                      "status": {"value": {"type": "static_select",
                                           "selected_option": {"value": "off-track"}}},
                      "note": {"value": {"type": "plain_text_input", "value": ""}},
                      "evidence": {"value": {"type": "url_text_input", "value": None}}}}}}
    status, body = signed_interaction(app.url, SIGNING_SECRET, submission)
    assert status == 200 and body["response_action"] == "errors"
    assert "Say why 2.5 is off-track" in body["errors"]["note"]
    note = submission["view"]["state"]["values"]["note"]["value"]
    note["value"] = "supplier withdrew"
    status, body = signed_interaction(app.url, SIGNING_SECRET, submission)
    assert status == 200 and not body
    assert "off track" in slash(app, "action 2.5", OWNER)["text"]
    [update] = app.fake.calls("chat.update")
    assert update.params["ts"] == message["ts"]
    assert "updated *2.5*: supplier withdrew" in json.dumps(update.params["blocks"])


def test_an_unknown_status_in_the_modal_is_a_field_error(app: RunningApp) -> None:
    click(app, reminder(app, "2.5", date(2015, 2, 16)), "lscb_update", OWNER)
    view = app.fake.calls("views.open")[0].params["view"]
    state = {"values": {
        "action": {"value": {"type": "static_select", "selected_option": {"value": "2.5"}}},
        "status": {"value": {"type": "static_select", "selected_option": {"value": "purple"}}}}}
    status, body = signed_interaction(app.url, SIGNING_SECRET, {
        "type": "view_submission", "user": {"id": OWNER}, "team": {"id": "T0001"},
        "api_app_id": "A1", "view": {**view, "id": "V1", "state": state}})
    assert status == 200 and body["response_action"] == "errors"
    assert body["errors"] == {"status": "Choose one of the statuses offered."}


@pytest.mark.parametrize("method", ["conversations.history", "chat.update"])
def test_a_saved_modal_is_closed_quietly_whatever_slack_says_after(app: RunningApp,
                                                                   method: str) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    click(app, message, "lscb_update", OWNER)
    view = app.fake.calls("views.open")[0].params["view"]
    app.fake.inject(method, *[Fault.server_error()] * 3)
    state = {"values": {
        "action": {"value": {"type": "static_select", "selected_option": {"value": "2.5"}}},
        "status": {"value": {"type": "static_select", "selected_option": {"value": "on-track"}}}}}
    status, body = signed_interaction(app.url, SIGNING_SECRET, {
        "type": "view_submission", "user": {"id": OWNER}, "team": {"id": "T0001"},
        "api_app_id": "A1", "view": {**view, "id": "V1", "state": state}})
    assert status == 200 and not body  # closed (no SORRY): saved; the rest is only logged
    assert "on track" in slash(app, "action 2.5", OWNER)["text"]


def test_child_data_in_the_modal_is_refused(app: RunningApp) -> None:
    message = reminder(app, "2.5", date(2015, 2, 16))
    click(app, message, "lscb_update", OWNER)
    view = app.fake.calls("views.open")[0].params["view"]
    state = {"values": {
        "action": {"value": {"type": "static_select", "selected_option": {"value": "2.5"}}},
        "status": {"value": {"type": "static_select", "selected_option": {"value": "at-risk"}}},
        "note": {"value": {"type": "plain_text_input", "value": "NHS 943 476 5919 missed"}},
        "evidence": {"value": {"type": "url_text_input", "value": None}}}}
    status, body = signed_interaction(app.url, SIGNING_SECRET, {
        "type": "view_submission", "user": {"id": OWNER}, "team": {"id": "T0001"},
        "api_app_id": "A1", "view": {**view, "id": "V1", "state": state}})
    assert status == 200 and "Nothing was stored" in body["errors"]["note"]
    with app.database.committed() as session:
        assert PlanRepository.for_team(session).updates(
            PlanRepository.for_team(session).action("2.5")) == []


def test_the_app_home_is_published_within_limits(app: RunningApp) -> None:
    for user, expected in ((OWNER, "Your next reporting dates"),
                           ("UCHAIR", "Overdue across the plan")):
        status, _ = signed_event(app.url, SIGNING_SECRET, {
            "type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"})
        assert status == 200
        published = app.fake.calls("views.publish")[-1].params
        assert published["user_id"] == user
        assert len(published["view"]["blocks"]) <= 100
        assert expected in json.dumps(published["view"])
    assert not app.fake.violations


def test_unsigned_clicks_are_refused(app: RunningApp) -> None:
    status, _ = signed_interaction(app.url, SIGNING_SECRET, {"type": "block_actions"},
                                   secret_override="wrong")
    assert status == 401
