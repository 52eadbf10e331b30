"""The workspace behind the fake Slack: what exists, where the bot is, what its token may do.

Faithful by default: a channel or user exists only once a test adds it, the bot is a member of
nothing until it joins or is invited, and the token holds exactly the scopes manifest.yml asks
for. A test that needs a friendlier Slack says so (``fake.invite(channel)``,
``fake.workspace.scopes.add(...)``). Each rule names its source: the method's page on
docs.slack.dev (its "Errors" and "Required scopes"), or the report it was learnt from.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from tests.fakeslack_blocks import SlackError

JSON = dict[str, Any]
Kind = Literal["public", "private", "im"]
MANIFEST = Path(__file__).resolve().parents[1] / "manifest.yml"
TEAM_ID = "T0001"
TRIGGER_LIFETIME = 3.0
"""A trigger_id can be exchanged once, within 3 seconds of the interaction that carried it
(docs.slack.dev/surfaces/modals, "Opening modals"; views.open: ``expired_trigger_id``,
``exchanged_trigger_id``, ``invalid_trigger_id``)."""

# conversations.history and conversations.info need the scope of the conversation's type
# (their docs.slack.dev pages, "Required scopes").
HISTORY_SCOPE: dict[Kind, str] = {"public": "channels:history", "private": "groups:history",
                                  "im": "im:history"}
INFO_SCOPE: dict[Kind, str] = {"public": "channels:read", "private": "groups:read",
                               "im": "im:read"}
METHOD_SCOPE = {
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.postEphemeral": "chat:write",
    "conversations.join": "channels:join",
    "conversations.open": "im:write",
    "users.info": "users:read",
    "users.lookupByEmail": "users:read.email",
}
"""The scope each method needs whatever the conversation (their pages' "Required scopes")."""


def manifest_scopes() -> set[str]:
    """The bot scopes manifest.yml requests: what an install of this app is granted."""
    return set(_manifest_scopes())


@cache
def _manifest_scopes() -> frozenset[str]:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return frozenset(manifest["oauth_config"]["scopes"]["bot"])


def is_user_id(value: str) -> bool:
    return value[:1] in ("U", "W")


@dataclass
class Conversation:
    id: str
    name: str = ""
    kind: Kind = "public"
    member: bool = False
    archived: bool = False
    user: str = ""
    """The other side of an IM."""

    def info(self) -> JSON:
        """The ``channel`` object conversations.info, .join and .open answer with."""
        if self.kind == "im":
            return {"id": self.id, "created": 1_600_000_000, "is_im": True,
                    "is_org_shared": False, "user": self.user, "is_user_deleted": False}
        return {"id": self.id, "name": self.name, "name_normalized": self.name,
                "is_channel": True, "is_group": False, "is_im": False,
                "is_private": self.kind == "private", "is_archived": self.archived,
                "is_member": self.member, "created": 1_600_000_000, "context_team_id": TEAM_ID}


@dataclass
class Person:
    id: str
    name: str
    real_name: str
    email: str
    deleted: bool = False
    is_bot: bool = False

    def info(self) -> JSON:
        """users.info's ``user`` (docs.slack.dev/reference/objects/user-object)."""
        return {"id": self.id, "team_id": TEAM_ID, "name": self.name, "deleted": self.deleted,
                "real_name": self.real_name, "is_bot": self.is_bot, "tz": "Europe/London",
                "tz_label": "Greenwich Mean Time", "tz_offset": 0,
                "profile": {"real_name": self.real_name, "display_name": self.name,
                            "email": self.email}}


class Workspace:
    """Channels, people and the bot's place among them; every method raises `SlackError`."""

    def __init__(self, scopes: set[str] | None = None) -> None:
        self.scopes = manifest_scopes() if scopes is None else set(scopes)
        self.conversations: dict[str, Conversation] = {}
        self.people: dict[str, Person] = {}
        self._ims: dict[str, str] = {}
        self._im_numbers = itertools.count(1)

    # ---- set up by tests ---------------------------------------------------------------------

    def add_channel(self, channel_id: str, name: str = "", *, private: bool = False,
                    member: bool = False, archived: bool = False) -> Conversation:
        conversation = Conversation(channel_id, name or f"channel-{channel_id.lower()}",
                                    "private" if private else "public", member, archived)
        self.conversations[channel_id] = conversation
        return conversation

    def add_user(self, user_id: str, name: str = "", *, real_name: str = "", email: str = "",
                 deleted: bool = False) -> Person:
        name = name or f"user_{user_id.lower()}"
        person = Person(user_id, name, real_name or name.replace("_", " ").title(),
                        email or f"{name}@example.org", deleted)
        self.people[user_id] = person
        return person

    def dm_id(self, user_id: str) -> str | None:
        return self._ims.get(user_id)

    # ---- the rules ---------------------------------------------------------------------------

    def require(self, scope: str) -> None:
        """``missing_scope`` names what was needed and what the token has (every method's
        page, "Errors"; the ``needed``/``provided`` fields as slack_sdk's responses show)."""
        if scope not in self.scopes:
            raise SlackError("missing_scope", needed=scope, provided=",".join(sorted(self.scopes)))

    def visible(self, channel_id: str) -> Conversation:
        """A conversation the bot can see. A private channel it is not in is invisible, so
        ``channel_not_found``, like a deleted channel (conversations.info, "Errors")."""
        conversation = self.conversations.get(channel_id)
        if conversation is None or (conversation.kind == "private" and not conversation.member):
            raise SlackError("channel_not_found")
        return conversation

    def person(self, user_id: str, error: str = "user_not_found") -> Person:
        person = self.people.get(user_id)
        if person is None:
            raise SlackError(error)
        return person

    def open_im(self, user_id: str) -> tuple[Conversation, bool]:
        """The bot's DM with a user, a ``D…`` conversation it is always in; True if it existed
        (conversations.open: ``user_not_found``, ``user_disabled``, ``already_open``)."""
        person = self.person(user_id)
        if person.deleted:
            raise SlackError("user_disabled")
        existing = self._ims.get(user_id)
        if existing:
            return self.conversations[existing], True
        im_id = f"D{next(self._im_numbers):08d}{uuid.uuid4().hex[:2].upper()}"
        self._ims[user_id] = im_id
        conversation = Conversation(im_id, kind="im", member=True, user=user_id)
        self.conversations[im_id] = conversation
        return conversation, False

    def postable(self, channel: str) -> Conversation:
        """Where chat.postMessage puts a message. A user id posts to the bot's DM with them
        (chat.postMessage, "Channels": the reply's ``channel`` is the ``D…`` id); a public
        channel takes a message from a non-member only with ``chat:write.public``, else
        ``not_in_channel``; an archived one answers ``is_archived``."""
        if is_user_id(channel):
            if channel not in self.people:
                raise SlackError("channel_not_found")
            return self.open_im(channel)[0]
        conversation = self.visible(channel)
        if conversation.archived:
            raise SlackError("is_archived")
        if (conversation.kind == "public" and not conversation.member
                and "chat:write.public" not in self.scopes):
            raise SlackError("not_in_channel")
        return conversation

    def readable(self, channel: str) -> Conversation:
        """Whose history the bot may read: only conversations it is a member of. A user id is
        not a conversation (``channel_not_found``: issue 9, reproduced against Slack); a
        public channel it only posts to answers ``not_in_channel`` (conversations.history:
        "Bot token: any conversation the relevant bot is a member of")."""
        if is_user_id(channel):
            raise SlackError("channel_not_found")
        conversation = self.visible(channel)
        self.require(HISTORY_SCOPE[conversation.kind])
        if not conversation.member:
            raise SlackError("not_in_channel")
        return conversation

    def described(self, channel: str) -> Conversation:
        """What conversations.info may describe (a user id is ``channel_not_found``)."""
        if is_user_id(channel):
            raise SlackError("channel_not_found")
        conversation = self.visible(channel)
        self.require(INFO_SCOPE[conversation.kind])
        return conversation

    def join(self, channel: str) -> tuple[Conversation, bool]:
        """conversations.join: public channels only (``method_not_supported_for_channel_type``
        for private ones and DMs), not archived ones (``is_archived``); True if already in,
        which Slack answers with the ``already_in_channel`` warning."""
        conversation = self.visible(channel)
        if conversation.kind != "public":
            raise SlackError("method_not_supported_for_channel_type")
        if conversation.archived:
            raise SlackError("is_archived")
        already, conversation.member = conversation.member, True
        return conversation, already


class Tokens:
    """Which bearer tokens work. After an uninstall every token the app had stops: a bot token
    answers ``account_inactive``, others ``token_revoked``; a revoked token answers
    ``token_revoked`` (chat.postMessage, "Errors"; issue 9). ``only``: the one token accepted,
    else any non-empty one is; a missing token is ``not_authed``, another ``invalid_auth``."""

    def __init__(self, only: str | None = None) -> None:
        self.only = only
        self.installed = True
        self.revoked: set[str] = set()
        self.seen: set[str] = set()

    def error(self, token: str) -> str | None:
        if not token:
            return "not_authed"
        self.seen.add(token)
        if not self.installed:
            return "account_inactive" if token.startswith("xoxb-") else "token_revoked"
        if token in self.revoked:
            return "token_revoked"
        if self.only is not None and token != self.only:
            return "invalid_auth"
        return None

    def uninstall(self) -> None:
        self.installed = False
        self.revoked |= self.seen

    def install(self, token: str | None) -> None:
        """A reinstall: the app works again, with ``token`` (the new bot token) if given."""
        self.installed = True
        if token is not None:
            self.only = token
            self.revoked.discard(token)


class Triggers:
    """trigger_ids issued with interactions, each exchangeable once within `TRIGGER_LIFETIME`
    seconds of the fake's clock."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._issued: dict[str, float] = {}
        self._used: set[str] = set()
        self._numbers = itertools.count(10_000)

    def issue(self) -> str:
        trigger = f"{next(self._numbers)}.{uuid.uuid4().int % 10**10}.{uuid.uuid4().hex[:12]}"
        self._issued[trigger] = self.clock()
        return trigger

    def exchange(self, trigger: str) -> None:
        issued = self._issued.get(trigger)
        if issued is None:
            raise SlackError("invalid_trigger_id")
        if trigger in self._used:
            raise SlackError("exchanged_trigger_id")
        if self.clock() - issued > TRIGGER_LIFETIME:
            raise SlackError("expired_trigger_id")
        self._used.add(trigger)


class HistoryLimit:
    """The 2025 limit on conversations.history for apps distributed outside the Marketplace:
    about one call a minute, at most 15 messages a page (docs.slack.dev/reference/methods/
    conversations.history, and the changelog of 2025-05-29). Off unless a test turns it on:
    internal apps keep Tier 3."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.per_minute: int | None = None
        self.max_limit: int | None = None
        self._last: float | None = None

    def page_size(self, asked: int, default: int) -> int:
        if self.max_limit is None:
            return asked or default
        return min(asked or self.max_limit, self.max_limit)

    def wait(self) -> int:
        """Seconds until the next call is allowed (0 now, and that call is counted)."""
        if self.per_minute is None:
            return 0
        now, gap = self.clock(), 60.0 / self.per_minute
        if self._last is not None and now - self._last < gap:
            return max(1, round(gap - (now - self._last)))
        self._last = now
        return 0
