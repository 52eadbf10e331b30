"""Giving an owner an email address, for partners who are not in Slack (admins).

An owner with an address gets by email what its channel would; with a channel too, Slack
only unless `also` is set (then both). The address is checked strictly: plain ASCII
``local@domain`` as RFC 5321 allows it to be sent (no display name, no comments, no
quoting), so what is stored is exactly what the SMTP envelope and the To header carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from commands.context import CommandError, Context, require_admin
from commands.lookup import resolve_owner
from commands.safety import typed_text

MAX_ADDRESS = 254  # RFC 5321 4.5.3.1.3: a path is at most 256 octets with its <>
MAX_LOCAL = 64  # RFC 5321 4.5.3.1.1
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"^(?P<local>{_ATOM}(?:\.{_ATOM})*)@(?P<domain>{_LABEL}(?:\.{_LABEL})+)$")
REMOVE = ("", "-", "none")
"""What stands for "no address" where one is expected."""


@dataclass(frozen=True)
class EmailSet:
    """An owner's address after the change ("" when removed); `changed` is False when it
    already was so; `has_channel` says whether Slack still hears it."""

    owner: str
    address: str
    also: bool
    changed: bool
    has_channel: bool


def valid_address(text: str) -> str:
    """`text` as an address the bot can send to, or a refusal that says what is wrong."""
    address = text.strip()
    match = _ADDRESS.match(address)
    if len(address) > MAX_ADDRESS or match is None or len(match["local"]) > MAX_LOCAL:
        raise CommandError(f"“{address[:80]}” is not an email address the bot can send to: "
                           "write it as name@example.org.")
    return match["local"] + "@" + match["domain"].lower()


def set_email(ctx: Context, owner: str, address: str, also: bool = False) -> EmailSet:
    """Send an owner's nudges by email (`address` "" removes it)."""
    require_admin(ctx, "give an owner an email address")
    found = resolve_owner(ctx, owner)
    typed = typed_text(ctx, address, "address", MAX_ADDRESS).strip()
    clean = "" if typed.lower() in REMOVE else valid_address(typed)
    changed = ctx.repo.set_email(found, clean, also, ctx.caller.user_id, ctx.now)
    return EmailSet(found.name, found.email, found.email_also, changed,
                    ctx.repo.channel_of(found) is not None)
