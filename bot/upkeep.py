"""What a cycle looks after besides posting: holds, fixed channels, the admins' report.

Sending waits while Slack refuses the bot's token (after an uninstall) and resumes once it
takes it again; a channel whose nudges failed is checked each cycle and gets them back once
fixed; what Slack refused is told to the admins once, grouped by cause, with the fix.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from slack_sdk import WebClient

from bot import notices
from bot.channels import prepare_channel
from bot.config import Settings
from bot.delivery import SlackSender
from storage.database import Database
from storage.failures import Failures
from storage.ledger import Ledger
from storage.timestamps import utcnow
from storage.workspaces import all_plans

log = logging.getLogger("lscb.upkeep")


def missed_before(settings: Settings, now: datetime) -> datetime:
    """Nudges due before this are too late to send (LSCB_GRACE_DAYS)."""
    today = now.astimezone(settings.timezone).date()
    return datetime.combine(today - timedelta(days=settings.grace_days), time.min,
                            tzinfo=settings.timezone)


def held(database: Database, settings: Settings, sender: SlackSender, plan_id: int,
         now: datetime) -> int | None:
    """How many nudges wait because Slack refuses the token; None when sending may go on
    (no hold, or the token works again: then the hold is lifted and the admins told)."""
    with database.unit_of_work() as session:
        holds = Failures(session).holds()
    if not holds:
        return None
    if not sender.token_works():
        with database.committed() as session:
            owed = Failures(session).mark_owed(now, holds[0].reason)
        log.error("Not sending: Slack refuses the bot's token (%s since %s); %d nudges owed. "
                  "Reinstall the app and set SLACK_BOT_TOKEN.", holds[0].reason,
                  holds[0].since, owed)
        return owed
    with database.committed() as session:
        lifted = Failures(session).release()
        Ledger(session).record(plan_id, notices.resumed(lifted, settings, now),
                               missed_before(settings, now))
    return None


def recheck_channels(database: Database, settings: Settings, client: WebClient,
                     now: datetime) -> None:
    """A channel whose nudges failed may have been fixed (the bot invited, the channel
    unarchived): check each once a cycle, and send again what is still worth sending."""
    too_late = missed_before(settings, now)
    with database.unit_of_work() as session:
        channels = Failures(session).broken_channels(too_late)
    for channel in channels:
        if prepare_channel(client, channel).ok:
            with database.committed() as session:
                count = Failures(session).retry_channel(channel, too_late)
            log.info("%s works now: %d nudges will go out again", channel, count)


def record_failures(database: Database, settings: Settings, now: datetime) -> list[int]:
    """Record one notice to the admins of what Slack refused and nobody was told about yet
    (one DM per cycle); returns the notices' ledger rows."""
    added: list[int] = []
    with database.committed() as session:
        failures, ledger = Failures(session), Ledger(session)
        for plan_id in [plan.id for plan in all_plans(session)]:
            rows = failures.unreported(plan_id)
            added += ledger.record(plan_id, notices.failed(rows, settings, now),
                                   missed_before(settings, now))
            failures.mark_reported([r.id for r in rows], utcnow())
    return added
