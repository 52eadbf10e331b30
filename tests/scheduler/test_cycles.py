"""Cycles against the fake Slack Web API: every due nudge delivered exactly once."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from bot.cycle import MAX_ATTEMPTS, run_cycle
from bot.delivery import SlackSender
from bot.pacer import DatabasePacer
from bot.slack_client import make_client
from commands.calendar import is_working_day
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Delivery
from storage.timestamps import utcnow
from tests.fakeslack import FakeSlack, Fault
from tests.scheduler.conftest import ADMIN, LINKED, SettingsAt

CHANNELS = tuple(LINKED.values())


def posted_keys(fake: FakeSlack, channels: tuple[str, ...] = CHANNELS) -> list[str]:
    """The ledger key of every message that reached a channel (duplicates included)."""
    return [m["metadata"]["event_payload"]["key"] for c in channels for m in fake.posts(c)]


def ledger(database: Database) -> list[Delivery]:
    with database.committed() as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.id)))


def run_days(database: Database, settings_at: SettingsAt, sender: SlackSender,
             first: date, last: date) -> None:
    day = first
    while day <= last:
        if is_working_day(day):
            run_cycle(database, settings_at(day), sender, worker="w1")
        day += timedelta(days=1)


def test_a_quarter_of_daily_cycles_sends_each_nudge_once(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    run_days(plan_database, settings_at, sender, date(2014, 4, 1), date(2014, 6, 30))
    keys = posted_keys(fake)
    assert keys and max(Counter(keys).values()) == 1
    routed = [d for d in ledger(plan_database) if d.channel in CHANNELS]
    assert {d.status for d in routed} == {"sent"}
    assert len(routed) == len(keys)
    scr = [m for m in fake.posts("CCASE") if "SCR update" in m["text"]]
    assert len(scr) == 2  # April and June
    assert not fake.violations
    assert len(fake.calls("conversations.join")) == len(CHANNELS)  # once each, not per post


def test_running_a_cycle_twice_posts_nothing_more(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    first = run_cycle(plan_database, settings_at(date(2014, 6, 2)), sender, worker="w1")
    again = run_cycle(plan_database, settings_at(date(2014, 6, 2)), sender, worker="w2")
    assert first.sent and not again.sent and again.recorded == 0
    assert max(Counter(posted_keys(fake)).values()) == 1


def test_faults_are_retried_and_a_lost_reply_is_found_not_reposted(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.inject("chat.postMessage", Fault.rate_limited(retry_after=0), Fault.server_error(),
                Fault.drop(), Fault.lost_reply(), Fault.lost_reply())
    report = run_cycle(plan_database, settings_at(date(2014, 6, 2)), sender, worker="w1")
    assert fake.pending_faults() == 0
    keys = posted_keys(fake)
    assert Counter(keys).most_common(1)[0][1] == 1
    assert len(keys) == len([d for d in report.sent if d.channel in CHANNELS])
    assert not report.failed
    assert fake.calls("conversations.history"), "a lost reply must be looked up"


def test_an_unsent_nudge_stays_pending_until_a_later_cycle_delivers_it(
        plan_database: Database, settings_at: SettingsAt, fake: FakeSlack,
        sender: SlackSender) -> None:
    sender.attempts = 1
    fake.inject("chat.postMessage", *[Fault.drop()] * 2)
    first = run_cycle(plan_database, settings_at(date(2014, 6, 2)), sender, worker="w1")
    assert first.failed
    pending = [d for d in ledger(plan_database) if d.status == "pending"]
    assert pending
    run_cycle(plan_database, settings_at(date(2014, 6, 3)), sender, worker="w1")
    statuses = {d.id: d.status for d in ledger(plan_database)}
    assert all(statuses[d.id] == "sent" for d in pending)
    assert max(Counter(posted_keys(fake)).values()) == 1


def test_a_permanent_error_is_not_retried_forever(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.archive("CCASE")
    run_cycle(plan_database, settings_at(date(2014, 4, 1)), sender, worker="w1")
    tried = len(fake.calls("chat.postMessage"))
    run_cycle(plan_database, settings_at(date(2014, 4, 2)), sender, worker="w1")
    assert tried and len(fake.calls("chat.postMessage")) == tried
    failed = [d for d in ledger(plan_database) if d.status == "failed"]
    assert failed and {d.channel for d in failed} == {"CCASE"}
    assert all(d.cause == "is_archived" for d in failed)


def test_after_downtime_recent_nudges_go_once_and_older_ones_are_reported_missed(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    run_cycle(plan_database, settings_at(date(2014, 4, 1)), sender, worker="w1")
    fake.clear()
    run_cycle(plan_database, settings_at(date(2014, 6, 3)), sender, worker="w1")
    rows = ledger(plan_database)
    missed = [d for d in rows if d.status == "missed"]
    assert missed and all(d.send_at.date() < date(2014, 5, 27) for d in missed)
    recent = {d.nudge_key for d in rows if d.status == "sent" and d.channel in CHANNELS
              and d.send_at.date() >= date(2014, 5, 27)}
    assert "report:scr-updates" in recent
    admin_dm = fake.messages(ADMIN)
    assert any("missed while the bot was down" in m["text"] for m in admin_dm)
    assert max(Counter(posted_keys(fake)).values()) == 1


def test_nudges_nobody_will_hear_are_listed_to_the_admins(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    run_cycle(plan_database, settings_at(date(2014, 4, 1)), sender, worker="w1")
    unrouted = [d for d in ledger(plan_database) if d.status == "unrouted"]
    assert {"LSCB Business Group", "Policies and Procedures Subgroup"} <= {
        d.audience for d in unrouted}
    notice = [m for m in fake.messages(ADMIN) if "nobody will hear" in m["text"].lower()]
    assert len(notice) == 1 and "Policies and Procedures Subgroup" in notice[0]["text"]


def test_an_unauthorised_token_holds_everything_rather_than_failing_it(
        plan_database: Database, settings_at: SettingsAt, fake: FakeSlack) -> None:
    settings = settings_at(date(2014, 4, 1), bot_token="")
    unauthorised = SlackSender(make_client(settings, retry_connections=False), min_interval=0)
    first = run_cycle(plan_database, settings, unauthorised)
    assert len(fake.calls("chat.postMessage")) == 1 and first.held
    second = run_cycle(plan_database, settings, unauthorised)
    assert len(fake.calls("chat.postMessage")) == 1 and second.held == first.held
    rows = ledger(plan_database)
    assert not [d for d in rows if d.status == "failed"]
    assert all("not_authed" in d.last_error for d in rows if d.status == "pending"
               and d.send_at.date() <= date(2014, 4, 1))


def test_two_pacers_on_one_database_keep_a_channel_a_second_apart(
        plan_database: Database) -> None:
    now = [1_000.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 6))
        now[0] += seconds

    one, two = (DatabasePacer(plan_database, 1.0, clock=lambda: now[0], sleep=sleep)
                for _ in range(2))
    one.wait_turn("C1")
    two.wait_turn("C1")  # another process, at the same instant
    two.wait_turn("C2")
    assert waits == [1.0]
    now[0] += 0.25  # Slack took a while to answer
    one.answered("C1")
    one.wait_turn("C1")
    assert waits == [1.0, 1.0]


def test_nudges_slack_refused_in_june_are_missed_in_august_never_posted_late(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    # Every post refused with a 500, and not retried inside the cycle (slack_sdk's
    # ServerErrorRetryHandler would sleep through its back-off): the cycles do the retrying.
    settings = settings_at(date(2014, 6, 2))
    sender = SlackSender(make_client(settings, interactive=True),
                         make_client(settings, interactive=True), min_interval=0, backoff=0)
    sender.attempts = 1
    fake.inject("chat.postMessage", *[Fault.server_error()] * 500)
    first = run_cycle(plan_database, settings_at(date(2014, 6, 2)), sender, worker="w1")
    assert first.failed and not first.sent
    june = [d for d in ledger(plan_database) if d.status == "pending"]
    assert june
    with plan_database.committed() as session:  # a worker that died mid-send in June
        Ledger(session).claim(june[0].id, "dead", utcnow() - timedelta(hours=1),
                              timedelta(minutes=5))
    fake.clear()
    august = run_cycle(plan_database, settings_at(date(2014, 8, 29)), sender, worker="w1")
    assert not {d.id for d in june} & {d.id for d in august.sent}
    assert not [k for k in posted_keys(fake) if k in {d.nudge_key for d in june}]
    statuses = {d.id: d.status for d in ledger(plan_database)}
    assert {statuses[d.id] for d in june} == {"missed"}
    assert any("over 7 days late, so not sent" in m["text"] for m in fake.messages(ADMIN))


def test_a_nudge_slack_keeps_refusing_is_tried_a_capped_number_of_times(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    sender.attempts = 1
    fake.inject("chat.postMessage", *[Fault.error("fatal_error")] * 5000)
    for _ in range(MAX_ATTEMPTS + 5):
        run_cycle(plan_database, settings_at(date(2014, 6, 2)), sender, worker="w1")
    rows = [d for d in ledger(plan_database) if d.channel in CHANNELS]
    assert rows and max(d.attempts for d in rows) == MAX_ATTEMPTS
    assert {d.status for d in rows} == {"failed"}
