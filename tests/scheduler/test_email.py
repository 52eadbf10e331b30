"""Nudges by email, through the same ledger, against a real SMTP server on loopback."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.cycle import run_cycle
from bot.delivery import SlackSender
from bot.mail import MailSender
from bot.slack_client import make_client
from bot.smtp import SmtpServer
from storage.database import Database
from storage.ledger import Ledger
from storage.links import scope_of
from storage.models import Delivery
from storage.timestamps import utcnow
from tests.fakeslack import FakeSlack
from tests.scheduler.conftest import ADMIN, CASE, COMMS, CSE, SettingsAt
from tests.smtpserver import LoopbackSmtp

FROM = "lscb-bot@example.org"
MONDAY = date(2014, 6, 2)


@pytest.fixture
def smtp() -> Iterator[LoopbackSmtp]:
    server = LoopbackSmtp().start()
    yield server
    server.stop()


def mail_settings(settings_at: SettingsAt, day: date, smtp: LoopbackSmtp) -> Settings:
    return settings_at(day, smtp_url=smtp.url, mail_from=FROM)


def new_sender(settings: Settings) -> SlackSender:
    """What a process starts with: the real senders, without the real pauses."""
    return SlackSender(make_client(settings, retry_connections=False),
                       make_client(settings, retry_connections=False, retry_rate_limits=False),
                       min_interval=0, backoff=0,
                       mail=MailSender(SmtpServer.from_url(settings.smtp_url), FROM, timeout=5))


def mail_rows(database: Database) -> list[Delivery]:
    with database.committed() as session:
        return list(session.scalars(select(Delivery).where(Delivery.channel.like("mailto:%"))
                                    .order_by(Delivery.id)))


def subjects(smtp: LoopbackSmtp, address: str) -> list[str]:
    return [str(m["Subject"]) for m in smtp.to(address)]


def test_an_owner_without_a_channel_gets_its_nudges_by_email_as_text_and_html(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    settings = mail_settings(settings_at, MONDAY, smtp)
    report = run_cycle(mail_database, settings, new_sender(settings), worker="w1")
    assert not report.failed
    comms = smtp.to(COMMS)
    assert sorted(subjects(smtp, COMMS)) == sorted([
        "LSCB plan: 📅 Reporting due: Subgroup progress update (each board meeting)",
        "LSCB plan: 🔴 Action 1.10 is overdue", "LSCB plan: 🔴 Action 1.11 is overdue",
        "LSCB plan: Weekly overdue digest: 2 items"])
    overdue = next(m for m in comms if "1.10" in str(m["Subject"]))
    assert overdue["From"] == FROM and overdue["To"] == COMMS
    assert overdue["Auto-Submitted"] == "auto-generated"
    assert overdue["Message-ID"].endswith("@example.org>")
    assert overdue.get_content_type() == "multipart/alternative"
    text = overdue.get_body(("plain",))
    html = overdue.get_body(("html",))
    assert text is not None and html is not None
    assert "It was due" in text.get_content() and "Mark complete" not in text.get_content()
    assert "<h2>🔴 Action 1.10 is overdue</h2>" in html.get_content()
    assert "<strong>Owner:</strong>" in html.get_content()
    assert all(r.recipients == [COMMS] and r.sender == FROM for r in smtp.received
               if COMMS in r.recipients)


def test_also_sends_by_email_and_to_the_channel_and_a_channel_alone_gets_no_email(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    settings = mail_settings(settings_at, MONDAY, smtp)
    run_cycle(mail_database, settings, new_sender(settings), worker="w1")
    emailed = subjects(smtp, CASE)
    posted = [m["text"] for m in fake.posts("CCASE")]
    assert "LSCB plan: 🔴 Action 5.1 is overdue" in emailed
    assert any("Action 5.1" in text for text in posted)
    assert not smtp.to("pmqa@example.org")  # PMQA has a channel and no address


def test_each_email_goes_once_across_two_cycles_and_a_restart(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    settings = mail_settings(settings_at, MONDAY, smtp)
    sender = new_sender(settings)
    first = run_cycle(mail_database, settings, sender, worker="w1")
    again = run_cycle(mail_database, settings, sender, worker="w1")
    restarted = Database(mail_database.url)  # a new process: its own engine and sender
    after = run_cycle(restarted, settings, new_sender(settings), worker="w2")
    later = run_cycle(restarted, mail_settings(settings_at, date(2014, 6, 3), smtp),
                      new_sender(settings), worker="w2")
    restarted.dispose()
    ids = [m["Message-ID"] for m in (r.message for r in smtp.received)]
    assert ids and max(Counter(ids).values()) == 1
    assert len(smtp.received) == len([d for d in first.sent if d.channel.startswith("mailto:")])
    assert not again.sent and not after.sent
    assert all(not d.channel.startswith("mailto:") for d in later.sent)
    assert {d.status for d in mail_rows(mail_database)} == {"sent"}


def test_a_server_that_is_down_leaves_emails_pending_until_it_is_back(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    smtp.stop()  # nothing listens on its port now: connections are refused
    settings = mail_settings(settings_at, MONDAY, smtp)
    down = run_cycle(mail_database, settings, new_sender(settings), worker="w1")
    rows = mail_rows(mail_database)
    assert rows and {(d.status, d.cause) for d in rows} == {("pending", "smtp_unreachable")}
    assert all("Connection refused" in d.last_error for d in rows)
    assert len(down.failed) >= len(rows)
    smtp.start()
    back = run_cycle(mail_database, mail_settings(settings_at, date(2014, 6, 3), smtp),
                     new_sender(settings), worker="w1")
    assert {d.status for d in mail_rows(mail_database)} == {"sent"}
    assert len(smtp.received) == len(rows) == len(
        [d for d in back.sent if d.channel.startswith("mailto:")])
    assert not [m for m in fake.posts(ADMIN) if "mail server" in m["text"]]


def test_emails_still_owed_past_the_grace_window_are_missed_not_sent(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    smtp.stop()
    settings = mail_settings(settings_at, MONDAY, smtp)
    run_cycle(mail_database, settings, new_sender(settings), worker="w1")
    smtp.start()
    late = mail_settings(settings_at, date(2014, 6, 16), smtp)
    run_cycle(mail_database, late, new_sender(late), worker="w1")
    first_week = [d for d in mail_rows(mail_database) if d.send_at.date() == MONDAY]
    assert first_week and {d.status for d in first_week} == {"missed"}
    assert not [m for m in smtp.received if "1.10" in str(m.message["Subject"])]
    assert any("missed" in m["text"] and "Communications and Engagement Subgroup" in m["text"]
               for m in fake.posts(ADMIN))


def test_a_refused_recipient_fails_for_good_and_the_admins_are_told(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    smtp.refuse.add(CSE)
    settings = mail_settings(settings_at, MONDAY, smtp)
    sender = new_sender(settings)
    run_cycle(mail_database, settings, sender, worker="w1")
    refused = [d for d in mail_rows(mail_database) if d.channel == f"mailto:{CSE}"]
    assert refused and {(d.status, d.cause) for d in refused} == {("failed", "mail_refused")}
    assert "550" in refused[0].last_error
    assert subjects(smtp, COMMS)  # the others still went
    notices = [m["text"] for m in fake.posts(ADMIN) if "refused the address" in m["text"]]
    assert len(notices) == 1 and CSE in notices[0]
    run_cycle(mail_database, mail_settings(settings_at, date(2014, 6, 3), smtp), sender,
              worker="w1")
    assert not smtp.to(CSE)
    assert len([m for m in fake.posts(ADMIN) if "refused the address" in m["text"]]) == 1


def test_a_lost_reply_is_never_sent_again_and_the_admins_are_told(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    smtp.lose_replies = 1
    settings = mail_settings(settings_at, MONDAY, smtp)
    sender = new_sender(settings)
    run_cycle(mail_database, settings, sender, worker="w1")
    run_cycle(mail_database, mail_settings(settings_at, date(2014, 6, 3), smtp), sender,
              worker="w1")
    unknown = [d for d in mail_rows(mail_database) if d.status == "failed"]
    assert [d.cause for d in unknown] == ["mail_outcome_unknown"]
    ids = [r.message["Message-ID"] for r in smtp.received]
    assert max(Counter(ids).values()) == 1  # taken once, never again
    assert any("may or may not have taken" in m["text"] for m in fake.posts(ADMIN))


def test_a_claim_abandoned_mid_send_is_not_emailed_again(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    """A worker that died holding a claim may have sent it: the next one does not."""
    settings = mail_settings(settings_at, MONDAY, smtp)
    smtp.stop()
    run_cycle(mail_database, settings, new_sender(settings), worker="w1")  # all pending
    row = mail_rows(mail_database)[0]
    with mail_database.committed() as session:
        Ledger(session).claim(row.id, "dead", utcnow() - timedelta(hours=1),
                              timedelta(seconds=settings.claim_lease_seconds))
    smtp.start()
    run_cycle(mail_database, settings, new_sender(settings), worker="w2")
    after = {d.id: d for d in mail_rows(mail_database)}
    assert (after[row.id].status, after[row.id].cause) == ("failed", "mail_outcome_unknown")
    assert not [r for r in smtp.received if r.recipients == [row.channel[len("mailto:"):]]
                and str(r.message["Subject"]).endswith(row.text.splitlines()[0])]
    assert all(d.status == "sent" for d in after.values() if d.id != row.id)


def test_without_a_mail_server_emails_fail_at_once_and_the_admins_are_told(
        mail_database: Database, settings_at: SettingsAt, sender: SlackSender,
        fake: FakeSlack) -> None:
    run_cycle(mail_database, settings_at(MONDAY), sender, worker="w1")  # no LSCB_SMTP_URL
    assert {(d.status, d.cause) for d in mail_rows(mail_database)} == {
        ("failed", "mail_not_set_up")}
    notices = [m["text"] for m in fake.posts(ADMIN) if "Emails that were not delivered"
               in m["text"]]
    assert len(notices) == 1 and "Email is not set up" in notices[0]
    assert not [m for m in fake.posts(ADMIN) if "Slack would not take" in m["text"]]


def test_an_email_links_each_action_to_its_page_on_the_board(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    """Slack's buttons cannot be pressed in an email: with LSCB_PUBLIC_URL set, the action
    gets a link to its page under the plan's board link, and that link opens it."""
    settings = settings_at(MONDAY, smtp_url=smtp.url, mail_from=FROM, link_secret="a key",
                           public_url="https://lscb.example.org")
    run_cycle(mail_database, settings, new_sender(settings), worker="w1")
    overdue = next(m for m in smtp.to(COMMS) if "1.10" in str(m["Subject"]))
    html = overdue.get_body(("html",))
    assert html is not None
    [url] = re.findall(r'href="(https://lscb\.example\.org/board/[\w-]{43}/action/1\.10)"',
                       html.get_content())
    keys = settings.link_keys()
    assert keys is not None
    with mail_database.committed() as session:
        scope = scope_of(session, keys, url.split("/board/")[1].split("/")[0])
    assert scope is not None and scope.owner_id is None  # the whole plan's link


def test_without_a_public_address_an_email_has_no_board_links(
        mail_database: Database, settings_at: SettingsAt, smtp: LoopbackSmtp,
        fake: FakeSlack) -> None:
    settings = mail_settings(settings_at, MONDAY, smtp)
    run_cycle(mail_database, settings, new_sender(settings), worker="w1")
    overdue = next(m for m in smtp.to(COMMS) if "1.10" in str(m["Subject"]))
    html = overdue.get_body(("html",))
    assert html is not None and "/board/" not in html.get_content()
