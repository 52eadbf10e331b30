"""Loopback emulator of Slack's Web API for end-to-end tests.

`FakeSlack` is a real HTTP server on 127.0.0.1 that the real ``slack_sdk.WebClient`` talks to
(``WebClient(token="xoxb-...", base_url=fake.base_url)``), so tests exercise the SDK's
serialisation, retry handlers and error handling rather than a mock.  It also accepts
slash-command ``response_url`` posts under ``fake.response_url_base``.

Faults (`Fault`) are queued per method; each one applies to exactly one later call:

* ``rate_limited`` -> HTTP 429 + ``Retry-After``.  Without ``RateLimitErrorRetryHandler`` the
  client raises ``SlackApiError`` (``e.response.status_code == 429``).
* ``server_error`` -> HTTP 500.  ``SlackApiError`` unless ``ServerErrorRetryHandler`` retries.
* ``drop`` -> the connection is closed with no byte written; the call is NOT performed.
* ``lost_reply`` -> the call IS performed (message stored), then the connection is closed
  without an answer.

For ``drop`` and ``lost_reply`` urllib's ``getresponse()`` raises
``http.client.RemoteDisconnected`` ("Remote end closed connection without response"; a subclass
of ``ConnectionResetError``), which ``WebClient`` re-raises unwrapped once no retry handler takes
it.  Beware: a ``WebClient`` built without ``retry_handlers=`` gets
``[ConnectionErrorRetryHandler()]`` by default, so it silently re-sends once -- after a
``lost_reply`` that is a duplicate post in the channel.

The ``signed_*`` helpers play the other side: they POST to a running app exactly like Slack does.
"""

from __future__ import annotations

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
from urllib.error import HTTPError
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.request import Request, urlopen

from slack_sdk.models.blocks import Block
from slack_sdk.signature import SignatureVerifier

JSON = dict[str, Any]
Problem = tuple[str, str]  # (JSON pointer, Slack-style message)

TEAM_ID = "T0001"
TEAM_DOMAIN = "lscb-test"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
APP_ID = "A0001"

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

HISTORY_DEFAULT_LIMIT = 100
FIRST_TS_MICROS = 1_700_000_000_000_100
TS_STEP_MICROS = 100

# Fields slack_sdk (or a hand-written form post) may send as JSON strings inside a form body.
_JSON_STRING_FIELDS = ("blocks", "attachments", "metadata", "view")
_FORM = "application/x-www-form-urlencoded"
_TRUTHY = (True, 1, "1", "true", "True")

FaultKind = Literal["rate_limited", "server_error", "drop", "lost_reply", "hold"]


@dataclass(frozen=True)
class Call:
    """One HTTP request the fake received, recorded before any fault or validation.

    ``body`` is the raw request body (so signatures can be re-verified); ``fault`` names the
    injected fault that consumed this call, if any.
    """

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    path: str = ""
    body: str = ""
    fault: FaultKind | None = None


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

    @classmethod
    def rate_limited(cls, retry_after: int = 1) -> Fault:
        return cls("rate_limited", retry_after)

    @classmethod
    def server_error(cls) -> Fault:
        return cls("server_error")

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


@dataclass(frozen=True)
class _Reply:
    status: int = 200
    body: JSON | str = field(default_factory=dict)
    headers: tuple[tuple[str, str], ...] = ()
    hang_up: bool = False


class _SlackError(Exception):
    def __init__(
        self, error: str, problems: list[Problem] | None = None, *, violation: bool = False
    ):
        super().__init__(error)
        self.error = error
        self.problems = problems or []
        self.violation = violation


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


def _check_view(view: object, kinds: tuple[str, ...] = ("modal",)) -> JSON:
    """Validate a view like Slack does; return it as a dict or raise `_SlackError`."""
    if not isinstance(view, dict) or view.get("type") not in kinds:
        raise _SlackError("invalid_arguments", [("/view", "failed to match all allowed schemas")])
    problems = check_blocks(view.get("blocks", []), VIEW_BLOCKS_MAX, "/view/blocks")
    if problems:
        raise _SlackError("invalid_blocks", problems, violation=True)
    problems = _check_view_fields(view)
    if problems:
        raise _SlackError("invalid_arguments", problems, violation=True)
    return view


def _valid_metadata(metadata: object) -> bool:
    return (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload", {}), dict)
    )


def _check_message(params: JSON, *, require_text: bool = True) -> None:
    """Validate a message body like Slack does; raise `_SlackError` on the first problem."""
    blocks = params.get("blocks")
    if blocks is not None:
        problems = check_blocks(blocks, MESSAGE_BLOCKS_MAX)
        if problems:
            raise _SlackError("invalid_blocks", problems, violation=True)
    if require_text and not (params.get("text") or blocks or params.get("attachments")):
        raise _SlackError("no_text", violation=True)
    if "metadata" in params and not _valid_metadata(params["metadata"]):
        raise _SlackError("invalid_metadata_format", violation=True)


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
        raise _SlackError(f"invalid_ts_{param}") from exc


def _in_window(ts: str, oldest: Decimal | None, latest: Decimal | None, inclusive: bool) -> bool:
    value = Decimal(ts)
    if oldest is not None and (value < oldest or (value == oldest and not inclusive)):
        return False
    return latest is None or value < latest or (value == latest and inclusive)


def _require(params: JSON, key: str, error: str) -> str:
    value = params.get(key)
    if not value:
        raise _SlackError(error)
    return str(value)


def _limit(value: object) -> int:
    try:
        limit = int(str(value))
    except ValueError:
        return HISTORY_DEFAULT_LIMIT
    return limit if limit > 0 else HISTORY_DEFAULT_LIMIT


def _without_metadata(message: JSON) -> JSON:
    return {k: copy.deepcopy(v) for k, v in message.items() if k != "metadata"}


def _api_error(error: str, problems: list[Problem] | None = None) -> _Reply:
    body: JSON = {"ok": False, "error": error}
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
    return _Reply(hang_up=True)


# --------------------------------------------------------------------------------------------
# The fake
# --------------------------------------------------------------------------------------------


class FakeSlack:
    """Slack Web API emulator on 127.0.0.1; use as a context manager or via start()/stop().

    ``token``: if given, only that bearer token is accepted (others get ``invalid_auth``, as on
    Slack); by default any non-empty bearer token is fine.  A missing one gets ``not_authed``.

    All requests are handled under one lock, so the recorded order is the processing order.
    """

    def __init__(self, token: str | None = None) -> None:
        self._token = token
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
        self.users: dict[str, JSON] = {}
        """Per-user overrides for ``users.info``; unknown ids get a generated profile."""
        self.channels: dict[str, JSON] = {}
        """Per-channel overrides for ``conversations.info``."""
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
            "conversations.history": self._conversations_history,
            "conversations.info": self._conversations_info,
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
        """Stored messages of ``channel``, oldest first (deep copies, metadata included)."""
        with self._cond:
            return copy.deepcopy(self._messages.get(channel, []))

    def ephemerals(self) -> list[JSON]:
        with self._cond:
            return copy.deepcopy(self._ephemerals)

    def view(self, view_id: str) -> JSON | None:
        with self._cond:
            return copy.deepcopy(self._views.get(view_id))

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
        """Forget calls, violations, queued faults, messages and views."""
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
        method = _route(path)
        if method is None:
            return _Reply(404, "not_found")
        params = _parse_params(_header(headers, "Content-Type"), query, raw)
        with self._cond:
            fault = self._faults[method].popleft() if self._faults.get(method) else None
            body = raw.decode("utf-8", errors="replace")
            call = Call(method, params or {}, headers, path, body, fault.kind if fault else None)
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
        auth_error = self._auth_error(headers)
        if auth_error:
            return _api_error(auth_error)
        try:
            return _Reply(body={"ok": True, **handler(params)})
        except _SlackError as exc:
            self._note_violation(method, exc)
            return _api_error(exc.error, exc.problems)

    def _auth_error(self, headers: dict[str, str]) -> str | None:
        value = _header(headers, "Authorization")
        token = value[len("Bearer ") :].strip() if value.startswith("Bearer ") else ""
        if not token:
            return "not_authed"
        if self._token is not None and token != self._token:
            return "invalid_auth"
        return None

    def _note_violation(self, method: str, exc: _SlackError) -> None:
        if exc.violation:
            self._violations.append(Violation(method, exc.error, tuple(exc.problems)))

    def _response_url(self, params: JSON | None) -> _Reply:
        """Slack answers response_url posts with plain text: 200 "ok" or 400 "<error>"."""
        if params is None:
            return _Reply(400, "invalid_payload")
        try:
            _check_message(params, require_text=not _truthy(params.get("delete_original")))
        except _SlackError as exc:
            self._note_violation("response_url", exc)
            return _Reply(400, exc.error)
        return _Reply(200, "ok")

    def _next_ts(self) -> str:
        micros = self._next_micros
        self._next_micros += TS_STEP_MICROS
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

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
        _check_message(params)
        message = self._new_message(params)
        self._messages[channel].append(message)
        return {"channel": channel, "ts": message["ts"], "message": _without_metadata(message)}

    def _chat_update(self, params: JSON) -> JSON:
        channel = _require(params, "channel", "channel_not_found")
        ts = _require(params, "ts", "message_not_found")
        _check_message(params)
        message = next((m for m in self._messages.get(channel, []) if m["ts"] == ts), None)
        if message is None:
            raise _SlackError("message_not_found")
        for key in ("text", "blocks", "attachments", "metadata"):
            if key in params:
                message[key] = params[key]
        message["edited"] = {"user": BOT_USER_ID, "ts": self._next_ts()}
        body = _without_metadata(message)
        return {"channel": channel, "ts": ts, "text": message["text"], "message": body}

    def _chat_post_ephemeral(self, params: JSON) -> JSON:
        channel = _require(params, "channel", "channel_not_found")
        user = _require(params, "user", "user_not_found")
        _check_message(params)
        message = self._new_message(params)
        self._ephemerals.append({**message, "channel": channel, "to_user": user})
        return {"message_ts": message["ts"]}

    def _conversations_history(self, params: JSON) -> JSON:
        """Top-level messages newest first; metadata only with include_all_metadata."""
        channel = _require(params, "channel", "channel_not_found")
        oldest = _ts_value(params.get("oldest"), "oldest")
        latest = _ts_value(params.get("latest"), "latest")
        inclusive = _truthy(params.get("inclusive"))
        limit = _limit(params.get("limit", HISTORY_DEFAULT_LIMIT))
        selected = [
            m
            for m in reversed(self._messages.get(channel, []))
            if m.get("thread_ts", m["ts"]) == m["ts"]  # thread replies are not in history
            and _in_window(m["ts"], oldest, latest, inclusive)
        ]
        with_meta = _truthy(params.get("include_all_metadata"))
        page = [copy.deepcopy(m) if with_meta else _without_metadata(m) for m in selected[:limit]]
        return {
            "messages": page,
            "has_more": len(selected) > limit,
            "pin_count": 0,
            "response_metadata": {"next_cursor": ""},
        }

    def _conversations_info(self, params: JSON) -> JSON:
        channel_id = _require(params, "channel", "channel_not_found")
        channel = {
            "id": channel_id,
            "name": f"channel-{channel_id.lower()}",
            "is_channel": True,
            "is_private": False,
            "is_archived": False,
            "is_member": True,
            "created": 1_600_000_000,
            "context_team_id": TEAM_ID,
        }
        return {"channel": {**channel, **self.channels.get(channel_id, {})}}

    def _users_info(self, params: JSON) -> JSON:
        user_id = _require(params, "user", "user_not_found")
        name = f"user_{user_id.lower()}"
        user = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "real_name": f"User {user_id}",
            "deleted": False,
            "is_bot": user_id == BOT_USER_ID,
            "tz": "Europe/London",
            "tz_label": "Greenwich Mean Time",
            "tz_offset": 0,
            "profile": {
                "real_name": f"User {user_id}",
                "display_name": name,
                "email": f"{name}@example.org",
            },
        }
        return {"user": {**user, **self.users.get(user_id, {})}}

    def _apps_connections_open(self, params: JSON) -> JSON:
        """Socket Mode's WebSocket URL; called with the app-level (``xapp-``) token."""
        if not self.socket_url:
            raise _SlackError("not_configured")
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
        _require(params, "trigger_id", "invalid_arguments")
        return self._store_view(_check_view(params.get("view")), None)

    def _views_publish(self, params: JSON) -> JSON:
        user_id = _require(params, "user_id", "invalid_arguments")
        view = _check_view(params.get("view"), ("home",))
        previous = self._home_views.get(user_id)
        result = self._store_view(view, previous["id"] if previous else None)
        self._home_views[user_id] = result["view"]
        return result

    def _views_update(self, params: JSON) -> JSON:
        """Unknown view ids are accepted (tests often forge view_submission payloads)."""
        view = _check_view(params.get("view"), ("modal", "home"))
        external_id = params.get("external_id")
        if not params.get("view_id") and not external_id:
            raise _SlackError("invalid_arguments")
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


# --------------------------------------------------------------------------------------------
# Client helpers: POST signed requests to a running app, like Slack does
# --------------------------------------------------------------------------------------------


def _parse_body(raw: bytes) -> JSON | str:
    text = raw.decode("utf-8", errors="replace")
    try:
        parsed = json.loads(text)
    except ValueError:
        return text
    return parsed if isinstance(parsed, dict) else text


def _post_signed(
    url: str,
    signing_secret: str,
    body: str,
    content_type: str,
    *,
    timestamp: int | None,
    secret_override: str | None,
    timeout: float,
) -> tuple[int, JSON | str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    secret = signing_secret if secret_override is None else secret_override
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body) or ""
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    }
    request = Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
    try:
        with urlopen(request, timeout=timeout) as response:
            return response.status, _parse_body(response.read())
    except HTTPError as exc:
        return exc.code, _parse_body(exc.read())


def _trigger_id() -> str:
    return f"{int(time.time())}.{uuid.uuid4().int % 10**12}.{uuid.uuid4().hex}"


def signed_slash_command(
    url: str,
    signing_secret: str,
    *,
    command: str = "/lscb",
    text: str = "",
    user_id: str = "U123",
    channel_id: str = "C123",
    team_id: str = TEAM_ID,
    response_url: str = "",
    timestamp: int | None = None,
    secret_override: str | None = None,
    timeout: float = 5.0,
) -> tuple[int, JSON | str]:
    """POST a slash command to ``url``; returns (status, JSON body or raw text).

    ``timestamp`` lets tests send stale requests; ``secret_override`` signs with another secret.
    """
    fields = {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": f"channel-{channel_id.lower()}",
        "user_id": user_id,
        "user_name": f"user_{user_id.lower()}",
        "command": command,
        "text": text,
        "response_url": response_url,
        "trigger_id": _trigger_id(),
        "api_app_id": APP_ID,
    }
    return _post_signed(
        url,
        signing_secret,
        urlencode(fields),
        _FORM,
        timestamp=timestamp,
        secret_override=secret_override,
        timeout=timeout,
    )


def signed_interaction(
    url: str,
    signing_secret: str,
    payload: JSON,
    *,
    timestamp: int | None = None,
    secret_override: str | None = None,
    timeout: float = 5.0,
) -> tuple[int, JSON | str]:
    """POST an interactivity payload (block_actions, view_submission, ...) as ``payload=<json>``."""
    body = urlencode({"payload": json.dumps(payload)})
    return _post_signed(
        url,
        signing_secret,
        body,
        _FORM,
        timestamp=timestamp,
        secret_override=secret_override,
        timeout=timeout,
    )


def signed_event(
    url: str,
    signing_secret: str,
    event: JSON,
    *,
    team_id: str = TEAM_ID,
    event_id: str | None = None,
    timestamp: int | None = None,
    secret_override: str | None = None,
    timeout: float = 5.0,
) -> tuple[int, JSON | str]:
    """POST an Events API ``event_callback`` envelope wrapping ``event`` as JSON."""
    now = int(time.time())
    envelope = {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": now,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }
    return _post_signed(
        url,
        signing_secret,
        json.dumps(envelope),
        "application/json",
        timestamp=timestamp,
        secret_override=secret_override,
        timeout=timeout,
    )
