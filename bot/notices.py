"""What the admins are told by direct message, recorded in the ledger like any nudge.

A notice is one ledger row per admin, keyed by the first row it reports, so it is sent
exactly once however many processes notice the same thing.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from functools import partial

from bot.config import Settings
from bot.slack_errors import cause_group
from commands.mail_message import address_of, is_mail
from commands.nudge_span import as_message
from commands.page import ChannelRef, Line, line
from commands.pages.notices import admin_notice, failure_notice, resumed_notice
from commands.text import day
from storage.failures import ADMINS
from storage.ledger import Message, Nudge
from storage.models import Delivery, DeliveryHold
from storage.models.delivery import MISSED, UNROUTED

log = logging.getLogger("lscb.notices")


def _line(row: Delivery, settings: Settings) -> Line:
    """When, for whom, and the nudge's first line (its header: plain text, never escaped)."""
    first = row.text.splitlines()[0] if row.text else ""
    return line(f"{day(row.send_at.astimezone(settings.timezone).date())} · "
                f"{row.audience or 'nobody'} · {first}")


def to_admins(key: str, message: Message, settings: Settings, now: datetime) -> list[Nudge]:
    """The same message to every admin (none without LSCB_ADMINS: then it is logged)."""
    if not settings.admins:
        log.warning("No LSCB_ADMINS to tell: %s", message[0].splitlines()[0][:200])
    return [Nudge(key=key, occurrence=now.date(), send_at=now, channel=admin, audience=ADMINS,
                  render=partial(_same, message))
            for admin in sorted(settings.admins)]


def _same(message: Message) -> Message:
    return message


def unheard(rows: Sequence[Delivery], settings: Settings, now: datetime) -> list[Nudge]:
    """Nudges nobody will hear (no channel), and those missed while the bot was down."""
    problems = {
        UNROUTED: f"Nudges nobody will hear: link a channel with "
                  f"`{settings.command} channel #channel OWNER`",
        MISSED: f"Nudges missed while the bot was down (over {settings.grace_days} days late, "
                f"so not sent)",
    }
    notices = []
    for status, title in problems.items():
        found = [r for r in rows if r.status == status and r.audience != ADMINS]
        if found:
            message = as_message(admin_notice(title, [_line(r, settings) for r in found]),
                                 settings.command)
            notices += to_admins(f"admin:{status}:{found[0].id}", message, settings, now)
    return notices


def failed(rows: Sequence[Delivery], settings: Settings, now: datetime) -> list[Nudge]:
    """One notice for the nudges Slack refused, grouped by cause, each with its fix (and
    one for the emails the mail server refused: their fixes differ)."""
    if not rows:
        return []
    by_email = [r for r in rows if is_mail(r.channel)]
    if by_email and len(by_email) < len(rows):
        return [*failed([r for r in rows if not is_mail(r.channel)], settings, now),
                *failed(by_email, settings, now)]
    groups: defaultdict[str, list[Line]] = defaultdict(list)
    for row in rows:
        where = (ChannelRef(row.channel) if row.channel[:1] in ("C", "G")
                 else address_of(row.channel) if is_mail(row.channel) else row.channel)
        groups[cause_group(row.cause or "unknown")].append(line(where, " · ",
                                                                _line(row, settings)))
    message = as_message(failure_notice(list(groups.items()), settings.grace_days,
                                        by_email=bool(by_email)), settings.command)
    return to_admins(f"admin:failed:{rows[0].id}", message, settings, now)


def resumed(holds: Sequence[DeliveryHold], settings: Settings, now: datetime) -> list[Nudge]:
    """After a reinstall: since when nothing went out, and what happens to what was owed."""
    if not holds:
        return []
    since = min(h.since for h in holds)
    message = as_message(resumed_notice([h.reason for h in holds],
                                        since.astimezone(settings.timezone).date(),
                                        now.astimezone(settings.timezone).date()),
                         settings.command)
    return to_admins(f"admin:resumed:{since.isoformat()}", message, settings, now)
