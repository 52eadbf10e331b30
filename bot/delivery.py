"""Posting a ledger row to Slack, at most once.

slack_sdk retries 429s (honouring Retry-After) and 5xx. A dropped connection is
different: Slack may have posted before the reply was lost, so a blind retry
could post twice. Every message carries its ledger key in Slack message
metadata, and before any second attempt the channel is searched for it.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.slack_client import make_client
from storage.models import Delivery

log = logging.getLogger("lscb.delivery")
METADATA_TYPE = "lscb_nudge"
CONNECTION_ERRORS = (urllib.error.URLError, http.client.HTTPException, ConnectionError,
                     socket.timeout, TimeoutError)
RETRYABLE_API_ERRORS = {"ratelimited", "fatal_error", "internal_error", "service_unavailable",
                        "request_timeout"}


class DeliveryFailed(Exception):
    """Not delivered; `permanent` when trying again cannot help (e.g. channel_not_found)."""

    def __init__(self, message: str, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass
class SlackSender:
    client: WebClient
    min_interval: float = 1.0
    attempts: int = 3
    backoff: float = 1.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last_post: dict[str, float] = field(default_factory=dict)

    def deliver(self, delivery: Delivery) -> str:
        """Post the row's message (unless it is already in the channel); return its ts."""
        unknown = delivery.attempts > 1
        for attempt in range(self.attempts):
            if unknown and (found := self.find(delivery)):
                log.info("Found %s already in %s; not posting again", delivery.ledger_key,
                         delivery.channel)
                return found
            try:
                return self._post(delivery)
            except CONNECTION_ERRORS as error:
                unknown = True
                log.warning("Lost the reply posting %s (%s); will look before retrying",
                            delivery.ledger_key, error)
                self.sleep(self.backoff * 2 ** attempt)
            except SlackApiError as error:
                code = str(error.response.get("error", ""))
                raise DeliveryFailed(code, permanent=code not in RETRYABLE_API_ERRORS) from error
        raise DeliveryFailed("connection failed; outcome unknown", permanent=False)

    def _post(self, delivery: Delivery) -> str:
        self._throttle(delivery.channel)
        try:
            response = self.client.chat_postMessage(
                channel=delivery.channel, text=delivery.text,
                blocks=json.loads(delivery.blocks), unfurl_links=False, unfurl_media=False,
                metadata={"event_type": METADATA_TYPE,
                          "event_payload": {"key": delivery.ledger_key}})
        finally:
            self._posted(delivery.channel)
        return str(response["ts"])

    def _throttle(self, channel: str) -> None:
        """Never more than one message a second to a channel (Slack's limit), counted from
        when Slack answered the last one, so a slow request cannot shorten the gap."""
        last = self._last_post.get(channel)
        if last is not None and (wait := self.min_interval - (self.clock() - last)) > 0:
            self.sleep(wait)

    def _posted(self, channel: str) -> None:
        self._last_post[channel] = self.clock()

    def find(self, delivery: Delivery) -> str | None:
        """The ts of the message carrying this row's ledger key, if it reached the channel."""
        oldest = (delivery.send_at - timedelta(days=1)).timestamp()
        cursor = None
        for _ in range(20):
            try:
                page = self.client.conversations_history(
                    channel=delivery.channel, oldest=f"{oldest:.6f}", limit=200,
                    include_all_metadata=True, cursor=cursor)
            except (SlackApiError, *CONNECTION_ERRORS) as error:
                raise DeliveryFailed(f"could not check the channel: {error}",
                                     permanent=False) from error
            messages: list[dict[str, Any]] = page.get("messages", [])
            for message in messages:
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                if payload.get("key") == delivery.ledger_key:
                    return str(message["ts"])
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None


def make_sender(settings: Settings) -> SlackSender:
    """A sender whose client never retries a lost connection blindly (see module doc)."""
    return SlackSender(make_client(settings, retry_connections=False))
