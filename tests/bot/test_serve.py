"""`lscb serve` as a platform runs it: a process, $PORT, health checks, signed commands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.fakeslack import FakeSlack, signed_slash_command

ROOT = Path(__file__).resolve().parents[2]
SECRET = "serve-secret"


def serve_env(tmp_path: Path, fake: FakeSlack) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'lscb.sqlite3'}",
            "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.base_url, "PORT": "0", "LSCB_SCHEDULER": "off",
            "LSCB_TODAY": "2014-10-15", "LSCB_ADMINS": "UADMIN",
            "LSCB_PUBLIC_URL": "https://lscb.example.org", "LSCB_LINK_SECRET": "link-key"}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, FakeSlack]]:
    with FakeSlack() as fake:
        env = serve_env(tmp_path, fake)
        subprocess.run([sys.executable, "-m", "bot.cli", "plan", "import", "--sample"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        server = subprocess.Popen([sys.executable, "-m", "bot.cli"], cwd=ROOT, env=env,
                                  stderr=subprocess.PIPE, text=True)
        try:
            assert server.stderr is not None
            for line in server.stderr:
                if found := re.search(r"Serving Slack at http://0\.0\.0\.0:(\d+)/", line):
                    yield f"http://127.0.0.1:{found[1]}", fake
                    break
            else:
                pytest.fail("lscb serve exited before serving")
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_with_credentials_lscb_serves_slack_over_http(served: tuple[str, FakeSlack]) -> None:
    base, fake = served
    with urlopen(f"{base}/healthz", timeout=5) as health:
        assert (health.status, json.loads(health.read())["database"]) == (200, "ok")
    status, body = signed_slash_command(f"{base}/slack/events", SECRET, text="overdue chair")
    assert status == 200 and isinstance(body, dict)
    assert body["text"].startswith("Overdue for Chair on 15 Oct 2014: 6 items")
    status, _ = signed_slash_command(f"{base}/slack/events", SECRET, text="overdue",
                                     secret_override="forged")
    assert status == 401
    assert fake.calls("auth.test"), "bolt checks its token against SLACK_API_URL"


def test_lscb_serve_serves_the_links_lscb_links_prints(served: tuple[str, FakeSlack],
                                                        tmp_path: Path) -> None:
    base, fake = served
    links = subprocess.run([sys.executable, "-m", "bot.cli", "links", "--owner", "chair"],
                           cwd=ROOT, env=serve_env(tmp_path, fake), check=True,
                           capture_output=True, text=True).stdout
    board = re.search(r"https://lscb\.example\.org(/board/[\w-]{43})", links)
    feed = re.search(r"https://lscb\.example\.org(/calendar/[\w-]{43}\.ics)", links)
    assert board and feed
    with urlopen(base + board[1], timeout=5) as page:
        assert page.status == 200 and b"The part of the plan for <strong>Chair" in page.read()
    with urlopen(base + feed[1], timeout=5) as calendar:
        assert calendar.read().startswith(b"BEGIN:VCALENDAR")
