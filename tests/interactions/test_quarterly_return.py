"""The owners' quarterly return end to end: the request after a quarter ends, its button and
modal over signed requests, the report that uses it, and the reminder to owners who did not
answer. Q2 2014/15 ends on Tue 30 Sep 2014: the request goes on Wed 1 Oct, returns are due
on Tue 21 Oct, and the reminder goes a week before, on Tue 14 Oct."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from bot.cycle import run_cycle
from bot.delivery import SlackSender
from bot.slack_client import make_client
from commands import Caller, Context
from commands.quarters import make_quarter
from commands.report import build_report
from storage.database import Database
from storage.repository import PlanRepository
from tests.fakeslack import signed_interaction, signed_slash_command
from tests.slackapp import ADMIN, SIGNING_SECRET, RunningApp, running_app

POLICY, CASE = "CPOLICY", "CCASE"
OWNER, STRANGER = "UPOLICY", "USTRANGER"


@pytest.fixture
def app(sample_database: Database) -> Iterator[RunningApp]:
    with running_app(sample_database, today=date(2014, 10, 1)) as running:
        for channel in (POLICY, CASE):  # public channels the bot joins at its first post
            running.fake.add_channel(channel)
        for text in (f"link <@{OWNER}> policy", f"channel <#{POLICY}> policy",
                     f"channel <#{CASE}> case review"):
            slash(running, text, ADMIN)
        yield running


def slash(app: RunningApp, text: str, user: str) -> dict[str, Any]:
    status, body = signed_slash_command(app.url, SIGNING_SECRET, text=text, user_id=user)
    assert status == 200 and isinstance(body, dict)
    return body


def cycle(app: RunningApp, day: date) -> None:
    sender = SlackSender(make_client(app.settings, retry_connections=False), min_interval=0)
    run_cycle(app.database, replace(app.settings, today=day), sender, worker="test")


def returns_in(app: RunningApp, channel: str) -> list[dict[str, Any]]:
    return [m for m in app.fake.messages(channel) if "Quarterly return" in m["text"]]


def press(app: RunningApp, message: dict[str, Any], user: str, channel: str = POLICY) -> int:
    button = next(e for b in message["blocks"] if b["type"] == "actions"
                  for e in b["elements"] if e["action_id"] == "lscb_return")
    payload = {"type": "block_actions", "user": {"id": user}, "team": {"id": "T0001"},
               "api_app_id": "A1", "trigger_id": app.fake.trigger_id(),
               "channel": {"id": channel},
               "message": message, "response_url": f"{app.fake.response_url_base}press",
               "container": {"type": "message", "message_ts": message["ts"],
                             "channel_id": channel},
               "actions": [{"action_id": "lscb_return", "block_id": "lscb_return",
                            "type": "button", "value": button["value"], "action_ts": "1"}]}
    status, _ = signed_interaction(app.url, SIGNING_SECRET, payload)
    return status


def submit(app: RunningApp, view: dict[str, Any], entries: dict[str, tuple[str, str]],
           user: str = OWNER) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        ref = block["block_id"].split(":", 1)[1]
        status, note = entries.get(ref, ("", ""))
        if block["block_id"].startswith("status:"):
            chosen = status or block["element"]["initial_option"]["value"]
            values[block["block_id"]] = {"value": {"type": "static_select",
                                                   "selected_option": {"value": chosen}}}
        else:
            values[block["block_id"]] = {"value": {"type": "plain_text_input",
                                                   "value": note or None}}
    status, body = signed_interaction(app.url, SIGNING_SECRET, {
        "type": "view_submission", "user": {"id": user}, "team": {"id": "T0001"},
        "api_app_id": "A1", "view": {**view, "id": "V1", "state": {"values": values}}})
    assert status == 200
    return body if isinstance(body, dict) else {}


def test_each_owner_is_asked_after_the_quarter_with_a_button(app: RunningApp) -> None:
    cycle(app, date(2014, 10, 1))
    [asked] = returns_in(app, POLICY)
    assert asked["text"].startswith("📝 Quarterly return: Q2 2014/15 (Jul–Sep 2014)")
    assert "by *21 Oct 2014*" in json.dumps(asked["blocks"])
    assert "*2.3*" in asked["text"] and len(returns_in(app, CASE)) == 1
    cycle(app, date(2014, 10, 1))  # a cycle run twice asks once
    assert len(returns_in(app, POLICY)) == 1


def test_the_return_modal_lists_the_owners_open_actions_and_records_the_return(
        app: RunningApp, sample_database: Database) -> None:
    cycle(app, date(2014, 10, 1))
    [asked] = returns_in(app, POLICY)
    assert press(app, asked, STRANGER) == 200  # not linked: refused, nothing opened
    assert not app.fake.calls("views.open")
    assert "Only people linked to Policies and Procedures" in json.dumps(
        app.fake.calls("response_url")[-1].params)
    assert press(app, asked, OWNER) == 200
    view = app.fake.calls("views.open")[-1].params["view"]
    assert view["callback_id"] == "lscb_return_modal" and not app.fake.violations
    refs = [b["block_id"] for b in view["blocks"] if b.get("block_id", "").startswith("status:")]
    assert refs[:3] == ["status:1.12", "status:2.3", "status:2.4"]
    refused = submit(app, view, {"2.3": ("at-risk", "")})
    assert refused["response_action"] == "errors" and "Say why 2.3" in refused["errors"][
        "note:2.3"]
    assert submit(app, view, {"2.3": ("at-risk", "two agencies' S11 returns late"),
                              "2.5": ("on-track", "survey out to schools")}) == {}
    with sample_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), datetime(2014, 10, 2, tzinfo=UTC),
                      Caller("UCHAIR", True))
        report = build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts))
    notes = {e.ref: e.commentary.note for e in report.exceptions if e.commentary}
    assert notes["2.3"] == "two agencies' S11 returns late"
    assert "2.3" not in {ref for _, refs in report.silent_by_owner() for ref in refs}
    assert "2.6" in {ref for _, refs in report.silent_by_owner() for ref in refs}


def test_a_commentary_too_long_is_a_field_error(app: RunningApp) -> None:
    cycle(app, date(2014, 10, 1))
    press(app, returns_in(app, POLICY)[0], OWNER)
    view = app.fake.calls("views.open")[-1].params["view"]
    refused = submit(app, view, {"2.3": ("at-risk", "x" * 2001)})
    assert refused["response_action"] == "errors"
    assert "Keep the note under 2,000 characters" in refused["errors"]["note:2.3"]


def test_owners_who_have_not_answered_are_reminded_a_week_before_the_return_is_due(
        app: RunningApp) -> None:
    cycle(app, date(2014, 10, 1))
    [asked] = returns_in(app, POLICY)
    press(app, asked, OWNER)
    view = app.fake.calls("views.open")[-1].params["view"]
    open_refs = [b["block_id"].split(":")[1] for b in view["blocks"]
                 if b.get("block_id", "").startswith("status:")]
    assert submit(app, view, {ref: ("on-track", "") for ref in open_refs}) == {}
    cycle(app, date(2014, 10, 13))
    assert not [m for m in app.fake.messages(CASE) if "due 21 Oct" in m["text"]]
    cycle(app, date(2014, 10, 14))
    reminded = [m for m in app.fake.messages(CASE) if "due 21 Oct" in m["text"]]
    assert len(reminded) == 1 and "no update for the quarter yet" in reminded[0]["text"]
    assert not [m for m in app.fake.messages(POLICY) if "due 21 Oct" in m["text"]]


def test_a_return_by_command_counts_and_a_plain_update_after_the_quarter_does_not(
        app: RunningApp, sample_database: Database) -> None:
    answer = slash(app, "return 2.5 green survey out to schools", OWNER)
    assert answer["text"] == "Return for Q2 2014/15 (Jul–Sep 2014) given for *2.5*."
    assert slash(app, "update 2.3 at-risk found on 1 October", OWNER)["text"].startswith(
        "*2.3* is now 🟠 at risk")
    with sample_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), datetime(2014, 10, 2, tzinfo=UTC),
                      Caller("UCHAIR", True))
        report = build_report(ctx, make_quarter(2014, 2, ctx.repo.plan.starts))
        given = ctx.repo.returns.given(date(2014, 9, 30), date(2014, 9, 30))
        assert [r.commentary for r in given.values()] == ["survey out to schools"]
    silent = {ref for _, refs in report.silent_by_owner() for ref in refs}
    assert "2.5" not in silent and "2.3" in silent
