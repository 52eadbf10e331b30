"""Posting a ledger row to Slack, at most once, where the bot can find it again.

slack_sdk retries 429s (honouring Retry-After) and 5xx. A dropped connection is
different: Slack may have posted before the reply was lost, so a blind retry
could post twice. Every message carries its ledger key in Slack message
metadata, and before any second attempt the conversation is searched for it.

That search needs history the bot may read, which Slack gives only where the bot
is a member: so a public channel is joined rather than posted to from outside,
and a DM goes to the ``D…`` id ``conversations.open`` gives, not the user id
(history on a user id is ``channel_not_found``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.pacer import Pacer
from bot.slack_client import make_client
from bot.slack_errors import (
    CONNECTION_ERRORS,
    MESSAGE_ERRORS,
    DeliveryFailed,
    TokenRefused,
    failure,
)
from commands.mail_message import is_mail
from storage.models import Delivery
from storage.models.delivery import UNKNOWN

log = logging.getLogger("lscb.delivery")
METADATA_TYPE = "lscb_nudge"
LOOKUP_SKEW = timedelta(minutes=1)
LOOKUP_PAGE = 15
"""Since 2025 some apps get at most 15 messages a history call, about one call a minute."""
LOOKUP_PAGES = 3


@dataclass
class Batch:
    """What one cycle's posts share: the pacing, and the conversations found not to work
    (the rest of their rows wait for the next cycle instead of failing one by one)."""

    pacer: Pacer
    broken: dict[str, DeliveryFailed] = field(default_factory=dict)


class Courier(Protocol):
    """Another way a row reaches its reader (bot.mail.MailSender for ``mailto:`` rows)."""

    def deliver(self, delivery: Delivery, batch: Batch) -> str: ...


NO_MAIL = DeliveryFailed("email is not set up: set LSCB_SMTP_URL and LSCB_MAIL_FROM",
                         permanent=True, cause="mail_not_set_up")


@dataclass
class SlackSender:
    client: WebClient
    lookups: WebClient | None = None
    """For history: a client that does not wait out a rate limit (default: `client`)."""
    mail: Courier | None = None
    """Where ``mailto:`` rows go (None: email is not set up, and they fail saying so)."""
    min_interval: float = 1.0
    attempts: int = 3
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    _dms: dict[str, str] = field(default_factory=dict)

    def deliver(self, delivery: Delivery, batch: Batch) -> str:
        """Post the row's message (unless it is already there); return its ts."""
        if is_mail(delivery.channel):
            if self.mail is None:
                raise NO_MAIL.again(unknown=False)
            return self.mail.deliver(delivery, batch)
        known = batch.broken.get(delivery.channel)
        if known is not None:  # not tried: an earlier unknown outcome stays unknown
            raise known.again(unknown=delivery.cause == UNKNOWN)
        try:
            return self._deliver(delivery, batch.pacer)
        except DeliveryFailed as failed:
            if failed.cause != UNKNOWN and failed.cause not in MESSAGE_ERRORS:
                batch.broken[delivery.channel] = failed  # the channel's, not the message's
            raise

    def _deliver(self, delivery: Delivery, pacer: Pacer) -> str:
        unknown = delivery.cause == UNKNOWN
        try:
            target = self.conversation(delivery.channel)
            for attempt in range(self.attempts):
                if unknown:
                    if found := self.find(delivery, target):
                        log.info("Found %s already in %s; not posting again",
                                 delivery.ledger_key, target)
                        return found
                    unknown = False
                try:
                    return self._post(delivery, target, pacer)
                except CONNECTION_ERRORS as error:
                    unknown = True
                    log.warning("Lost the reply posting %s (%s); will look before retrying",
                                delivery.ledger_key, error)
                    self.sleep(self.backoff * 2 ** attempt)
        except DeliveryFailed as failed:
            failed.unknown = failed.unknown or unknown
            raise
        raise DeliveryFailed("connection failed; outcome unknown", permanent=False,
                             cause=UNKNOWN, unknown=True)

    def conversation(self, channel: str) -> str:
        """Where a row's message goes: for a user, the DM's ``D…`` id (im:write)."""
        if channel[:1] not in ("U", "W"):
            return channel
        if channel not in self._dms:
            try:
                opened = self.client.conversations_open(users=channel)
            except SlackApiError as error:
                raise failure(error, "opening the DM") from error
            except CONNECTION_ERRORS as error:
                raise DeliveryFailed(f"could not open the DM: {error}", permanent=False,
                                     cause="unreachable") from error
            self._dms[channel] = str(opened["channel"]["id"])
        return self._dms[channel]

    def _post(self, delivery: Delivery, target: str, pacer: Pacer) -> str:
        try:
            return self._post_once(delivery, target, pacer)
        except SlackApiError as error:
            refused = failure(error)
            if refused.cause != "not_in_channel":
                raise refused from error
        self.join(target)  # a public channel the bot is not in yet: nothing was posted
        try:
            return self._post_once(delivery, target, pacer)
        except SlackApiError as error:
            raise failure(error) from error

    def _post_once(self, delivery: Delivery, target: str, pacer: Pacer) -> str:
        pacer.wait_turn(target)
        try:
            response = self.client.chat_postMessage(
                channel=target, text=delivery.text,
                blocks=json.loads(delivery.blocks), unfurl_links=False, unfurl_media=False,
                metadata={"event_type": METADATA_TYPE,
                          "event_payload": {"key": delivery.ledger_key}})
        finally:
            pacer.answered(target)
        return str(response["ts"])

    def join(self, channel: str) -> None:
        """Join a public channel (channels:join), so the bot may post there and read back."""
        try:
            self.client.conversations_join(channel=channel)
        except SlackApiError as error:
            refused = failure(error, "joining")
            if refused.cause == "method_not_supported_for_channel_type":  # private
                raise DeliveryFailed("not in the private channel", permanent=True,
                                     cause="not_in_channel") from error
            raise refused from error
        except CONNECTION_ERRORS as error:
            raise DeliveryFailed(f"could not join: {error}", permanent=False,
                                 cause="unreachable") from error

    def find(self, delivery: Delivery, target: str) -> str | None:
        """The ts of the message carrying this row's ledger key, if it reached Slack.

        Only what can be this row's message is read: from its first attempt to its last.
        """
        first = delivery.tried_at or delivery.send_at
        last = delivery.tried_until
        window = (f"{(first - LOOKUP_SKEW).timestamp():.6f}",
                  f"{(last + LOOKUP_SKEW).timestamp():.6f}" if last else None)
        cursor = None
        for _ in range(LOOKUP_PAGES):
            page = self._history(target, window, cursor)
            messages: list[dict[str, Any]] = page.get("messages", [])
            for message in messages:
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                if payload.get("key") == delivery.ledger_key:
                    return str(message["ts"])
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        raise DeliveryFailed("too many messages since the lost reply to tell", permanent=False,
                             cause=UNKNOWN)

    def _history(self, target: str, window: tuple[str, str | None],
                 cursor: str | None) -> Any:
        for joined in (False, True):
            try:
                return (self.lookups or self.client).conversations_history(
                    channel=target, oldest=window[0], latest=window[1], limit=LOOKUP_PAGE,
                    include_all_metadata=True, cursor=cursor)
            except SlackApiError as error:
                refused = failure(error, "checking the channel")
                if refused.permanent and (refused.cause != "not_in_channel" or joined):
                    raise refused from error
                if not refused.permanent:  # e.g. the history tier's limit: look next cycle
                    raise DeliveryFailed(str(refused), permanent=False,
                                         cause=UNKNOWN) from error
                self.join(target)  # posted from outside earlier: history needs membership
            except CONNECTION_ERRORS as error:
                raise DeliveryFailed(f"could not check the channel: {error}",
                                     permanent=False, cause=UNKNOWN) from error
        raise AssertionError("unreachable")

    def token_works(self) -> bool:
        """Whether Slack accepts the bot's token again (after a hold)."""
        try:
            self.client.auth_test()
        except SlackApiError as error:
            return not isinstance(failure(error), TokenRefused)
        except CONNECTION_ERRORS:
            return False
        return True


def make_sender(settings: Settings) -> SlackSender:
    """A sender whose client never retries a lost connection blindly (see module doc), and
    whose lookups never sit out a rate limit."""
    from bot.mail import make_mailer

    return SlackSender(make_client(settings, retry_connections=False),
                       make_client(settings, retry_connections=False, retry_rate_limits=False),
                       mail=make_mailer(settings))
