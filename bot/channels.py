"""Checking a channel the bot is to post in: join it if it is public, say plainly if not.

Slack lets a bot read a channel's history (which exactly-once delivery needs, to look for a
message whose reply was lost) only where it is a member. A public channel it can join by
itself (``conversations.join``, channels:join); a private one it cannot see at all until
someone invites it, so ``conversations.info`` answers ``channel_not_found`` just as for a
deleted channel (conversations.info, "Errors").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack_errors import CONNECTION_ERRORS, TOKEN_ERRORS, cause_group
from commands.page import Line
from commands.pages.notices import channel_problem

log = logging.getLogger("lscb.channels")
UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class ChannelCheck:
    """What the bot found: `ok` when it is in the channel and may post there."""

    channel_id: str
    ok: bool
    problem: str = ""
    """Slack's error (``channel_not_found``, ``is_archived``, ``not_in_channel``,
    ``missing_scope``, a token error) or ``unreachable``; "" when ok."""
    joined: bool = False
    private: bool = False

    @property
    def sentence(self) -> Line:
        """For the admin who linked it: nothing when all is well."""
        if not self.problem:
            return ()
        return channel_problem(self.channel_id, cause_group(self.problem))


def prepare_channel(client: WebClient, channel_id: str) -> ChannelCheck:
    """Make sure the bot can post in `channel_id` and read it back, joining it if public."""
    try:
        channel = client.conversations_info(channel=channel_id)["channel"]
    except SlackApiError as error:
        return _refused(channel_id, error)
    except CONNECTION_ERRORS as error:
        log.warning("Could not check %s: %s", channel_id, error)
        return ChannelCheck(channel_id, ok=False, problem=UNREACHABLE)
    private = bool(channel.get("is_private"))
    if channel.get("is_archived"):
        return ChannelCheck(channel_id, ok=False, problem="is_archived", private=private)
    if channel.get("is_member"):
        return ChannelCheck(channel_id, ok=True, private=private)
    if private:
        return ChannelCheck(channel_id, ok=False, problem="not_in_channel", private=True)
    return _join(client, channel_id)


def _join(client: WebClient, channel_id: str) -> ChannelCheck:
    try:
        client.conversations_join(channel=channel_id)
    except SlackApiError as error:
        return _refused(channel_id, error)
    except CONNECTION_ERRORS as error:
        log.warning("Could not join %s: %s", channel_id, error)
        return ChannelCheck(channel_id, ok=False, problem=UNREACHABLE)
    return ChannelCheck(channel_id, ok=True, joined=True)


def _refused(channel_id: str, error: SlackApiError) -> ChannelCheck:
    code = str(error.response.get("error", "")) or UNREACHABLE
    if code == "method_not_supported_for_channel_type":
        code = "not_in_channel"
    if code not in TOKEN_ERRORS and code not in ("channel_not_found", "is_archived",
                                                  "not_in_channel", "missing_scope"):
        log.warning("Checking %s: Slack answered %s", channel_id, code)
        code = UNREACHABLE
    return ChannelCheck(channel_id, ok=False, problem=code)
