"""LSCB_COMMAND: the slash command as a partnership installs it, in every surface's words."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.config import Settings, SettingsError
from bot.console import run_console
from commands.nudges import nudges_between
from storage.database import Database
from storage.repository import PlanRepository

LONDON = Settings().timezone


def test_the_command_comes_from_the_environment_and_must_be_one_slack_accepts() -> None:
    assert Settings.from_env({}).command == "/lscb"
    assert Settings.from_env({"LSCB_COMMAND": " /scp "}).command == "/scp"
    for wrong in ("scp", "/SCP", "/s cp", "/" + "a" * 32):
        with pytest.raises(SettingsError, match="LSCB_COMMAND"):
            Settings.from_env({"LSCB_COMMAND": wrong})


def test_the_console_takes_and_says_the_configured_command(sample_database: Database) -> None:
    said: list[str] = []
    settings = Settings(today=date(2014, 10, 15), command="/scp")
    run_console(sample_database, settings, ["/scp overdeu", "/lscb help", "help"], said.append)
    assert "/scp overdue" in said[0] and "/lscb" not in said[0]
    assert "Did you mean `/scp overdue`?" in said[1]
    assert said[2] == said[3] and "/scp: the business plan in Slack" in said[2]
    assert "/lscb" not in "\n".join(said)


def test_nudges_say_the_configured_command(sample_database: Database) -> None:
    with sample_database.committed() as session:
        nudges = nudges_between(PlanRepository.for_team(session),
                                datetime.combine(date(2014, 9, 1), time.min, tzinfo=LONDON),
                                datetime.combine(date(2014, 10, 31), time.max, tzinfo=LONDON),
                                LONDON, "/scp")
        texts = [str(n.blocks) for n in nudges]
    assert len(texts) > 10 and any("`/scp done " in t for t in texts)
    assert not [t for t in texts if "/lscb" in t]
