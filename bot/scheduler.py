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
MORNING_RUN = {"hour": 9, "minute": 0, "second": 5}  # just after nudges fall due at 09:00
MISFIRE_GRACE_SECONDS = 300  # a trigger missed by more (a busy or paused process) is skipped:
# nothing is lost, since the next cycle works out from the ledger what is still owed


def make_scheduler(settings: Settings, cycle: Callable[[], object], *,
                   blocking: bool) -> BaseScheduler:
    """Run `cycle` at start, every few minutes, and on the dot of 09:00 on weekdays."""
    scheduler: BaseScheduler = (BlockingScheduler if blocking else BackgroundScheduler)(
        timezone=settings.timezone)
    options = {"max_instances": 1, "coalesce": True,
               "misfire_grace_time": MISFIRE_GRACE_SECONDS}
    scheduler.add_job(_logged(cycle), IntervalTrigger(minutes=settings.cycle_minutes),
                      id="cycle-interval", **options)
    scheduler.add_job(_logged(cycle), CronTrigger(day_of_week="mon-fri", **MORNING_RUN,
                                                  timezone=settings.timezone),
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
