"""How Slack says no, sorted by what the bot should do about it.

Slack answers most refusals with HTTP 200 and an error code (each method's page on
docs.slack.dev, "Errors"). Some mean "later", some need a person to fix something in Slack,
and some mean the token itself is refused, when nothing can be sent at all.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error

from slack_sdk.errors import SlackApiError, SlackClientError

CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout,
    TimeoutError)
SLACK_FAILURES: tuple[type[BaseException], ...] = (SlackClientError, *CONNECTION_ERRORS)
"""Whatever a call to Slack can fail with, for code that must carry on after it."""
TEMPORARY = {"ratelimited", "rate_limited", "fatal_error", "internal_error",
             "service_unavailable", "request_timeout", "team_added_to_org"}
"""Slack's errors that say "later" (``rate_limited`` is HTTP 200, which no retry handler
sees: chat.postMessage, "Errors")."""
TOKEN_ERRORS = {"token_revoked", "account_inactive", "invalid_auth", "not_authed",
                "token_expired"}
"""Slack refuses the token itself: nothing can go until the app is reinstalled."""
MESSAGE_ERRORS = {"msg_blocks_too_long", "invalid_blocks", "msg_too_long", "no_text",
                  "invalid_metadata_format", "too_many_attachments", "invalid_arguments"}
"""Refusals of one message, not of its channel: the channel's other nudges may still go."""


class DeliveryFailed(Exception):
    """Not delivered; `permanent` when trying again cannot help; `cause` is Slack's error.

    `unknown`: an earlier attempt may have reached Slack, so the next one must look first.
    """

    def __init__(self, message: str, permanent: bool, cause: str = "",
                 unknown: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.cause = cause or message
        self.unknown = unknown

    def again(self, *, unknown: bool) -> DeliveryFailed:
        """The same refusal, for another row not tried because of it."""
        return type(self)(str(self), self.permanent, self.cause, unknown)


class TokenRefused(DeliveryFailed):
    """Slack refuses the bot's token: stop sending, for every channel."""


def failure(error: SlackApiError, doing: str = "") -> DeliveryFailed:
    """What Slack's refusal means for the row (`doing` says what the bot was doing)."""
    code = str(error.response.get("error", "")) or f"http_{error.response.status_code}"
    message = f"{doing}: {code}" if doing else code
    if code in TOKEN_ERRORS:
        return TokenRefused(message, permanent=True, cause=code)
    return DeliveryFailed(message, permanent=code not in TEMPORARY, cause=code)


def cause_group(code: str) -> str:
    """The cause admins are told about: any refusal of the token is one (reinstall)."""
    return "token" if code in TOKEN_ERRORS else code
