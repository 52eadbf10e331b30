"""Run one `lscb` command, or the serve path and a nudge cycle, under a chosen collector.

`python -m tests.stress.gc_stress THRESHOLDS cli ARGS...` runs `lscb ARGS...` with
`gc.set_threshold(*THRESHOLDS)` ("default" leaves the collector alone);
`python -m tests.stress.gc_stress THRESHOLDS serve-and-cycle` answers signed slash
commands through the real app and runs a nudge cycle against the fake Slack.

Each runs in a child process of its own (see `test_gc_stress.py`), so that a
segmentation fault fails a test instead of killing pytest. Memory corruption in a
compiled extension shows only when the collector happens to walk a damaged object:
with SQLAlchemy 2.1.9 on CPython 3.11 a fresh `lscb plan import` of the re-themed
CSV crashed every time under the default thresholds, and (1, 1, 1) hid it; so the
tests use both.
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import UTC, date, datetime

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
COMMANDS = ("overdue", "my-actions", "action 6.1", "owner pmqa", "report", "schedule",
            "update 2.3 at-risk waiting for two returns", "done 1.1")


def serve_and_cycle() -> int:
    from bot.config import Settings
    from bot.cycle import run_cycle
    from bot.delivery import SlackSender
    from bot.slack_client import make_client
    from storage.database import Database
    from storage.repository import PlanRepository
    from tests.fakeslack import FakeSlack, signed_slash_command
    from tests.slackapp import ADMIN, SIGNING_SECRET, app_settings, serving

    database = Database(os.environ["DATABASE_URL"])
    with FakeSlack() as fake:
        with serving(database, app_settings(database, fake, date(2014, 10, 15))) as url:
            for text in COMMANDS:
                status, body = signed_slash_command(url, SIGNING_SECRET, text=text,
                                                    user_id=ADMIN, timeout=60)
                assert status == 200 and isinstance(body, dict), (text, status, body)
        with database.committed() as session:
            repo = PlanRepository.for_team(session)
            repo.link_channel("CPMQA", repo.resolve_owner("pmqa"), "stress", NOW)
        settings = Settings(database_url=database.url, bot_token="xoxb-test",
                            slack_api_url=fake.base_url, admins=frozenset({ADMIN}),
                            today=date(2014, 10, 1))
        client = make_client(settings, retry_connections=False)
        run_cycle(database, settings, SlackSender(client, min_interval=0, backoff=0))
        assert fake.calls("chat.postMessage"), "the cycle posted nothing"
    database.dispose()
    return 0


def main(argv: list[str]) -> int:
    thresholds, what, *rest = argv
    if thresholds != "default":
        gc.set_threshold(*(int(n) for n in thresholds.split(",")))
    if what == "cli":
        from bot import cli

        return cli.main(rest)
    return serve_and_cycle()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
