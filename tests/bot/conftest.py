"""What the bot's own tests share: `lscb ARGS…` run as a business manager would."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot import delivery
from bot.cli import main
from bot.config import Settings
from bot.delivery import SlackSender

Run = tuple[int, str, str]
Lscb = Callable[..., Run]


@pytest.fixture
def lscb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Lscb]:
    """`lscb ARGS…` in an empty folder (so on a fresh default SQLite file there), no Slack
    credentials, 15 Oct 2014."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "LSCB_ADMINS",
                 "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LSCB_TODAY", "2014-10-15")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(delivery, "make_sender", unpaced(delivery.make_sender))

    def run(*args: str, stdin: str = "") -> Run:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def unpaced(make_sender: Callable[[Settings], SlackSender]) -> Callable[[Settings], SlackSender]:
    """The bot's own sender, without Slack's second between two posts to a channel: a cycle
    here posts several to one channel at once. (The pacing has tests of its own, with a
    clock of their own, in tests/scheduler/test_cycles.py.)"""
    return lambda settings: dataclasses.replace(make_sender(settings), min_interval=0)
