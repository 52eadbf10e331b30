"""One scheduler cycle: work out what is owed, record it in the ledger, deliver it.

APScheduler only triggers cycles; the ledger, not the scheduler's memory, decides
what is due, so a cycle can run twice, in two processes, or after a crash.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import partial

from bot.config import Settings
from bot.delivery import DeliveryFailed, SlackSender
from commands.nudges import as_message, nudges_between
from commands.pages.nudges import admin_notice
from commands.text import day
from storage.database import Database
from storage.ledger import FAILED, Ledger, Message, Nudge
from storage.models import Delivery, Plan
from storage.models.delivery import MISSED, PENDING, SENT, UNROUTED
from storage.repository import PlanRepository
from storage.timestamps import utcnow
from storage.workspaces import all_plans

log = logging.getLogger("lscb.cycle")
MAX_LOOKBACK = timedelta(days=90)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class CycleReport:
    sent: list[Delivery] = field(default_factory=list)
    failed: list[tuple[Delivery, str]] = field(default_factory=list)
    recorded: int = 0

    def summary(self) -> str:
        lines = [f"Recorded {self.recorded} new nudges; sent {len(self.sent)}; "
                 f"{len(self.failed)} not sent."]
        lines += [f"  sent {d.send_at:%Y-%m-%d} {d.channel} {d.nudge_key}" for d in self.sent]
        lines += [f"  NOT sent {d.channel} {d.nudge_key}: {why}" for d, why in self.failed]
        return "\n".join(lines)


def run_cycle(database: Database, settings: Settings, sender: SlackSender,
              worker: str | None = None) -> CycleReport:
    """Record every plan's nudges due by now, then deliver every claimable row."""
    worker = worker or worker_name()
    now = settings.now()
    report = CycleReport()
    with database.unit_of_work() as session:
        plan_ids = [plan.id for plan in all_plans(session)]
    for plan_id in plan_ids:
        report.recorded += record_due(database, settings, plan_id, now)
    deliver_owed(database, settings, sender, worker, now, report)
    return report


def record_due(database: Database, settings: Settings, plan_id: int, now: datetime) -> int:
    """Add to the ledger what fell due since the last cycle; tell admins what nobody hears."""
    today = now.astimezone(settings.timezone).date()
    missed_before = datetime.combine(today - timedelta(days=settings.grace_days), time.min,
                                     tzinfo=settings.timezone)
    with database.unit_of_work() as session:
        ledger = Ledger(session)
        last = ledger.last_cycle(plan_id)
        start = max(min(last or missed_before, missed_before), now - MAX_LOOKBACK)
        repo = PlanRepository(session, session.get_one(Plan, plan_id))
        added = ledger.record(plan_id, nudges_between(repo, start, now, settings.timezone),
                              missed_before)
        notices = _admin_notices(ledger.rows(added), settings, now)
        ledger.record(plan_id, notices, missed_before)
        ledger.mark_cycle(plan_id, max(now, last or now))
        session.commit()
    return len(added)


def _admin_notices(rows: list[Delivery], settings: Settings, now: datetime) -> list[Nudge]:
    problems = {
        UNROUTED: ("Nudges nobody will hear: link a channel with `/lscb channel #channel OWNER`",
                   [r for r in rows if r.status == UNROUTED]),
        MISSED: (f"Nudges missed while the bot was down (over {settings.grace_days} days late, "
                 f"so not sent)", [r for r in rows if r.status == MISSED]),
    }
    notices = []
    for status, (title, missed) in problems.items():
        if not missed:
            continue
        lines = [f"{day(r.send_at.astimezone(settings.timezone).date())} · "
                 f"{r.audience or 'nobody'} · {r.text.splitlines()[0]}" for r in missed]
        if not settings.admins:
            log.warning("%s (no LSCB_ADMINS to tell):\n%s", title, "\n".join(lines))
        message = as_message(admin_notice(title, lines))
        notices += [Nudge(key=f"admin:{status}:{missed[0].id}", occurrence=now.date(),
                          send_at=now, channel=admin, audience="admins",
                          render=partial(_same, message))
                    for admin in sorted(settings.admins)]
    return notices


def _same(message: Message) -> Message:
    return message


def deliver_owed(database: Database, settings: Settings, sender: SlackSender, worker: str,
                 now: datetime, report: CycleReport) -> None:
    """Claim each deliverable row in its own transaction, post it, then settle it."""
    lease = timedelta(seconds=settings.claim_lease_seconds)
    with database.unit_of_work() as session:
        ids = Ledger(session).claimable(utcnow(), lease, until=now)
    for delivery_id in ids:
        with database.unit_of_work() as session:
            delivery = Ledger(session).claim(delivery_id, worker, utcnow(), lease)
            session.commit()
        if delivery is None:
            continue
        status, ts, error = _attempt(sender, delivery)
        with database.unit_of_work() as session:
            Ledger(session).settle(delivery_id, worker, status, message_ts=ts, error=error,
                                   at=utcnow())
            session.commit()
        if status == SENT:
            report.sent.append(delivery)
        else:
            report.failed.append((delivery, error))


def _attempt(sender: SlackSender, delivery: Delivery) -> tuple[str, str, str]:
    try:
        return SENT, sender.deliver(delivery), ""
    except DeliveryFailed as error:
        log.warning("Could not deliver %s: %s", delivery.ledger_key, error)
        return (FAILED if error.permanent else PENDING), "", str(error)
