"""The Web API client every part of the bot uses: our base URL, slack_sdk's retries."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.config import Settings


def make_client(settings: Settings, *, retry_connections: bool = True) -> WebClient:
    """A WebClient aimed at SLACK_API_URL that retries 429s and 5xx.

    `retry_connections=False` is for posts whose reply may be lost after Slack
    acted: retrying those blindly could post twice, so the caller checks first.
    """
    handlers = [RateLimitErrorRetryHandler(max_retry_count=3),
                ServerErrorRetryHandler(max_retry_count=3)]
    if retry_connections:
        handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return WebClient(token=settings.bot_token or None, base_url=settings.slack_api_url,
                     timeout=10, retry_handlers=handlers)
