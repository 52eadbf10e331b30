"""Emailing ledger rows to a real SMTP server on loopback (aiosmtpd, tests/smtpserver.py).

Prints the time per email through `bot.mail.MailSender` (one connection per email: EHLO,
MAIL, RCPT, DATA, QUIT; the message built from a nudge's page, text and HTML) and how
many the server received. Nothing leaves this machine.

Run: `.venv/bin/python bench/bench_mail.py [COUNT]`
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/...`: make bot/ and tests/ importable
    sys.path.insert(0, str(ROOT))

from bot.delivery import Batch  # noqa: E402
from bot.mail import MailSender  # noqa: E402
from bot.smtp import SmtpServer  # noqa: E402
from commands.mail_message import email_message  # noqa: E402
from commands.page import Page  # noqa: E402
from storage.models import Delivery  # noqa: E402
from tests.smtpserver import LoopbackSmtp  # noqa: E402


class Unpaced:
    """Email is not paced (Slack's per-channel rate is Slack's)."""

    def wait_turn(self, channel: str) -> None: ...

    def answered(self, channel: str) -> None: ...


def rows(count: int) -> list[Delivery]:
    page = Page().heading("🔴 Action 1.1 is overdue").paragraph("It was due 31 May 2014.")
    text, blocks = email_message(page)
    return [Delivery(id=i, plan_id=1, nudge_key=f"overdue:{i}", occurrence=date(2014, 6, 2),
                     channel="mailto:owner@example.org", text=text, blocks=json.dumps(blocks),
                     send_at=datetime(2014, 6, 2, 8, tzinfo=UTC), cause="")
            for i in range(count)]


def main(count: int) -> None:
    server = LoopbackSmtp().start()
    try:
        sender = MailSender(SmtpServer.from_url(server.url), "lscb-bot@example.org", timeout=5)
        batch = Batch(Unpaced())
        started = time.perf_counter()
        for row in rows(count):
            sender.deliver(row, batch)
        elapsed = time.perf_counter() - started
    finally:
        server.stop()
    print(f"{count} emails in {elapsed:.2f} s: {elapsed / count * 1000:.1f} ms each; "
          f"the server received {len(server.received)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
