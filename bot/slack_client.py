"""The Web API clients the bot uses: our base URL, and retries that suit who is waiting."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.config import Settings

INTERACTIVE_TIMEOUT = 2
"""Seconds one call may take inside a request Slack waits on: it drops the request (and the
click's trigger_id expires) after 3 seconds."""


def make_client(settings: Settings, *, retry_connections: bool = True,
                retry_rate_limits: bool = True, interactive: bool = False) -> WebClient:
    """A WebClient aimed at SLACK_API_URL.

    The scheduler's retries 429s (waiting out Retry-After) and 5xx. `retry_connections=False`
    is for posts whose reply may be lost after Slack acted: retrying those blindly could post
    twice, so the caller checks first. `retry_rate_limits=False` is for reading history, which
    Slack may allow once a minute: better to look again next cycle than to sit out a minute.
    `interactive=True` is for requests Slack waits on (a slash command, a click): nothing
    there may sleep, so it never retries and gives up soon.
    """
    handlers: list[RetryHandler] = []
    if not interactive:
        if retry_rate_limits:
            handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
        handlers.append(ServerErrorRetryHandler(max_retry_count=3))
        if retry_connections:
            handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return WebClient(token=settings.bot_token or None, base_url=settings.slack_api_url,
                     timeout=INTERACTIVE_TIMEOUT if interactive else 10, retry_handlers=handlers)
