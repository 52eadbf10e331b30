"""Tests for the FakeSlack Web API emulator, driven by the real slack_sdk WebClient."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.client import RemoteDisconnected
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.fakeslack import (
    FakeSlack,
    Fault,
    signed_event,
    signed_interaction,
    signed_slash_command,
)

TOKEN = "xoxb-test-token"
SECRET = "test-signing-secret"
NO_WAIT = FixedValueRetryIntervalCalculator(0.0)
META = {"event_type": "lscb_reminder", "event_payload": {"key": "plan-7:2024-05-01"}}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """Channels the bot is in, and a user: these tests are about messages, not membership."""
    with FakeSlack() as running:
        for channel in ("C1", "C2", "C123"):
            running.add_channel(channel, member=True)
        running.add_user("U1")
        yield running


def client(fake: FakeSlack, *handlers: Any) -> WebClient:
    """A WebClient with exactly ``handlers`` as retry handlers (none by default)."""
    return WebClient(token=TOKEN, base_url=fake.base_url, retry_handlers=list(handlers), timeout=5)


def retrying_client(fake: FakeSlack) -> WebClient:
    return client(
        fake,
        RateLimitErrorRetryHandler(max_retry_count=1),
        ServerErrorRetryHandler(max_retry_count=1, interval_calculator=NO_WAIT),
        ConnectionErrorRetryHandler(max_retry_count=1, interval_calculator=NO_WAIT),
    )


def blocks(count: int) -> list[dict[str, Any]]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": f"b{i}"}} for i in range(count)]


def modal(block_list: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "modal", "title": {"type": "plain_text", "text": "T"}, "blocks": block_list}


# ---- basics ----------------------------------------------------------------------------------


def test_base_urls_have_the_form_webclient_expects(fake: FakeSlack) -> None:
    assert fake.base_url.startswith("http://127.0.0.1:")
    assert fake.base_url.endswith("/api/")
    assert fake.response_url_base == fake.base_url.replace("/api/", "/response/")


def test_start_stop_without_context_manager() -> None:
    fake = FakeSlack().start()
    try:
        assert client(fake).auth_test()["user_id"] == "UBOT"
    finally:
        fake.stop()
    with pytest.raises(RuntimeError):
        _ = fake.base_url


def test_auth_test_and_lookups(fake: FakeSlack) -> None:
    fake.workspace.scopes |= {"users:read", "channels:read"}
    fake.add_user("U42", "sam", real_name="Sam Jones")
    web = client(fake)
    auth = web.auth_test()
    assert (auth["team_id"], auth["user_id"], auth["bot_id"]) == ("T0001", "UBOT", "BBOT")
    user = web.users_info(user="U42")["user"]
    assert (user["id"], user["real_name"], user["profile"]["real_name"]) == (
        "U42", "Sam Jones", "Sam Jones")
    assert web.conversations_info(channel="C1")["channel"]["id"] == "C1"


def test_missing_token_is_not_authed(fake: FakeSlack) -> None:
    anonymous = WebClient(base_url=fake.base_url, retry_handlers=[])
    with pytest.raises(SlackApiError) as err:
        anonymous.chat_postMessage(channel="C1", text="hi")
    assert err.value.response["error"] == "not_authed"
    assert fake.messages("C1") == []


def test_wrong_token_is_invalid_auth_when_a_token_is_configured() -> None:
    with FakeSlack(token=TOKEN) as fake:
        wrong = WebClient(token="xoxb-other", base_url=fake.base_url, retry_handlers=[])
        with pytest.raises(SlackApiError) as err:
            wrong.auth_test()
        assert err.value.response["error"] == "invalid_auth"
        assert client(fake).auth_test()["ok"]


def test_unknown_method(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as err:
        client(fake).api_call("reactions.add", json={"name": "eyes"})
    assert err.value.response["error"] == "unknown_method"


# ---- messages and history --------------------------------------------------------------------


def test_post_message_is_stored_and_history_returns_it_with_metadata(fake: FakeSlack) -> None:
    web = client(fake)
    first = web.chat_postMessage(channel="C1", text="one", metadata=META)
    second = web.chat_postMessage(channel="C1", text="two")
    assert first["channel"] == "C1"
    assert float(first["ts"]) < float(second["ts"])

    history = web.conversations_history(channel="C1", include_all_metadata=True)
    assert [m["text"] for m in history["messages"]] == ["two", "one"]  # newest first
    assert history["messages"][1]["metadata"] == META
    plain = web.conversations_history(channel="C1")
    assert all("metadata" not in m for m in plain["messages"])


def test_history_honours_oldest_and_limit(fake: FakeSlack) -> None:
    web = client(fake)
    ts = [web.chat_postMessage(channel="C1", text=f"m{i}")["ts"] for i in range(4)]
    newer = web.conversations_history(channel="C1", oldest=ts[1])
    assert [m["ts"] for m in newer["messages"]] == [ts[3], ts[2]]
    page = web.conversations_history(channel="C1", limit=1)
    assert [m["ts"] for m in page["messages"]] == [ts[3]]
    assert page["has_more"] is True
    assert web.conversations_history(channel="C2")["messages"] == []


def test_form_body_with_json_string_blocks_and_metadata_is_decoded(fake: FakeSlack) -> None:
    params = {
        "channel": "C1",
        "text": "fallback",
        "blocks": json.dumps(blocks(2)),
        "metadata": json.dumps(META),
    }
    client(fake).api_call("chat.postMessage", params=params)
    [stored] = fake.messages("C1")
    assert stored["blocks"] == blocks(2)
    assert stored["metadata"] == META
    assert fake.calls("chat.postMessage")[0].params["blocks"] == blocks(2)


def test_update_and_ephemeral(fake: FakeSlack) -> None:
    web = client(fake)
    ts = web.chat_postMessage(channel="C1", text="old")["ts"]
    web.chat_update(channel="C1", ts=ts, text="new", blocks=blocks(1))
    assert fake.messages("C1")[0]["text"] == "new"
    with pytest.raises(SlackApiError) as err:
        web.chat_update(channel="C1", ts="1.000000", text="nope")
    assert err.value.response["error"] == "message_not_found"
    assert web.chat_postEphemeral(channel="C1", user="U1", text="psst")["message_ts"]
    assert fake.ephemerals()[0]["to_user"] == "U1"
    assert len(fake.messages("C1")) == 1  # ephemerals never reach history


def test_views_open_update_publish(fake: FakeSlack) -> None:
    web = client(fake)
    opened = web.views_open(trigger_id=fake.trigger_id(), view=modal(blocks(1)))["view"]
    assert opened["id"].startswith("V")
    web.views_update(view_id=opened["id"], view=modal(blocks(3)))
    assert len(cast(dict[str, Any], fake.view(opened["id"]))["blocks"]) == 3
    home = {"type": "home", "blocks": blocks(2)}
    first = web.views_publish(user_id="U1", view=home)["view"]["id"]
    assert web.views_publish(user_id="U1", view=home)["view"]["id"] == first
    assert cast(dict[str, Any], fake.home_view("U1"))["type"] == "home"
    assert fake.violations == []


def test_calls_are_recorded_filtered_and_cleared(fake: FakeSlack) -> None:
    web = client(fake)
    web.auth_test()
    web.chat_postMessage(channel="C1", text="x")
    assert [c.method for c in fake.calls()] == ["auth.test", "chat.postMessage"]
    call = fake.calls("chat.postMessage")[0]
    assert call.params == {"channel": "C1", "text": "x"}
    assert call.headers["Authorization"] == f"Bearer {TOKEN}"
    fake.clear()
    assert fake.calls() == []
    assert fake.messages("C1") == []


# ---- faults without retries ------------------------------------------------------------------


def test_rate_limited_answers_429_once_without_posting(fake: FakeSlack) -> None:
    fake.inject("chat.postMessage", Fault.rate_limited(retry_after=7))
    web = client(fake)
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="x")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"
    assert err.value.response["error"] == "ratelimited"
    assert fake.messages("C1") == []
    web.chat_postMessage(channel="C1", text="x")  # the fault was one-shot
    assert len(fake.messages("C1")) == 1


def test_server_error_answers_500_without_posting(fake: FakeSlack) -> None:
    fake.inject("chat.postMessage", Fault.server_error())
    with pytest.raises(SlackApiError) as err:
        client(fake).chat_postMessage(channel="C1", text="x")
    assert err.value.response.status_code == 500
    assert fake.messages("C1") == []


def test_drop_raises_remote_disconnected_and_does_not_post(fake: FakeSlack) -> None:
    fake.inject("chat.postMessage", Fault.drop())
    with pytest.raises(RemoteDisconnected):  # a ConnectionResetError, not a SlackApiError
        client(fake).chat_postMessage(channel="C1", text="x")
    assert fake.messages("C1") == []
    assert fake.calls("chat.postMessage")[0].fault == "drop"


def test_lost_reply_raises_but_the_message_was_posted(fake: FakeSlack) -> None:
    fake.inject("chat.postMessage", Fault.lost_reply())
    with pytest.raises(RemoteDisconnected):
        client(fake).chat_postMessage(channel="C1", text="x", metadata=META)
    [stored] = fake.messages("C1")
    assert stored["metadata"] == META  # the bot can find it via conversations.history


def test_faults_apply_in_order_per_method(fake: FakeSlack) -> None:
    fake.inject("chat.postMessage", Fault.ok(), Fault.server_error(), Fault.drop())
    web = client(fake)
    web.auth_test()  # other methods are unaffected
    web.chat_postMessage(channel="C1", text="through")
    with pytest.raises(SlackApiError):
        web.chat_postMessage(channel="C1", text="x")
    with pytest.raises(RemoteDisconnected):
        web.chat_postMessage(channel="C1", text="x")
    assert fake.pending_faults() == 0
    web.chat_postMessage(channel="C1", text="x")
    assert [c.fault for c in fake.calls("chat.postMessage")] == [
        None, "server_error", "drop", None]


# ---- faults with slack_sdk's builtin retry handlers -------------------------------------------


@pytest.mark.parametrize(
    "fault", [Fault.rate_limited(retry_after=0), Fault.server_error(), Fault.drop()]
)
def test_builtin_retry_handlers_recover(fake: FakeSlack, fault: Fault) -> None:
    """RateLimitErrorRetryHandler sleeps int(Retry-After) + random() (< 1 s here)."""
    fake.inject("chat.postMessage", fault)
    assert retrying_client(fake).chat_postMessage(channel="C1", text="x")["ok"]
    assert len(fake.messages("C1")) == 1
    assert [c.fault for c in fake.calls("chat.postMessage")] == [fault.kind, None]


def test_lost_reply_with_connection_retry_posts_twice(fake: FakeSlack) -> None:
    """The duplicate the bot must guard against: Slack posted, the client saw a connection
    error, and ConnectionErrorRetryHandler re-sent the same request."""
    fake.inject("chat.postMessage", Fault.lost_reply())
    result = retrying_client(fake).chat_postMessage(channel="C1", text="x", metadata=META)
    stored = fake.messages("C1")
    assert len(stored) == 2
    assert result["ts"] == stored[1]["ts"]
    assert all(m["metadata"] == META for m in stored)


def test_default_webclient_retries_connection_errors() -> None:
    """WebClient() without retry_handlers= already has a ConnectionErrorRetryHandler."""
    handlers = WebClient().retry_handlers
    assert [type(h) for h in handlers] == [ConnectionErrorRetryHandler]


def test_retry_budget_is_shared_between_handlers(fake: FakeSlack) -> None:
    """RetryState.current_attempt is one counter for all handlers: after the 500 is retried,
    the ConnectionErrorRetryHandler (max_retry_count=1) no longer retries the drop."""
    fake.inject("chat.postMessage", Fault.server_error(), Fault.drop())
    with pytest.raises(RemoteDisconnected):
        retrying_client(fake).chat_postMessage(channel="C1", text="x")
    assert fake.messages("C1") == []


# ---- Block Kit limits ------------------------------------------------------------------------


def section(text_len: int) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": "x" * text_len}}


def header(text_len: int) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": "x" * text_len}}


def button(text_len: int) -> dict[str, Any]:
    text = {"type": "plain_text", "text": "x" * text_len}
    return {"type": "actions", "elements": [{"type": "button", "text": text, "action_id": "a"}]}


@pytest.mark.parametrize(
    ("block_list", "ok"),
    [
        (blocks(50), True),
        (blocks(51), False),
        ([section(3000)], True),
        ([section(3001)], False),
        ([header(150)], True),
        ([header(151)], False),
        ([button(75)], True),
        ([button(76)], False),
        ([{"type": "no_such_block"}], False),
    ],
)
def test_message_block_limits(fake: FakeSlack, block_list: list[Any], ok: bool) -> None:
    web = client(fake)
    if ok:
        web.chat_postMessage(channel="C1", text="t", blocks=block_list)
        assert fake.violations == []
        return
    with pytest.raises(SlackApiError) as err:
        web.chat_postMessage(channel="C1", text="t", blocks=block_list)
    assert err.value.response["error"] == "invalid_blocks"
    assert err.value.response["response_metadata"]["messages"]
    assert [v.error for v in fake.violations] == ["invalid_blocks"]
    assert fake.messages("C1") == []


@pytest.mark.parametrize("method", ["chat_update", "chat_postEphemeral"])
def test_other_message_methods_check_limits(fake: FakeSlack, method: str) -> None:
    web = client(fake)
    ts = web.chat_postMessage(channel="C1", text="t")["ts"]
    with pytest.raises(SlackApiError) as err:
        getattr(web, method)(channel="C1", ts=ts, user="U1", text="t", blocks=blocks(51))
    assert err.value.response["error"] == "invalid_blocks"


def test_view_block_limits(fake: FakeSlack) -> None:
    web = client(fake)
    web.views_open(trigger_id=fake.trigger_id(), view=modal(blocks(100)))
    with pytest.raises(SlackApiError) as err:
        web.views_publish(user_id="U1", view={"type": "home", "blocks": blocks(101)})
    assert err.value.response["error"] == "invalid_blocks"
    assert [(v.method, v.error) for v in fake.violations] == [("views.publish", "invalid_blocks")]


def test_post_message_without_text_or_blocks_is_no_text(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as err:
        client(fake).api_call("chat.postMessage", json={"channel": "C1"})
    assert err.value.response["error"] == "no_text"
    assert [v.error for v in fake.violations] == ["no_text"]


def test_response_url_posts_are_recorded_and_checked(fake: FakeSlack) -> None:
    hook = WebhookClient(f"{fake.response_url_base}abc", timeout=5)
    assert (hook.send(text="done").status_code, hook.send(text="done").body) == (200, "ok")
    bad = hook.send(text="t", blocks=blocks(51))
    assert (bad.status_code, bad.body) == (400, "invalid_blocks")
    calls = fake.calls("response_url")
    assert calls[0].path == "/response/abc"
    assert calls[0].params["text"] == "done"
    assert [v.method for v in fake.violations] == ["response_url"]


# ---- signed helpers --------------------------------------------------------------------------


def verify(fake: FakeSlack, secret: str = SECRET) -> bool:
    call = fake.calls("response_url")[-1]
    return SignatureVerifier(secret).is_valid_request(call.body, call.headers)


def test_signed_slash_command_is_accepted_by_signature_verifier(fake: FakeSlack) -> None:
    url = f"{fake.response_url_base}capture"
    status, body = signed_slash_command(url, SECRET, text="status", response_url="https://r/1")
    assert (status, body) == (200, "ok")
    assert verify(fake)
    sent = {k: v[0] for k, v in parse_qs(fake.calls("response_url")[-1].body).items()}
    assert sent["command"] == "/lscb"
    assert sent["text"] == "status"
    assert sent["response_url"] == "https://r/1"
    assert sent["trigger_id"]


def test_signed_helpers_forged_or_stale_are_rejected(fake: FakeSlack) -> None:
    url = f"{fake.response_url_base}capture"
    signed_slash_command(url, SECRET, secret_override="not-the-secret")
    assert not verify(fake)
    signed_slash_command(url, SECRET, timestamp=int(time.time()) - 600)
    assert not verify(fake)


def test_signed_interaction_and_event(fake: FakeSlack) -> None:
    url = f"{fake.response_url_base}capture"
    payload = {"type": "block_actions", "actions": [{"action_id": "done"}]}
    signed_interaction(url, SECRET, payload)
    assert verify(fake)
    assert json.loads(fake.calls("response_url")[-1].params["payload"]) == payload
    signed_event(url, SECRET, {"type": "app_home_opened", "user": "U1", "tab": "home"})
    assert verify(fake)
    envelope = json.loads(fake.calls("response_url")[-1].body)
    assert envelope["type"] == "event_callback"
    assert envelope["event"]["type"] == "app_home_opened"


# ---- end to end with a real Bolt app ---------------------------------------------------------


class _BoltHandler(BaseHTTPRequestHandler):
    """Minimal http.server adapter for a Bolt App (what a test of the real bot would use)."""

    app: App

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        headers = {k: [v] for k, v in self.headers.items()}
        response = self.app.dispatch(BoltRequest(body=raw, headers=headers))
        data = response.body.encode()
        self.send_response(response.status)
        for name, values in response.headers.items():
            for value in values:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_bolt_app_end_to_end(fake: FakeSlack) -> None:
    web = WebClient(token=TOKEN, base_url=fake.base_url)
    app = App(client=web, signing_secret=SECRET)

    @app.command("/lscb")
    def lscb(ack: Any, respond: Any, command: dict[str, Any], client: WebClient) -> None:
        ack()
        respond(f"you said {command['text']}")
        client.chat_postMessage(channel=command["channel_id"], text="posted", metadata=META)

    handler = type("Handler", (_BoltHandler,), {"app": app})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/slack/events"
        response_url = f"{fake.response_url_base}cmd1"
        assert signed_slash_command(url, SECRET, text="hi", response_url=response_url)[0] == 200
        assert signed_slash_command(url, SECRET, secret_override="forged")[0] == 401
        [reply] = fake.wait_for("response_url")
        assert reply.params["text"] == "you said hi"
        fake.wait_for("chat.postMessage")
    finally:
        server.shutdown()
        server.server_close()
    assert fake.messages("C123")[0]["metadata"] == META
    assert fake.calls("auth.test")  # Bolt verified its token against the fake
    assert fake.violations == []
