"""APScheduler triggers nudge cycles; what is due is the ledger's business."""

from __future__ import annotations

import logging
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings

log = logging.getLogger("lscb.scheduler")


def make_scheduler(settings: Settings, cycle: Callable[[], object], *,
                   blocking: bool) -> BaseScheduler:
    """Run `cycle` at start, every few minutes, and on the dot of 09:00 on weekdays."""
    scheduler: BaseScheduler = (BlockingScheduler if blocking else BackgroundScheduler)(
        timezone=settings.timezone)
    options = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 300}
    scheduler.add_job(_logged(cycle), IntervalTrigger(minutes=settings.cycle_minutes),
                      id="cycle-interval", **options)
    scheduler.add_job(_logged(cycle), CronTrigger(day_of_week="mon-fri", hour=9, minute=0,
                                                  second=5, timezone=settings.timezone),
                      id="cycle-morning", **options)
    scheduler.add_job(_logged(cycle), id="cycle-at-start", **options)
    return scheduler


def _logged(cycle: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        try:
            log.info("%s", cycle())
        except Exception:
            log.exception("A nudge cycle failed; the next one will pick up what is pending")
    return run
