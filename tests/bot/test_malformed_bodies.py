"""Correctly signed bodies that Slack would never send get 400, never 500, and change nothing.

Each is posted, signed with the app's secret, to the running app (bolt behind waitress on
loopback); the plan, its audit log and the calls made to Slack are compared before and
after. Real payloads, shaped as Slack documents them, must still pass.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.payloads import problem_with
from storage.database import Database
from storage.exporter import plan_document
from storage.importer import import_plan
from storage.models import AuditEntry
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from storage.repository import active_plan
from tests.fakeslack_requests import FORM as _FORM
from tests.slackapp import SIGNING_SECRET, RunningApp, running_app, signature_of

JSON = dict[str, Any]
OWNER = "UADMIN"


def click(**changes: Any) -> JSON:
    """A *Mark complete* click on 2.5 as Slack sends it (block_actions)."""
    body: JSON = {
        "type": "block_actions", "user": {"id": OWNER, "username": "sam", "team_id": "T0001"},
        "api_app_id": "A0001", "token": "legacy", "trigger_id": "1.2.abc",
        "team": {"id": "T0001", "domain": "lscb-test"}, "enterprise": None,
        "is_enterprise_install": False,
        "container": {"type": "message", "message_ts": "1.0001", "channel_id": "CPOLICY"},
        "channel": {"id": "CPOLICY", "name": "policy"},
        "message": {"type": "message", "ts": "1.0001", "text": "Action 2.5", "blocks": []},
        "response_url": "", "state": {"values": {}},
        "actions": [{"action_id": "lscb_complete", "block_id": "b", "type": "button",
                     "value": "2.5", "action_ts": "1.2"}]}
    body.update(changes)
    return body


def submission(**view_changes: Any) -> JSON:
    """The *Update status* modal submitted for 2.5 (view_submission)."""
    view = {"id": "V1", "team_id": "T0001", "type": "modal", "callback_id": "lscb_update_modal",
            "private_metadata": "{}", "hash": "1.x", "blocks": [], "state": {"values": {
                "action": {"value": {"type": "static_select",
                                     "selected_option": {"value": "2.5"}}},
                "status": {"value": {"type": "static_select",
                                     "selected_option": {"value": "on-track"}}},
                "note": {"value": {"type": "plain_text_input", "value": None}}}}}
    view.update(view_changes)
    return {"type": "view_submission", "team": {"id": "T0001", "domain": "lscb-test"},
            "user": {"id": OWNER, "team_id": "T0001"}, "api_app_id": "A0001",
            "trigger_id": "1.2.abc", "view": view, "response_urls": []}


def home_opened(**event_changes: Any) -> JSON:
    event = {"type": "app_home_opened", "user": OWNER, "channel": "D1", "tab": "home",
             "event_ts": "1.1"}
    event.update(event_changes)
    return {"token": "legacy", "team_id": "T0001", "api_app_id": "A0001", "event": event,
            "type": "event_callback", "event_id": "Ev1", "event_time": 1,
            "authorizations": [{"enterprise_id": None, "team_id": "T0001", "user_id": "UBOT",
                                "is_bot": True, "is_enterprise_install": False}]}


SLASH = {"token": "legacy", "team_id": "T0001", "team_domain": "lscb-test",
         "channel_id": "C1", "channel_name": "general", "user_id": OWNER, "user_name": "sam",
         "command": "/lscb", "text": "done 2.5", "response_url": "", "trigger_id": "1.2.abc",
         "api_app_id": "A0001"}


def without(body: JSON, key: str) -> JSON:
    return {k: v for k, v in body.items() if k != key}


def payload(value: object) -> tuple[str, str]:
    text = value if isinstance(value, str) else json.dumps(value)
    return urlencode({"payload": text}), _FORM


def form(fields: JSON) -> tuple[str, str]:
    return urlencode(fields), _FORM


def as_json(value: object) -> tuple[str, str]:
    return (value if isinstance(value, str) else json.dumps(value)), "application/json"


MALFORMED: dict[str, tuple[str, str]] = {
    "payload is broken JSON": payload('{"type": "block_actions", '),
    "payload is a list": payload([click()]),
    "payload is a string": payload('"block_actions"'),
    "payload is null": payload("null"),
    "payload has no type": payload(without(click(), "type")),
    "type is a number": payload(click(type=7)),
    "click has no user": payload(without(click(), "user")),
    "user is a string": payload(click(user=OWNER)),
    "user has no id": payload(click(user={"name": "sam"})),
    "user id is a number": payload(click(user={"id": 42})),
    "click has no team": payload(without(click(), "team")),
    "team is a list": payload(click(team=["T0001"])),
    "click has no actions": payload(without(click(), "actions")),
    "actions is empty": payload(click(actions=[])),
    "actions is an object": payload(click(actions={"0": {"action_id": "lscb_complete"}})),
    "an action is text": payload(click(actions=["lscb_complete"])),
    "an action has no action_id": payload(click(actions=[{"value": "2.5"}])),
    "an action's value is a list": payload(click(actions=[{"action_id": "lscb_complete",
                                                           "value": ["2.5"]}])),
    "click has no trigger_id": payload(without(click(), "trigger_id")),
    "message is text": payload(click(message="Action 2.5")),
    "message blocks are text": payload(click(message={"ts": "1.1", "blocks": "none"})),
    "channel is a number": payload(click(channel=5)),
    "authorizations is text": payload(click(authorizations="T0001")),
    "authorizations hold text": payload(click(authorizations=["T0001"])),
    "enterprise is a number": payload(click(enterprise=1)),
    "response_urls hold text": payload(click(response_urls=["https://x"])),
    "submission has no view": payload(without(submission(), "view")),
    "view is text": payload({**submission(), "view": "V1"}),
    "view has no callback_id": payload({**submission(), "view": without(
        submission()["view"], "callback_id")}),
    "view has no type": payload({**submission(), "view": without(submission()["view"], "type")}),
    "view state is text": payload(submission(state="on-track")),
    "view state values hold a list": payload(submission(state={"values": {"note": ["x"]}})),
    "a state value is a number": payload(submission(state={"values": {"note": {"value": {
        "type": "plain_text_input", "value": 5}}}})),
    "a selected option is text": payload(submission(state={"values": {"status": {"value": {
        "selected_option": "on-track"}}}})),
    "private_metadata is an object": payload(submission(private_metadata={"ts": "1"})),
    "slash command without user_id": form(without(SLASH, "user_id")),
    "slash command without team_id": form(without(SLASH, "team_id")),
    "slash command without text": form(without(SLASH, "text")),
    "slash command with an empty command": form({**SLASH, "command": ""}),
    "a form that is nothing Slack sends": form({"hello": "world"}),
    "an empty body": ("", _FORM),
    "JSON body is broken": as_json('{"type": "event_callback", "event": {'),
    "JSON body is a list": as_json([home_opened()]),
    "JSON body is a number": as_json("12"),
    "JSON nested 100,000 deep": as_json("[" * 100_000),
    "event envelope without event": as_json(without(home_opened(), "event")),
    "event is text": as_json({**home_opened(), "event": "app_home_opened"}),
    "event has no type": as_json({**home_opened(), "event": {"user": OWNER}}),
    "event envelope without team_id": as_json(without(home_opened(), "team_id")),
    "app_home_opened without user": as_json(home_opened(user=None)),
    "app_home_opened with a user object": as_json(home_opened(user={"id": OWNER})),
    "url_verification without challenge": as_json({"type": "url_verification"}),
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    path: Path = tmp_path_factory.mktemp("malformed") / "lscb.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.committed() as session:
        import_plan(session, read_plan_file(SAMPLE_PLAN), "test",
                    datetime(2014, 4, 1, 9, tzinfo=UTC))
    with running_app(database) as running:
        yield running
    database.dispose()


def post(app: RunningApp, body: str, content_type: str,
         secret: str = SIGNING_SECRET) -> tuple[int, object]:
    """POST `body` signed as Slack signs (a lone surrogate stands for a byte that is not
    UTF-8); the status and the answer."""
    raw = body.encode("utf-8", "surrogateescape")
    stamp = str(int(time.time()))
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": signature_of(secret, stamp, raw)}
    try:
        with urlopen(Request(app.url, data=raw, headers=headers), timeout=10) as response:
            status, answer = response.status, response.read()
    except HTTPError as error:
        status, answer = error.code, error.read()
    try:
        return status, json.loads(answer or b"null")
    except ValueError:
        return status, answer


def state_of(app: RunningApp) -> object:
    with app.database.committed() as session:
        return (plan_document(session, active_plan(session)),
                session.scalar(select(func.count()).select_from(AuditEntry)),
                [c.method for c in app.fake.calls() if c.method != "auth.test"])


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_signed_malformed_body_gets_400_and_changes_nothing(app: RunningApp,
                                                              case: str) -> None:
    before = state_of(app)
    status, answer = post(app, *MALFORMED[case])
    assert status == 400, answer
    assert isinstance(answer, dict) and answer["error"]
    assert state_of(app) == before


def test_a_body_that_is_not_utf8_is_not_from_slack_even_signed(app: RunningApp) -> None:
    before = state_of(app)
    status, _ = post(app, "command=/lscb&text=caf\udce9", _FORM)
    assert status == 401 and state_of(app) == before


def test_the_same_bodies_unsigned_get_401(app: RunningApp) -> None:
    for case, (body, content_type) in MALFORMED.items():
        assert post(app, body, content_type, secret="forged")[0] == 401, case


WELL_FORMED = {
    "a click": payload(click(actions=[{"action_id": "lscb_snooze_nothing", "value": "x"}])),
    "a click in an org-wide install (team null)": payload(click(
        team=None, enterprise={"id": "E1", "name": "Org"}, actions=[{
            "action_id": "unknown_button", "type": "button", "block_id": "b"}])),
    "a modal closed": payload({"type": "view_closed", "team": {"id": "T0001"},
                               "user": {"id": OWNER}, "is_cleared": False,
                               "view": {"id": "V1", "type": "modal", "callback_id": "other"}}),
    "a slash command with empty text": form({**SLASH, "text": ""}),
    "Slack's SSL check": form({"ssl_check": "1", "token": "legacy"}),
    "url_verification": as_json({"token": "legacy", "challenge": "3eZbrw1aBm",
                                 "type": "url_verification"}),
    "an event nobody handles": as_json({**home_opened(), "event": {
        "type": "user_change", "user": {"id": OWNER, "name": "sam"}}}),
    "the App Home's messages tab": as_json(home_opened(tab="messages")),
    # Two conversation selects with response_url_enabled: one response URL each.
    # https://api.slack.com/surfaces/modals#response_urls
    "a modal with two response URLs": payload({**submission(), "response_urls": [
        {"block_id": "b1", "action_id": "a1", "channel_id": "C1",
         "response_url": "https://hooks.slack.com/app/T0001/1/x"},
        {"block_id": "b2", "action_id": "a2", "channel_id": "C2",
         "response_url": "https://hooks.slack.com/app/T0001/2/y"}]}),
}


@pytest.mark.parametrize("case", list(WELL_FORMED))
def test_bodies_shaped_as_slack_sends_them_pass_the_edge(app: RunningApp, case: str) -> None:
    status, answer = post(app, *WELL_FORMED[case])
    assert status in (200, 404), answer  # 404: bolt has no listener for it, as before


# --- anything else: mutate a real click anywhere, never a 500 --------------------------------

JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                           max_leaves=6)


def paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths(item, (*prefix, i))
    return found


def mutated(body: JSON, path: tuple[Any, ...], value: object, drop: bool) -> JSON:
    body = copy.deepcopy(body)
    parent: Any = body
    for step in path[:-1]:
        parent = parent[step]
    if drop and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return body


BASES = [click(), click(actions=[{"action_id": "lscb_update", "value": "2.5"}]),
         submission(), home_opened()]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_signed_body_mutated_anywhere_is_never_a_500(app: RunningApp,
                                                       data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(BASES))
    path = data.draw(st.sampled_from(paths(base)))
    body = mutated(base, path, data.draw(JSON_VALUES), data.draw(st.booleans()))
    sent = as_json(body) if base["type"] == "event_callback" else payload(body)
    status, answer = post(app, *sent)
    assert status != 500 and status in (200, 400, 404), (path, body, answer)
    if status == 400:
        assert problem_with(body) is not None


def test_the_problem_names_the_field_and_never_its_value() -> None:
    problem = problem_with(click(actions=[{"action_id": "lscb_complete",
                                           "value": ["NHS 943 476 5919"]}]))
    assert problem == "“actions[0].value” should be text, not a list"
