"""One scheduler cycle: work out what is owed, record it in the ledger, deliver it.

APScheduler only triggers cycles; the ledger, not the scheduler's memory, decides
what is due, so a cycle can run twice, in two processes, or after a crash.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from bot import notices, upkeep
from bot.config import Settings
from bot.delivery import Batch, SlackSender
from bot.pacer import DatabasePacer
from bot.slack_errors import DeliveryFailed, TokenRefused
from commands.mail_message import ActionLink
from commands.nudges import nudges_between
from storage.database import Database, Session
from storage.failures import Failures
from storage.ledger import FAILED, Ledger
from storage.links import issue as issue_link
from storage.models import Delivery, Plan
from storage.models.delivery import PENDING, SENT, UNKNOWN
from storage.repository import PlanRepository
from storage.timestamps import utcnow
from storage.workspaces import all_plans

log = logging.getLogger("lscb.cycle")
MAX_LOOKBACK = timedelta(days=90)
MAX_ATTEMPTS = 30
"""Claims of one nudge before it is given up as failed and the admins told: Slack's "later"
refusals (rate limits, outages) are retried at each cycle, 5 minutes apart, for two hours
and a half, not for the whole grace window."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class CycleReport:
    sent: list[Delivery] = field(default_factory=list)
    failed: list[tuple[Delivery, str]] = field(default_factory=list)
    recorded: int = 0
    held: int | None = None
    """Nudges owed but not sent because Slack refuses the token (None: not held)."""

    def summary(self) -> str:
        lines = [f"Recorded {self.recorded} new nudges; sent {len(self.sent)}; "
                 f"{len(self.failed)} not sent."]
        if self.held is not None:
            lines.append(f"  HELD: Slack refuses the bot's token; {self.held} nudges owed.")
        lines += [f"  sent {d.send_at:%Y-%m-%d} {d.channel} {d.nudge_key}" for d in self.sent]
        lines += [f"  NOT sent {d.channel} {d.nudge_key}: {why}" for d, why in self.failed]
        return "\n".join(lines)


def new_batch(database: Database, sender: SlackSender) -> Batch:
    return Batch(DatabasePacer(database, sender.min_interval, sleep=sender.sleep))


def run_cycle(database: Database, settings: Settings, sender: SlackSender,
              worker: str | None = None) -> CycleReport:
    """Record every plan's nudges due by now, deliver every claimable row, tell the admins
    what Slack refused; unless Slack refuses the token, when what is owed waits."""
    worker = worker or worker_name()
    now = settings.now()
    report = CycleReport()
    with database.unit_of_work() as session:
        plan_ids = [plan.id for plan in all_plans(session)]
    for plan_id in plan_ids:
        report.recorded += record_due(database, settings, plan_id, now)
    if not plan_ids:
        return report
    report.held = upkeep.held(database, settings, sender, plan_ids[0], now)
    if report.held is not None:
        return report
    upkeep.recheck_channels(database, settings, sender.client, now)
    batch = new_batch(database, sender)
    deliver_owed(database, settings, sender, worker, now, report, batch)
    if report.held is None:  # the token may have been refused on the way
        notices_owed = upkeep.record_failures(database, settings, now)
        deliver_rows(database, settings, sender, worker, notices_owed, batch, report)
    return report


def record_due(database: Database, settings: Settings, plan_id: int, now: datetime) -> int:
    """Add to the ledger what fell due since the last cycle; tell admins what nobody hears,
    and what has waited past the grace window."""
    too_late = upkeep.missed_before(settings, now)
    with database.unit_of_work() as session:
        ledger = Ledger(session)
        last = ledger.last_cycle(plan_id)
        start = max(min(last or too_late, too_late), now - MAX_LOOKBACK)
        repo = PlanRepository(session, session.get_one(Plan, plan_id))
        added = ledger.record(plan_id, nudges_between(repo, start, now, settings.timezone,
                                                   settings.command,
                                                   board_links(session, settings, repo, now)),
                              too_late)
        abandoned = utcnow() - timedelta(seconds=settings.claim_lease_seconds)
        expired = Failures(session).expire(plan_id, too_late, abandoned)
        ledger.record(plan_id, notices.unheard(ledger.rows(added + expired), settings, now),
                      too_late)
        ledger.mark_cycle(plan_id, max(now, last or now))
        session.commit()
    return len(added)


def board_links(session: Session, settings: Settings, repo: PlanRepository,
                now: datetime) -> ActionLink | None:
    """Where an email's reader sees an action: its page under the plan's board link (issued
    now if the plan has none), when LSCB_PUBLIC_URL and a key are set. The whole plan's
    link, not the owner's: an email about a group's action goes to each member, whose own
    link would not open it."""
    keys = settings.link_keys()
    if keys is None or not keys.public_url:
        return None
    token = issue_link(session, keys, repo.plan, None, "lscb", now)
    return partial(keys.board_url, token)


def deliver_owed(database: Database, settings: Settings, sender: SlackSender, worker: str,
                 now: datetime, report: CycleReport, batch: Batch | None = None) -> None:
    """Claim each deliverable row in its own transaction, post it, then settle it."""
    lease = timedelta(seconds=settings.claim_lease_seconds)
    with database.unit_of_work() as session:
        ids = Ledger(session).claimable(utcnow(), lease, until=now,
                                        since=upkeep.missed_before(settings, now))
    deliver_rows(database, settings, sender, worker, ids, batch or new_batch(database, sender),
                 report)


def deliver_rows(database: Database, settings: Settings, sender: SlackSender, worker: str,
                 ids: list[int], batch: Batch, report: CycleReport) -> None:
    lease = timedelta(seconds=settings.claim_lease_seconds)
    for position, delivery_id in enumerate(ids):
        with database.unit_of_work() as session:
            delivery = Ledger(session).claim(delivery_id, worker, utcnow(), lease)
            session.commit()
        if delivery is None:
            continue
        error = _attempt(sender, delivery, batch)
        with database.unit_of_work() as session:
            _settle(session, delivery, worker, error)
            session.commit()
        if error is None:
            report.sent.append(delivery)
            continue
        report.failed.append((delivery, str(error)))
        if isinstance(error, TokenRefused):
            log.error("Slack refuses the bot's token (%s): the app was uninstalled or its "
                      "token revoked. Nothing is sent until it works again.", error.cause)
            report.held = len(ids) - position
            return


def _attempt(sender: SlackSender, delivery: Delivery, batch: Batch) -> DeliveryFailed | None:
    try:
        delivery.message_ts = sender.deliver(delivery, batch)
    except DeliveryFailed as error:
        log.warning("Could not deliver %s: %s", delivery.ledger_key, error)
        return error
    return None


def _settle(session: Session, delivery: Delivery, worker: str,
            error: DeliveryFailed | None) -> None:
    ledger = Ledger(session)
    if error is None:
        ledger.settle(delivery.id, worker, SENT, message_ts=delivery.message_ts, at=utcnow())
        return
    given_up = error.permanent or delivery.attempts >= MAX_ATTEMPTS
    status = FAILED if given_up and not isinstance(error, TokenRefused) else PENDING
    cause = UNKNOWN if error.unknown and status == PENDING else error.cause
    ledger.settle(delivery.id, worker, status, error=str(error), cause=cause, at=utcnow())
    if isinstance(error, TokenRefused):
        Failures(session).hold("", error.cause, utcnow())
