"""The scheduler the Procfile's worker runs: which cycles it triggers, and what a cycle does
when triggered. APScheduler is never started: its jobs are read and called directly."""

from __future__ import annotations

import logging
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.cycle import worker_name
from bot.entrypoints import _scheduler
from bot.scheduler import make_scheduler
from storage.database import Database
from storage.heartbeats import Heartbeats
from storage.repository import PlanRepository
from tests.fakeslack import FakeSlack

LONDON = ZoneInfo("Europe/London")


def test_cycles_run_at_start_every_few_minutes_and_just_after_nine_on_weekdays() -> None:
    scheduler = make_scheduler(Settings(cycle_minutes=7), lambda: "ran", blocking=False)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"cycle-interval", "cycle-morning", "cycle-at-start"}
    assert isinstance(jobs["cycle-interval"].trigger, IntervalTrigger)
    assert jobs["cycle-interval"].trigger.interval.total_seconds() == 7 * 60
    assert isinstance(jobs["cycle-at-start"].trigger, DateTrigger)
    morning = jobs["cycle-morning"].trigger
    assert isinstance(morning, CronTrigger)
    friday_ten = datetime(2014, 10, 17, 10, 0, tzinfo=LONDON)
    assert morning.get_next_fire_time(None, friday_ten) == datetime(2014, 10, 20, 9, 0, 5,
                                                                    tzinfo=LONDON)
    for job in jobs.values():
        assert job.max_instances == 1 and job.coalesce is True


def test_a_failing_cycle_is_logged_and_the_scheduler_carries_on(
        caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> str:
        raise RuntimeError("database gone")

    scheduler = make_scheduler(Settings(), broken, blocking=False)
    job = scheduler.get_job("cycle-interval")
    assert job is not None
    with caplog.at_level(logging.INFO, logger="lscb.scheduler"):
        job.func()  # does not raise
    assert any(r.exc_info and "next one will pick up" in r.getMessage() for r in caplog.records)


def test_the_workers_scheduler_runs_a_real_cycle(sample_database: Database) -> None:
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_channel("CCASE", repo.resolve_owner("case review"), "test",
                          datetime(2014, 3, 1, tzinfo=LONDON))
    with FakeSlack() as fake:
        fake.add_channel("CCASE", member=True)
        settings = Settings(database_url=sample_database.url, bot_token="xoxb-test",
                            slack_api_url=fake.base_url, today=date(2014, 9, 16))
        job = _scheduler(settings, sample_database, blocking=False).get_job("cycle-at-start")
        assert job is not None
        job.func()
        posted = [c.params for c in fake.calls("chat.postMessage")]
    assert any(p["channel"] == "CCASE" and "5.2" in p["text"] for p in posted), posted
    with sample_database.unit_of_work() as session:  # and its heartbeat is recorded
        beat = Heartbeats(session).last_finished()
    assert beat is not None and beat.outcome == "finished"
    assert beat.worker == worker_name()
