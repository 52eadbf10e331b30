"""Delivery against Slack as it behaves (issue 9): channels the bot was only linked to, DMs
by user id, refusals that need a person, rate limits, and an uninstall."""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.config import Settings
from bot.cycle import CycleReport, deliver_owed, run_cycle
from bot.delivery import SlackSender
from bot.slack_client import make_client
from storage.database import Database
from storage.ledger import Ledger, Nudge
from storage.models.delivery import UNKNOWN
from storage.repository import PlanRepository
from tests.conftest import prepare_database
from tests.e2e.conftest import big_plan_dict
from tests.fakeslack import (
    MESSAGE_BLOCK_TEXT_MAX,
    FakeClock,
    FakeSlack,
    Fault,
    app_uninstalled,
    block_text_length,
    signed_event,
)
from tests.planyaml import dump_raw
from tests.scheduler.conftest import ADMIN, SettingsAt
from tests.scheduler.test_cycles import CHANNELS, ledger, posted_keys
from tests.slackapp import SIGNING_SECRET, serving

OCT_1 = date(2014, 10, 1)


def failure_dms(fake: FakeSlack) -> list[str]:
    return [m["text"] for m in fake.posts(ADMIN) if "Nudges Slack would not take" in m["text"]]


def history_channels(fake: FakeSlack) -> list[str]:
    return [c.params["channel"] for c in fake.calls("conversations.history")]


def test_posts_dropped_in_channels_the_bot_never_joined_are_delivered_next_cycle(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    """The issue's reproduction: the app as installed before (chat:write.public, so it posted
    without joining); four posts dropped on 1 October were never delivered."""
    fake.workspace.scopes.add("chat:write.public")
    sender.attempts = 1
    fake.inject("chat.postMessage", *[Fault.drop()] * 4)
    first = run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    assert len(first.failed) == 4 and not fake.calls("conversations.join")
    run_cycle(plan_database, settings_at(date(2014, 10, 2)), sender, worker="w1")
    keys = posted_keys(fake)
    # 13 nudges of 1 October, and the four channels' owners asked for their Q2 returns
    assert len(keys) == len(set(keys)) == 13 + 4
    assert {d.status for d in ledger(plan_database) if d.channel in CHANNELS} == {"sent"}
    looked = len(fake.calls("conversations.history"))
    assert looked == 8 and len(fake.calls("conversations.join")) == 4  # refused, joined, read
    assert set(history_channels(fake)) == set(CHANNELS)
    run_cycle(plan_database, settings_at(date(2014, 10, 3)), sender, worker="w1")
    assert len(fake.calls("conversations.history")) == looked  # not a lookup every cycle


def test_a_lost_reply_is_looked_for_sparingly(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    """Under the 2025 history tier (a call a minute, 15 messages), a lost reply costs one
    small read of the minutes since it was first tried; a rate limit waits a cycle, not a
    minute inside this one."""
    for channel in CHANNELS:
        fake.invite(channel)  # `/lscb channel` joined them when they were linked
    fake.clock = clock = FakeClock()
    fake.limit_history()
    fake.inject("chat.postMessage", Fault.lost_reply(), Fault.drop())
    started = time.monotonic()
    first = run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    assert [c.fault for c in fake.calls("chat.postMessage")][:2] == ["lost_reply", "drop"]
    assert len(first.failed) == 1 and len(fake.calls("conversations.history")) == 2
    assert [d.cause for d in ledger(plan_database) if d.status == "pending"] == [UNKNOWN]
    clock.advance(60)
    second = run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    assert len(second.sent) == 1 and not second.failed and time.monotonic() - started < 10
    keys = posted_keys(fake)
    # 13 nudges of 1 October, and the four channels' owners asked for their Q2 returns
    assert len(keys) == len(set(keys)) == 13 + 4
    tried = {d.ledger_key: d.tried_at for d in ledger(plan_database)}
    lookups = fake.calls("conversations.history")
    assert len(lookups) == 3
    for lookup in lookups:
        key = next(str(c.params["metadata"]["event_payload"]["key"])
                   for c in fake.calls("chat.postMessage") if c.params["channel"] == lookup
                   .params["channel"] and c.fault)
        first_try = tried[key]
        assert first_try is not None and int(lookup.params["limit"]) <= 15
        assert float(lookup.params["oldest"]) >= first_try.timestamp() - 61


def owe(database: Database, channel: str, key: str, now: datetime) -> None:
    nudge = Nudge(key=key, occurrence=now.date(), channel=channel, send_at=now,
                  audience="admins", render=lambda: (f"notice {key}", []))
    with database.committed() as session:
        Ledger(session).record(1, [nudge], now - timedelta(days=7))


def test_a_lost_reply_and_a_dropped_post_in_a_dm(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    settings = settings_at(OCT_1)
    for key in ("admin:one", "admin:two"):
        owe(plan_database, ADMIN, key, settings.now())
    fake.inject("chat.postMessage", Fault.lost_reply(), Fault.drop())
    report = CycleReport()
    deliver_owed(plan_database, settings, sender, "w1", settings.now(), report)
    assert len(report.sent) == 2 and not report.failed
    texts = [m["text"] for m in fake.posts(ADMIN)]
    assert sorted(texts) == ["notice admin:one", "notice admin:two"]
    dm = fake.dm_id(ADMIN)
    assert dm and set(history_channels(fake)) == {dm}  # never the user id
    assert len(fake.calls("conversations.open")) == 1


def test_every_kind_of_refusal_reaches_the_admins_once_with_its_fix(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.archive("CCASE")
    fake.delete_channel("CPMQA")
    fake.add_channel("CCDOP", "cdop", private=True)  # private, the bot never invited
    fake.invite("CCHAIR")
    fake.add_channel("CLEARN", "learning")  # public, but the app may not join channels
    fake.workspace.scopes.discard("channels:join")
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_channel("CLEARN", repo.resolve_owner("learning"), ADMIN,
                          datetime(2014, 9, 1, tzinfo=UTC))
    big = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3000}}
    too_long = Nudge(key="too-long", occurrence=OCT_1, channel="CCHAIR",
                     send_at=settings_at(OCT_1).now() - timedelta(hours=4), audience="Chair",
                     render=lambda: ("too long", [big] * 5))
    with plan_database.committed() as session:
        Ledger(session).record(1, [too_long], settings_at(OCT_1).now() - timedelta(days=7))
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    [notice] = failure_dms(fake)
    for wording in ("The channel is archived", "unarchive it",
                    "The bot cannot see the channel", "/invite @lscb",
                    "Slack refused the message as too long", "The app lacks a permission",
                    "reinstall the app", "<#CCASE>", "<#CPMQA>", "<#CCDOP>", "<#CCHAIR>",
                    "<#CLEARN>"):
        assert wording in notice, wording
    failed = [d for d in ledger(plan_database) if d.status == "failed"]
    assert {d.cause for d in failed} == {"is_archived", "channel_not_found",
                                         "msg_blocks_too_long", "missing_scope"}
    assert [d.nudge_key for d in failed if d.channel == "CCHAIR"] == ["too-long"]
    # its other nudges (a digest, the Q2 return's request): one message, not the channel
    assert len(fake.posts("CCHAIR")) == 3
    posts = len(fake.calls("chat.postMessage"))
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w2")
    assert len(failure_dms(fake)) == 1  # told once
    assert len(fake.calls("chat.postMessage")) == posts  # and not retried blindly


def test_rate_limited_is_temporary(plan_database: Database, settings_at: SettingsAt,
                                   sender: SlackSender, fake: FakeSlack) -> None:
    for channel in CHANNELS:
        fake.invite(channel)
    fake.inject("chat.postMessage", Fault.error("rate_limited"))
    first = run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    assert first.failed and not failure_dms(fake)
    assert {d.status for d in ledger(plan_database) if d.cause == "rate_limited"} == {"pending"}
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    keys = posted_keys(fake)
    # 13 nudges of 1 October, and the four channels' owners asked for their Q2 returns
    assert len(keys) == len(set(keys)) == 13 + 4


def test_a_channel_fixed_within_the_grace_window_gets_its_owed_nudges(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.add_channel("CCDOP", "cdop", private=True)
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    owed = [d.nudge_key for d in ledger(plan_database) if d.channel == "CCDOP"]
    assert owed and not fake.posts("CCDOP") and failure_dms(fake)
    fake.invite("CCDOP")  # the admin followed the fix
    run_cycle(plan_database, settings_at(date(2014, 10, 2)), sender, worker="w1")
    sent = [m["metadata"]["event_payload"]["key"] for m in fake.posts("CCDOP")]
    assert len(sent) == len(set(sent)) == len(owed)
    assert len(failure_dms(fake)) == 1


def test_nudges_owed_to_a_relinked_channel_go_to_the_new_one(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.delete_channel("CCDOP")
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    fake.add_channel("CCDOP2", "cdop-new")
    with plan_database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_channel("CCDOP2", repo.resolve_owner("cdop"), ADMIN,
                          datetime(2014, 10, 1, 15, tzinfo=UTC))
    run_cycle(plan_database, settings_at(date(2014, 10, 2)), sender, worker="w1")
    assert {m["text"].splitlines()[0][:40] for m in fake.posts("CCDOP2")}
    # the digest, the CDOP update and CDOP's request for its Q2 return
    assert len(posted_keys(fake, ("CCDOP2",))) == 3


def test_a_channel_fixed_too_late_does_not_get_them(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.archive("CCASE")
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    fake.archive("CCASE", False)
    run_cycle(plan_database, settings_at(date(2014, 10, 13)), sender, worker="w1")
    assert not [k for k in posted_keys(fake, ("CCASE",)) if "2014-10-01" in k]


def test_an_uninstall_holds_what_is_owed_and_a_reinstall_sends_it(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    run_cycle(plan_database, settings_at(date(2014, 9, 29)), sender, worker="w1")
    before = len(posted_keys(fake))
    app_settings = settings_at(date(2014, 9, 30), signing_secret=SIGNING_SECRET)
    with serving(plan_database, app_settings) as url:
        fake.uninstall()
        assert signed_event(url, SIGNING_SECRET, app_uninstalled())[0] == 200
    for day in (OCT_1, date(2014, 10, 2)):
        calls = len(fake.calls())
        held = run_cycle(plan_database, settings_at(day), sender, worker="w1")
        assert held.held and not held.sent and not held.failed
        assert [c.method for c in fake.calls()[calls:]] == ["auth.test"]
    fake.install("xoxb-reinstalled")
    settings = settings_at(date(2014, 10, 2), bot_token="xoxb-reinstalled")
    resumed = run_cycle(plan_database, settings, SlackSender(
        make_client(settings, retry_connections=False), min_interval=0, backoff=0))
    keys = posted_keys(fake)
    assert len(keys) == len(set(keys)) > before and resumed.held is None
    assert any("going out again" in m["text"] for m in fake.posts(ADMIN))


def test_a_token_refused_mid_cycle_stops_the_cycle_and_holds(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    fake.uninstall()  # no event arrived (the app was down when Slack sent it)
    report = run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    assert len(fake.calls("chat.postMessage")) == 1 and report.held
    assert not [d for d in ledger(plan_database) if d.status == "failed"]
    assert Counter(d.status for d in ledger(plan_database))["pending"] >= 13


def test_a_lost_reply_is_still_looked_for_after_the_token_was_refused_meanwhile(
        plan_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    for channel in CHANNELS:
        fake.invite(channel)
    sender.attempts = 1
    fake.inject("chat.postMessage", Fault.lost_reply())
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")
    fake.uninstall()
    run_cycle(plan_database, settings_at(OCT_1), sender, worker="w1")  # refused on the lookup
    assert [d.cause for d in ledger(plan_database) if d.status == "pending"] == [UNKNOWN]
    fake.install("xoxb-new")
    settings = settings_at(OCT_1, bot_token="xoxb-new")
    run_cycle(plan_database, settings, SlackSender(
        make_client(settings, retry_connections=False), min_interval=0, backoff=0))
    keys = posted_keys(fake)
    # 13 nudges of 1 October, and the four channels' owners asked for their Q2 returns
    assert len(keys) == len(set(keys)) == 13 + 4


def test_a_digest_of_500_overdue_actions_is_one_message_slack_accepts(
        tmp_path: Path, fake: FakeSlack) -> None:
    """Issue 9, point 4: on the 500-action plan the Chair's weekly digest carried 134,000
    characters of block text and Slack refused it (`msg_blocks_too_long`, over 12,000 in the
    fake); now it lists the oldest and points to the narrower command."""
    plan = tmp_path / "big-plan.yaml"
    plan.write_text(dump_raw(big_plan_dict(), sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    database = Database(f"sqlite:///{prepare_database(tmp_path / 'big.sqlite3', plan)}")
    with database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.link_channel("CCHAIR", repo.resolve_owner("chair"), "test",
                          datetime(2014, 3, 1, tzinfo=UTC))
    monday = date(2014, 10, 6)
    settings = Settings(database_url=database.url, bot_token="xoxb-test",
                        slack_api_url=fake.base_url, admins=frozenset({ADMIN}), today=monday)
    sender = SlackSender(make_client(settings, retry_connections=False),
                         make_client(settings, retry_connections=False,
                                     retry_rate_limits=False), min_interval=0, backoff=0)
    run_cycle(database, settings, sender, worker="w1")
    digests = [m for m in fake.posts("CCHAIR")
               if m["metadata"]["event_payload"]["key"].endswith("|digest|2014-10-06|CCHAIR")]
    assert len(digests) == 1
    assert MESSAGE_BLOCK_TEXT_MAX // 2 < block_text_length(digests[0]["blocks"]) <= 10_000
    assert "500" in digests[0]["text"] and "/lscb overdue" in str(digests[0]["blocks"])
    assert not failure_dms(fake)
    assert {d.status for d in ledger(database) if d.nudge_key == "digest"} == {"sent"}
