"""Slack's side of the conversation: requests signed as Slack signs them, and slash text as
Slack escapes it.

The ``signed_*`` helpers POST to a running app exactly like Slack does (signature scheme from
docs.slack.dev/authentication/verifying-requests-from-slack). `slack_text` builds the ``text``
of a slash command as Slack sends it for a command with "Escape channels, users, and links"
on (``should_escape: true`` in manifest.yml): mentions become ``<@U123|name>``, channels
``<#C123|name>``, links ``<https://…>``, and a literal ``&``, ``<`` or ``>`` arrives as
``&amp;``, ``&lt;``, ``&gt;`` (docs.slack.dev/interactivity/implementing-slash-commands,
"escaping"; docs.slack.dev/messaging/formatting-message-text, "escaping text").
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from slack_sdk.signature import SignatureVerifier

JSON = dict[str, Any]

TEAM_ID = "T0001"
TEAM_DOMAIN = "lscb-test"
BOT_USER_ID = "UBOT"
APP_ID = "A0001"
_FORM = "application/x-www-form-urlencoded"
FORM = _FORM


# --------------------------------------------------------------------------------------------
# Slash text as Slack escapes it
# --------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """A literal ``&``, ``<`` or ``>`` as Slack sends it (nothing else is entity-encoded)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Mention:
    """``@name`` picked from the autocomplete: ``<@U123|name>`` (``<@U123>`` without a name)."""

    user_id: str
    name: str = ""

    def __str__(self) -> str:
        return f"<@{self.user_id}|{self.name}>" if self.name else f"<@{self.user_id}>"


@dataclass(frozen=True)
class ChannelMention:
    """``#name`` picked from the autocomplete: ``<#C123|name>``."""

    channel_id: str
    name: str = ""

    def __str__(self) -> str:
        return f"<#{self.channel_id}|{self.name}>" if self.name else f"<#{self.channel_id}>"


@dataclass(frozen=True)
class Link:
    """A URL someone typed: ``<https://example.org>`` (``<url|label>`` with a label)."""

    url: str
    label: str = ""

    def __str__(self) -> str:
        return f"<{self.url}|{self.label}>" if self.label else f"<{self.url}>"


@dataclass(frozen=True)
class Email:
    """An email address someone typed: Slack links it, ``<mailto:sam@x.org|sam@x.org>``
    (https://api.slack.com/reference/surfaces/formatting#linking-urls: "email addresses
    are automatically converted into mailto links")."""

    address: str

    def __str__(self) -> str:
        return f"<mailto:{self.address}|{self.address}>"


@dataclass(frozen=True)
class Special:
    """``@here``, ``@channel`` or ``@everyone`` typed in the command: ``<!here>``."""

    name: str

    def __str__(self) -> str:
        return f"<!{self.name}>"


Part = str | Mention | ChannelMention | Link | Email | Special


def slack_text(*parts: Part) -> str:
    """The ``text`` Slack sends for these parts: plain strings escaped, the rest as markup.

    ``slack_text("note ", Mention("U1", "sam"), " S&C")`` is ``"note <@U1|sam> S&amp;C"``.
    """
    return "".join(escape(part) if isinstance(part, str) else str(part) for part in parts)


# What Slack sends in a slash command's ``text``: ``&``, ``<`` and ``>`` only as the entities
# ``&amp;``, ``&lt;``, ``&gt;``; a ``<`` only to open a mention, a channel, a special mention
# or a link. https://api.slack.com/reference/surfaces/formatting#escaping and
# https://api.slack.com/interactivity/slash-commands#app_command_handling
_MARKUP = re.compile(r"<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+|![a-z^][^<>]*|https?://[^<>\s]+"
                     r"|mailto:[^<>\s]+)(?:\|[^<>]*)?>")
_ENTITY = re.compile(r"&(?:amp|lt|gt);")


def as_slack_sends(text: str) -> str:
    """`text` unchanged if Slack could have sent it; AssertionError otherwise, so that no
    end-to-end test sends raw ``&``, ``<`` or ``>`` (which Slack never does)."""
    bare = _ENTITY.sub("", _MARKUP.sub("", text))
    stray = sorted({c for c in bare if c in "&<>"})
    assert not stray, f"Slack never sends {stray} raw in {text!r}: build it with slack_text()"
    return text


# --------------------------------------------------------------------------------------------
# Signed requests to a running app
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
    """Shaped like Slack's (``12345.98765.abcd2358fdea``); no FakeSlack issued it, so views.open
    refuses it: pass ``trigger_id=fake.trigger_id()`` to open a modal from a command."""
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
    trigger_id: str | None = None,
    timestamp: int | None = None,
    secret_override: str | None = None,
    timeout: float = 5.0,
) -> tuple[int, JSON | str]:
    """POST a slash command to ``url``; returns (status, JSON body or raw text).

    ``text`` is sent as given, but only if Slack could have sent it (`as_slack_sends`):
    build it with `slack_text` from what the person typed.
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
        "text": as_slack_sends(text),
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
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


# --------------------------------------------------------------------------------------------
# Events Slack sends about the app itself
# --------------------------------------------------------------------------------------------


def app_uninstalled() -> JSON:
    """Sent once the app is removed from the workspace; its tokens stop working at the same
    moment (docs.slack.dev/reference/events/app_uninstalled)."""
    return {"type": "app_uninstalled"}


def tokens_revoked(*, bot: tuple[str, ...] = (BOT_USER_ID,), oauth: tuple[str, ...] = ()) -> JSON:
    """Sent when tokens are revoked; lists the users (bot users under ``bot``) whose tokens went
    (docs.slack.dev/reference/events/tokens_revoked)."""
    return {"type": "tokens_revoked", "tokens": {"oauth": list(oauth), "bot": list(bot)}}
