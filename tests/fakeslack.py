"""Loopback emulator of Slack's Web API for end-to-end tests.

`FakeSlack` is a real HTTP server on 127.0.0.1 that the real ``slack_sdk.WebClient`` talks to
(``WebClient(token="xoxb-...", base_url=fake.base_url)``), so tests exercise the SDK's
serialisation, retry handlers and error handling rather than a mock.  It also accepts
slash-command ``response_url`` posts under ``fake.response_url_base``.

It answers as Slack answers, refusals included (`tests.fakeslack_workspace` holds the rules and
cites the source of each): channels and users exist once a test adds them
(``fake.add_channel("C1", "pmqa")``, ``fake.add_user("U1")``); the bot is in no channel until
it joins (``conversations.join``) or is invited (``fake.invite("C1")``), so history elsewhere
answers ``not_in_channel``; a user id is not a conversation (``channel_not_found``), but
posting to one lands in the bot's ``D…`` DM with them, which ``conversations.open`` returns;
archived and deleted channels, private ones the bot cannot see, tokens that stop working after
an uninstall, scopes the token lacks (it holds manifest.yml's, no more), trigger_ids that
expire after 3 seconds of the fake's clock (``FakeSlack(clock=FakeClock())``), and messages
with too much block text.

Faults (`Fault`) are queued per method; each one applies to exactly one later call
(``Fault.ok()`` lets one through untouched, to aim the next):

* ``rate_limited`` -> HTTP 429 + ``Retry-After``.  Without ``RateLimitErrorRetryHandler`` the
  client raises ``SlackApiError`` (``e.response.status_code == 429``).
* ``server_error`` -> HTTP 500.  ``SlackApiError`` unless ``ServerErrorRetryHandler`` retries.
* ``error(code)`` -> HTTP 200 ``{"ok": false, "error": code}``, the call not performed: e.g.
  ``Fault.error("rate_limited")``, the *other* rate limit (chat.postMessage's "Application has
  posted too many messages"), which no slack_sdk retry handler sees.
* ``drop`` -> the connection is closed with no byte written; the call is NOT performed.
* ``lost_reply`` -> the call IS performed (message stored), then the connection is closed
  without an answer.

For ``drop`` and ``lost_reply`` urllib's ``getresponse()`` raises
``http.client.RemoteDisconnected`` ("Remote end closed connection without response"; a subclass
of ``ConnectionResetError``), which ``WebClient`` re-raises unwrapped once no retry handler takes
it.  Beware: a ``WebClient`` built without ``retry_handlers=`` gets
``[ConnectionErrorRetryHandler()]`` by default, so it silently re-sends once -- after a
``lost_reply`` that is a duplicate post in the channel.

The ``signed_*`` helpers (`tests.fakeslack_requests`) play the other side: they POST to a
running app exactly like Slack does; `slack_text` builds slash text as Slack escapes it.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import socket
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal, cast
from urllib.parse import parse_qs, urlsplit

from tests.fakeslack_blocks import (
    ACTIONS_ELEMENTS_MAX,
    BUTTON_TEXT_MAX,
    HEADER_TEXT_MAX,
    MESSAGE_BLOCK_TEXT_MAX,
    MESSAGE_BLOCKS_MAX,
    SECTION_TEXT_MAX,
    VIEW_BLOCKS_MAX,
    Problem,
    SlackError,
    block_text_length,
    check_blocks,
    check_message,
    check_view,
)
from tests.fakeslack_requests import (
    APP_ID,
    BOT_USER_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    ChannelMention,
    Link,
    Mention,
    Special,
    app_uninstalled,
    as_slack_sends,
    signed_event,
    signed_interaction,
    signed_slash_command,
    slack_text,
    tokens_revoked,
)
from tests.fakeslack_workspace import (
    METHOD_SCOPE,
    HistoryLimit,
    Tokens,
    Triggers,
    Workspace,
    is_user_id,
)

__all__ = [
    "ACTIONS_ELEMENTS_MAX",
    "APP_ID",
    "BOT_ID",
    "BOT_USER_ID",
    "BUTTON_TEXT_MAX",
    "HEADER_TEXT_MAX",
    "MESSAGE_BLOCKS_MAX",
    "MESSAGE_BLOCK_TEXT_MAX",
    "SECTION_TEXT_MAX",
    "TEAM_DOMAIN",
    "TEAM_ID",
    "VIEW_BLOCKS_MAX",
    "Call",
    "ChannelMention",
    "FakeClock",
    "FakeSlack",
    "Fault",
    "Link",
    "Mention",
    "Special",
    "Violation",
    "app_uninstalled",
    "as_slack_sends",
    "block_text_length",
    "check_blocks",
    "signed_event",
    "signed_interaction",
    "signed_slash_command",
    "slack_text",
    "tokens_revoked",
]

JSON = dict[str, Any]

BOT_ID = "BBOT"
HISTORY_DEFAULT_LIMIT = 100
FIRST_TS_MICROS = 0
TS_STEP_MICROS = 100

# Fields slack_sdk (or a hand-written form post) may send as JSON strings inside a form body.
_JSON_STRING_FIELDS = ("blocks", "attachments", "metadata", "view")
_TRUTHY = (True, 1, "1", "true", "True")

FaultKind = Literal["ok", "rate_limited", "server_error", "error", "drop", "lost_reply", "hold"]


@dataclass(frozen=True)
class Call:
    """One HTTP request the fake received, recorded before any fault or validation.

    ``body`` is the raw request body (so signatures can be re-verified); ``fault`` names the
    injected fault that consumed this call, if any; ``at`` is ``time.monotonic()`` on arrival
    (real time, whatever the fake's clock, so gaps between posts can be measured).
    """

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    path: str = ""
    body: str = ""
    fault: FaultKind | None = None
    at: float = 0.0


@dataclass(frozen=True)
class Violation:
    """A malformed message or view the fake rejected (the bot must never produce these)."""

    method: str
    error: str
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Fault:
    """A one-shot misbehaviour; queue it with ``FakeSlack.inject(method, fault)``."""

    kind: FaultKind
    retry_after: int = 0
    code: str = ""

    @classmethod
    def ok(cls) -> Fault:
        """No fault: let one call through as usual (to aim the faults queued after it)."""
        return cls("ok")

    @classmethod
    def rate_limited(cls, retry_after: int = 1) -> Fault:
        return cls("rate_limited", retry_after)

    @classmethod
    def server_error(cls) -> Fault:
        return cls("server_error")

    @classmethod
    def error(cls, code: str) -> Fault:
        """Slack answers HTTP 200 ``{"ok": false, "error": code}`` and does nothing."""
        return cls("error", code=code)

    @classmethod
    def drop(cls) -> Fault:
        return cls("drop")

    @classmethod
    def lost_reply(cls) -> Fault:
        return cls("lost_reply")

    @classmethod
    def hold(cls) -> Fault:
        """Perform the call, then keep the client waiting until ``FakeSlack.release()``.

        For killing a client mid-call: Slack acted, the client never heard.
        """
        return cls("hold")


class FakeClock:
    """A clock a test moves by hand: ``FakeSlack(clock=clock)``, then ``clock.advance(4)``."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class _Reply:
    status: int = 200
    body: JSON | str = field(default_factory=dict)
    headers: tuple[tuple[str, str], ...] = ()
    hang_up: bool = False


class _Throttled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


# --------------------------------------------------------------------------------------------
# Request parsing helpers
# --------------------------------------------------------------------------------------------


def _header(headers: Mapping[str, str], name: str) -> str:
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), "")


def _decode_json_strings(params: JSON) -> JSON:
    for key in _JSON_STRING_FIELDS:
        value = params.get(key)
        if isinstance(value, str) and value.lstrip()[:1] in ("[", "{"):
            # Undecodable JSON stays a string: the validators then reject it like Slack would.
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


def _parse_params(content_type: str, query: str, raw: bytes) -> JSON | None:
    """Merge query string and body (JSON or form) into one dict; None if the JSON is broken."""
    params: JSON = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    text = raw.decode("utf-8", errors="replace")
    if content_type.lower().startswith("application/json"):
        try:
            body = json.loads(text) if text.strip() else {}
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        params.update(body)
    else:
        params.update({k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()})
    return _decode_json_strings(params)


def _route(path: str) -> str | None:
    if path.startswith("/api/") and len(path) > len("/api/"):
        return path[len("/api/") :]
    if path.startswith("/response/"):
        return "response_url"
    return None


def _truthy(value: object) -> bool:
    return value in _TRUTHY


def _ts_value(value: object, param: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise SlackError(f"invalid_ts_{param}") from exc


def _in_window(ts: str, oldest: Decimal | None, latest: Decimal | None, inclusive: bool) -> bool:
    value = Decimal(ts)
    if oldest is not None and (value < oldest or (value == oldest and not inclusive)):
        return False
    return latest is None or value < latest or (value == latest and inclusive)


def _require(params: JSON, key: str, error: str) -> str:
    value = params.get(key)
    if not value:
        raise SlackError(error)
    return str(value)


def _limit(value: object) -> int:
    """The ``limit`` asked for; 0 when absent or not a positive number (the default applies)."""
    try:
        limit = int(str(value))
    except ValueError:
        return 0
    return max(limit, 0)


def _cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _offset(cursor: object) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.b64decode(str(cursor)).decode().removeprefix("offset:"))
    except ValueError as exc:
        raise SlackError("invalid_cursor") from exc


def _without_metadata(message: JSON) -> JSON:
    return {k: copy.deepcopy(v) for k, v in message.items() if k != "metadata"}


def _api_error(error: str, problems: list[Problem] | None = None, **fields: Any) -> _Reply:
    body: JSON = {"ok": False, "error": error, **fields}
    if problems:
        messages = [f"[ERROR] {message} [json-pointer:{ptr}]" for ptr, message in problems]
        body["response_metadata"] = {"messages": messages}
    return _Reply(body=body)


def _fault_reply(fault: Fault) -> _Reply:
    if fault.kind == "rate_limited":
        body = {"ok": False, "error": "ratelimited"}
        return _Reply(429, body, (("Retry-After", str(fault.retry_after)),))
    if fault.kind == "server_error":
        return _Reply(500, {"ok": False, "error": "fatal_error"})
    if fault.kind == "error":
        return _api_error(fault.code)
    return _Reply(hang_up=True)

# --------------------------------------------------------------------------------------------
# The fake
# --------------------------------------------------------------------------------------------


class FakeSlack:
    """Slack Web API emulator on 127.0.0.1; use as a context manager or via start()/stop().

    ``token``: if given, only that bearer token is accepted (others get ``invalid_auth``, as on
    Slack); by default any non-empty bearer token is fine.  A missing one gets ``not_authed``.
    ``scopes``: what the token was granted (default: manifest.yml's bot scopes).  ``clock``:
    seconds, for what expires (trigger_ids, the history rate limit); ``time.monotonic`` unless
    a test passes a `FakeClock`.

    All requests are handled under one lock, so the recorded order is the processing order.
    """

    def __init__(self, token: str | None = None, *, scopes: set[str] | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        self.clock = clock or time.monotonic
        """Replaceable at any time (``fake.clock = FakeClock()``): read on every use."""
        self.workspace = Workspace(scopes)
        self.tokens = Tokens(token)
        self.triggers = Triggers(lambda: self.clock())
        self.history_limit = HistoryLimit(lambda: self.clock())
        self._cond = threading.Condition()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._calls: list[Call] = []
        self._violations: list[Violation] = []
        self._faults: defaultdict[str, deque[Fault]] = defaultdict(deque)
        self._released = threading.Event()
        self._messages: defaultdict[str, list[JSON]] = defaultdict(list)
        self._ephemerals: list[JSON] = []
        self._views: dict[str, JSON] = {}
        self._home_views: dict[str, JSON] = {}
        self._next_micros = FIRST_TS_MICROS
        self._view_counter = 0
        self.socket_url = ""
        """What ``apps.connections.open`` hands out (e.g. a ``FakeSocketMode().url``); when empty
        it answers ``not_configured``."""
        self._api: dict[str, Callable[[JSON], JSON]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "views.open": self._views_open,
            "views.publish": self._views_publish,
            "views.update": self._views_update,
            "users.info": self._users_info,
            "users.lookupByEmail": self._users_lookup_by_email,
            "conversations.history": self._conversations_history,
            "conversations.info": self._conversations_info,
            "conversations.join": self._conversations_join,
            "conversations.open": self._conversations_open,
            "apps.connections.open": self._apps_connections_open,
        }

    # ---- lifecycle -----------------------------------------------------------------------

    def start(self) -> FakeSlack:
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        thread.start()
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        self._released.set()
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def _root(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeSlack is not running; call start() first")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        """Value for ``WebClient(base_url=...)`` (trailing slash included)."""
        return f"{self._root}/api/"

    @property
    def response_url_base(self) -> str:
        """Prefix for slash-command response URLs, e.g. ``f"{fake.response_url_base}abc"``."""
        return f"{self._root}/response/"

    # ---- the workspace, as a test sets it up -----------------------------------------------

    def add_channel(self, channel_id: str, name: str = "", *, private: bool = False,
                    member: bool = False, archived: bool = False) -> str:
        """A channel; by default public, with the bot not in it (the README's setup)."""
        with self._cond:
            self.workspace.add_channel(channel_id, name, private=private, member=member,
                                       archived=archived)
        return channel_id

    def add_user(self, user_id: str, name: str = "", *, real_name: str = "", email: str = "",
                 deleted: bool = False) -> str:
        with self._cond:
            self.workspace.add_user(user_id, name, real_name=real_name, email=email,
                                    deleted=deleted)
        return user_id

    def invite(self, channel_id: str) -> None:
        """Someone typed ``/invite @lscb`` in the channel (private channels need this)."""
        with self._cond:
            conversation = self.workspace.conversations[channel_id]
            if not conversation.member:
                conversation.member = True
                self._note_join(channel_id)

    def kick(self, channel_id: str) -> None:
        """The bot was removed from the channel."""
        with self._cond:
            self.workspace.conversations[channel_id].member = False

    def archive(self, channel_id: str, archived: bool = True) -> None:
        with self._cond:
            self.workspace.conversations[channel_id].archived = archived

    def delete_channel(self, channel_id: str) -> None:
        with self._cond:
            self.workspace.conversations.pop(channel_id, None)
            self._messages.pop(channel_id, None)

    def dm_id(self, user_id: str) -> str | None:
        """The ``D…`` id of the bot's DM with ``user_id``, once there is one."""
        with self._cond:
            return self.workspace.dm_id(user_id)

    def uninstall(self) -> None:
        """The app was removed: every token it had stops working (send `app_uninstalled`)."""
        with self._cond:
            self.tokens.uninstall()

    def install(self, token: str | None = None) -> None:
        """Installed again; from now on only ``token`` (the new bot token) works, if given."""
        with self._cond:
            self.tokens.install(token)

    def revoke(self, token: str) -> None:
        """One token revoked (send `tokens_revoked`); the app stays installed."""
        with self._cond:
            self.tokens.revoked.add(token)

    def trigger_id(self) -> str:
        """A trigger_id as an interaction carries it, issued now by the fake's clock."""
        with self._cond:
            return self.triggers.issue()

    def limit_history(self, per_minute: int = 1, max_limit: int = 15) -> None:
        """Apply the 2025 conversations.history limit for non-Marketplace apps."""
        with self._cond:
            self.history_limit.per_minute, self.history_limit.max_limit = per_minute, max_limit

    # ---- test-facing inspection and control ----------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 2.0) -> list[Call]:
        """Block until ``count`` calls of ``method`` arrived (for apps that answer lazily)."""
        with self._cond:
            self._cond.wait_for(lambda: len(self.calls(method)) >= count, timeout=timeout)
            found = self.calls(method)
        if len(found) < count:
            raise TimeoutError(f"expected {count} {method} call(s) within {timeout}s: {found}")
        return found

    @property
    def violations(self) -> list[Violation]:
        with self._cond:
            return list(self._violations)

    def messages(self, channel: str) -> list[JSON]:
        """Messages of ``channel`` (or of the bot's DM with a user id), oldest first; deep
        copies, metadata included, joins too."""
        with self._cond:
            key = self.workspace.dm_id(channel) if is_user_id(channel) else channel
            return copy.deepcopy(self._messages.get(key or "", []))

    def posts(self, channel: str) -> list[JSON]:
        """The messages the bot posted in ``channel`` (no joins or other system messages)."""
        return [m for m in self.messages(channel) if "subtype" not in m]

    def ephemerals(self) -> list[JSON]:
        with self._cond:
            return copy.deepcopy(self._ephemerals)

    def view(self, view_id: str) -> JSON | None:
        with self._cond:
            return copy.deepcopy(self._views.get(view_id))

    def modals(self) -> list[JSON]:
        """Every modal Slack opened (views.open that succeeded), oldest first."""
        with self._cond:
            return [copy.deepcopy(v) for v in self._views.values() if v.get("type") == "modal"]

    def home_view(self, user_id: str) -> JSON | None:
        with self._cond:
            return copy.deepcopy(self._home_views.get(user_id))

    def inject(self, method: str, *faults: Fault) -> None:
        """Queue faults for ``method`` (or "response_url"); each consumes one later call."""
        with self._cond:
            self._faults[method].extend(faults)

    def pending_faults(self, method: str | None = None) -> int:
        with self._cond:
            if method is not None:
                return len(self._faults.get(method, ()))
            return sum(len(q) for q in self._faults.values())

    def clear(self) -> None:
        """Forget calls, violations, queued faults, messages and views (not the workspace)."""
        with self._cond:
            self._calls.clear()
            self._violations.clear()
            self._faults.clear()
            self._messages.clear()
            self._ephemerals.clear()
            self._views.clear()
            self._home_views.clear()

    # ---- request processing --------------------------------------------------------------

    def handle(self, path: str, query: str, headers: dict[str, str], raw: bytes) -> _Reply:
        """Process one HTTP request (called from the server threads)."""
        arrived = time.monotonic()
        method = _route(path)
        if method is None:
            return _Reply(404, "not_found")
        params = _parse_params(_header(headers, "Content-Type"), query, raw)
        with self._cond:
            fault = self._faults[method].popleft() if self._faults.get(method) else None
            body = raw.decode("utf-8", errors="replace")
            if fault is not None and fault.kind == "ok":
                fault = None
            call = Call(method, params or {}, headers, path, body, fault.kind if fault else None,
                        arrived)
            self._calls.append(call)
            self._cond.notify_all()
            if fault is not None and fault.kind not in ("lost_reply", "hold"):
                return _fault_reply(fault)
            reply = self._perform(method, params, headers)
        if fault is not None and fault.kind == "hold":
            self._released.wait(timeout=30)
        return _Reply(hang_up=True) if fault is not None else reply

    def release(self) -> None:
        """Let every held call (``Fault.hold``) finish by hanging up."""
        self._released.set()

    def _perform(self, method: str, params: JSON | None, headers: dict[str, str]) -> _Reply:
        if method == "response_url":
            return self._response_url(params)
        handler = self._api.get(method)
        if handler is None:
            return _api_error("unknown_method")
        if params is None:
            return _api_error("invalid_json")
        value = _header(headers, "Authorization")
        auth_error = self.tokens.error(value.removeprefix("Bearer ").strip()
                                       if value.startswith("Bearer ") else "")
        if auth_error:
            return _api_error(auth_error)
        try:
            if method in METHOD_SCOPE:
                self.workspace.require(METHOD_SCOPE[method])
            return _Reply(body={"ok": True, **handler(params)})
        except _Throttled as throttled:
            return _Reply(429, {"ok": False, "error": "ratelimited"},
                          (("Retry-After", str(throttled.retry_after)),))
        except SlackError as exc:
            self._note_violation(method, exc)
            return _api_error(exc.error, exc.problems, **exc.fields)

    def _note_violation(self, method: str, exc: SlackError) -> None:
        if exc.violation:
            self._violations.append(Violation(method, exc.error, tuple(exc.problems)))

    def _response_url(self, params: JSON | None) -> _Reply:
        """Slack answers response_url posts with plain text: 200 "ok" or 400 "<error>"."""
        if params is None:
            return _Reply(400, "invalid_payload")
        try:
            check_message(params, require_text=not _truthy(params.get("delete_original")))
        except SlackError as exc:
            self._note_violation("response_url", exc)
            return _Reply(400, exc.error)
        return _Reply(200, "ok")

    def _next_ts(self) -> str:
        """Slack's ts is its clock's time of the message (unique per channel): the real wall
        clock here, whatever the fake's clock, so ``oldest``/``latest`` by time work."""
        micros = max(self._next_micros, time.time_ns() // 1000)
        self._next_micros = micros + TS_STEP_MICROS
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _note_join(self, channel_id: str) -> None:
        """Slack marks a join in the channel's history (subtype ``channel_join``)."""
        self._messages[channel_id].append({
            "type": "message", "subtype": "channel_join", "user": BOT_USER_ID,
            "text": f"<@{BOT_USER_ID}> has joined the channel", "ts": self._next_ts()})

    # ---- Web API methods (called under the lock; return the body minus "ok") ------------

    def _auth_test(self, params: JSON) -> JSON:
        return {
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "LSCB Test",
            "user": "lscb-bot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _new_message(self, params: JSON) -> JSON:
        message: JSON = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "team": TEAM_ID,
            "text": params.get("text") or "",
            "ts": self._next_ts(),
        }
        for key in ("blocks", "attachments", "thread_ts", "metadata"):
            if params.get(key):
                message[key] = params[key]
        return message

    def _chat_post_message(self, params: JSON) -> JSON:
        channel = _require(params, "channel", "channel_not_found")
        check_message(params, posted=True)
        conversation = self.workspace.postable(channel)
        message = self._new_message(params)
        self._messages[conversation.id].append(message)
        return {"channel": conversation.id, "ts": message["ts"],
                "message": _without_metadata(message)}

    def _chat_update(self, params: JSON) -> JSON:
        channel = _require(params, "channel", "channel_not_found")
        ts = _require(params, "ts", "message_not_found")
        check_message(params, posted=True)
        conversation = self.workspace.visible(channel)
        message = next((m for m in self._messages.get(conversation.id, []) if m["ts"] == ts),
                       None)
        if message is None or "subtype" in message:
            raise SlackError("message_not_found")
        for key in ("text", "blocks", "attachments", "metadata"):
            if key in params:
                message[key] = params[key]
        message["edited"] = {"user": BOT_USER_ID, "ts": self._next_ts()}
        body = _without_metadata(message)
        return {"channel": channel, "ts": ts, "text": message["text"], "message": body}

    def _chat_post_ephemeral(self, params: JSON) -> JSON:
        channel = _require(params, "channel", "channel_not_found")
        user = _require(params, "user", "user_not_found")
        check_message(params)
        self.workspace.visible(channel)
        message = self._new_message(params)
        self._ephemerals.append({**message, "channel": channel, "to_user": user})
        return {"message_ts": message["ts"]}

    def _conversations_history(self, params: JSON) -> JSON:
        """Top-level messages newest first, a page at a time (``cursor``); metadata only with
        ``include_all_metadata``."""
        wait = self.history_limit.wait()
        if wait:
            raise _Throttled(wait)
        conversation = self.workspace.readable(_require(params, "channel", "channel_not_found"))
        oldest = _ts_value(params.get("oldest"), "oldest")
        latest = _ts_value(params.get("latest"), "latest")
        inclusive = _truthy(params.get("inclusive"))
        limit = self.history_limit.page_size(_limit(params.get("limit")), HISTORY_DEFAULT_LIMIT)
        start = _offset(params.get("cursor"))
        selected = [
            m
            for m in reversed(self._messages.get(conversation.id, []))
            if m.get("thread_ts", m["ts"]) == m["ts"]  # thread replies are not in history
            and _in_window(m["ts"], oldest, latest, inclusive)
        ]
        with_meta = _truthy(params.get("include_all_metadata"))
        window = selected[start:start + limit]
        page = [copy.deepcopy(m) if with_meta else _without_metadata(m) for m in window]
        more = len(selected) > start + limit
        return {
            "messages": page,
            "has_more": more,
            "pin_count": 0,
            "response_metadata": {"next_cursor": _cursor(start + limit) if more else ""},
        }

    def _conversations_info(self, params: JSON) -> JSON:
        channel = _require(params, "channel", "channel_not_found")
        return {"channel": self.workspace.described(channel).info()}

    def _conversations_join(self, params: JSON) -> JSON:
        conversation, already = self.workspace.join(
            _require(params, "channel", "channel_not_found"))
        if not already:
            self._note_join(conversation.id)
            return {"channel": conversation.info()}
        return {"channel": conversation.info(), "warning": "already_in_channel",
                "response_metadata": {"warnings": ["already_in_channel"]}}

    def _conversations_open(self, params: JSON) -> JSON:
        """One user's DM (multi-person DMs are not emulated)."""
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if not users:
            raise SlackError("users_list_not_supplied")
        if len(users) > 1:
            raise SlackError("mpim_not_emulated", violation=True)
        conversation, existed = self.workspace.open_im(users[0])
        channel = conversation.info() if _truthy(params.get("return_im")) else {
            "id": conversation.id}
        return {"channel": channel, **({"no_op": True, "already_open": True} if existed else {})}

    def _users_info(self, params: JSON) -> JSON:
        return {"user": self.workspace.person(_require(params, "user", "user_not_found")).info()}

    def _users_lookup_by_email(self, params: JSON) -> JSON:
        """The user whose profile has this address, case aside; ``users_not_found`` when
        nobody has it; scope users:read.email; a deactivated account is still found, with
        ``deleted: true`` (https://api.slack.com/methods/users.lookupByEmail)."""
        email = _require(params, "email", "users_not_found").lower()
        person = next((p for p in self.workspace.people.values() if p.email.lower() == email),
                      None)
        if person is None:
            raise SlackError("users_not_found")
        return {"user": person.info()}

    def _apps_connections_open(self, params: JSON) -> JSON:
        """Socket Mode's WebSocket URL; called with the app-level (``xapp-``) token."""
        if not self.socket_url:
            raise SlackError("not_configured")
        return {"url": self.socket_url}

    def _store_view(self, view: JSON, view_id: str | None) -> JSON:
        """Store ``view`` (merged over its previous version, if any); return the API body."""
        if view_id is None:
            self._view_counter += 1
            view_id = f"V{self._view_counter:010d}"
        defaults: JSON = {
            "team_id": TEAM_ID,
            "app_id": APP_ID,
            "bot_id": BOT_ID,
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "state": {"values": {}},
            "root_view_id": view_id,
            "previous_view_id": None,
        }
        stored = {**defaults, **self._views.get(view_id, {}), **view}
        stored.update(id=view_id, hash=f"{int(time.time())}.{uuid.uuid4().hex[:8]}")
        self._views[view_id] = stored
        return {"view": copy.deepcopy(stored)}

    def _views_open(self, params: JSON) -> JSON:
        trigger = _require(params, "trigger_id", "invalid_arguments")
        view = check_view(params.get("view"))
        self.triggers.exchange(trigger)
        return self._store_view(view, None)

    def _views_publish(self, params: JSON) -> JSON:
        user_id = _require(params, "user_id", "invalid_arguments")
        view = check_view(params.get("view"), ("home",))
        previous = self._home_views.get(user_id)
        result = self._store_view(view, previous["id"] if previous else None)
        self._home_views[user_id] = result["view"]
        return result

    def _views_update(self, params: JSON) -> JSON:
        """Unknown view ids are accepted (tests often forge view_submission payloads)."""
        view = check_view(params.get("view"), ("modal", "home"))
        external_id = params.get("external_id")
        if not params.get("view_id") and not external_id:
            raise SlackError("invalid_arguments")
        view_id = params.get("view_id") or self._view_id_for(str(external_id))
        if external_id:
            view = {**view, "external_id": external_id}
        return self._store_view(view, view_id)

    def _view_id_for(self, external_id: str) -> str | None:
        return next((k for k, v in self._views.items() if v["external_id"] == external_id), None)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeSlack


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep pytest output clean

    def _serve(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        fake = cast(_Server, self.server).fake
        reply = fake.handle(split.path, split.query, dict(self.headers.items()), raw)
        if reply.hang_up:
            self._hang_up()
        else:
            self._send(reply)

    def _hang_up(self) -> None:
        """Close without writing a byte: urllib's getresponse() then raises RemoteDisconnected.

        The whole request body has been read, so the kernel sends FIN (not RST).
        """
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def _send(self, reply: _Reply) -> None:
        if isinstance(reply.body, dict):
            data, ctype = json.dumps(reply.body).encode(), "application/json; charset=utf-8"
        else:
            data, ctype = reply.body.encode(), "text/plain; charset=utf-8"
        self.send_response(reply.status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

