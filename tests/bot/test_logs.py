"""Logs a platform can keep: one line per event, LSCB_LOG_LEVEL, LSCB_LOG_FORMAT=json
parsed back, and no personal text even at DEBUG."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings, SettingsError
from bot.cycle import run_cycle
from bot.delivery import SlackSender
from bot.logs import configure_logging
from bot.slack_client import make_client
from storage.database import Database
from tests.fakeslack import Fault, signed_slash_command, slack_text
from tests.slackapp import ADMIN, SIGNING_SECRET, running_app

NOTE = "Sam Jones said the S&C returns were late"  # what people type: never in a log


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "json", stream)
    yield stream
    logging.getLogger().removeHandler(handler)
    configure_logging()  # back to the default level for the tests after this one
    logging.getLogger().removeHandler(logging.getLogger().handlers[-1])


def events(stream: io.StringIO) -> list[dict[str, str]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_json_logs_are_one_object_a_line_tracebacks_included(captured: io.StringIO) -> None:
    log = logging.getLogger("lscb.test")
    log.info("Serving Slack at %s", "http://0.0.0.0:3000/slack/events")
    try:
        raise RuntimeError("the database went away")
    except RuntimeError:
        log.exception("A nudge cycle failed")
    first, second = events(captured)
    assert {k: first[k] for k in ("level", "logger", "message")} == {
        "level": "INFO", "logger": "lscb.test",
        "message": "Serving Slack at http://0.0.0.0:3000/slack/events"}
    assert first["time"].endswith("+00:00")
    assert second["level"] == "ERROR" and "RuntimeError: the database went away" in second[
        "exception"] and "Traceback" in second["exception"]


def test_text_logs_keep_a_traceback_on_its_line() -> None:
    stream = io.StringIO()
    handler = configure_logging("WARNING", "text", stream)
    try:
        log = logging.getLogger("lscb.test")
        log.info("not at WARNING")
        try:
            raise ValueError("bad\nvalue")
        except ValueError:
            log.exception("Failed")
    finally:
        logging.getLogger().removeHandler(handler)
    (only,) = stream.getvalue().splitlines()
    assert " ERROR lscb.test Failed | Traceback" in only and "ValueError: bad \\n value" in only


def test_the_libraries_that_log_bodies_stay_at_info(captured: io.StringIO) -> None:
    assert logging.getLogger().level == logging.DEBUG
    assert logging.getLogger("slack_sdk.web.base_client").getEffectiveLevel() == logging.INFO
    assert logging.getLogger("slack_bolt.App").getEffectiveLevel() == logging.INFO


@pytest.mark.parametrize(("env", "problem"), [
    ({"LSCB_LOG_LEVEL": "chatty"}, "LSCB_LOG_LEVEL='chatty' should be one of DEBUG"),
    ({"LSCB_LOG_FORMAT": "xml"}, "LSCB_LOG_FORMAT='xml' should be one of text, json"),
])
def test_a_bad_log_setting_is_named(env: dict[str, str], problem: str) -> None:
    with pytest.raises(SettingsError, match=problem):
        Settings.from_env(env)


def test_log_settings_are_read() -> None:
    settings = Settings.from_env({"LSCB_LOG_LEVEL": "debug", "LSCB_LOG_FORMAT": "JSON"})
    assert (settings.log_level, settings.log_format) == ("DEBUG", "json")
    assert (Settings.from_env({}).log_level, Settings.from_env({}).log_format) == ("", "text")


def test_lscb_logs_json_to_standard_error_when_told(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    monkeypatch.setenv("LSCB_LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("LSCB_LOG_FORMAT", "json")
    try:
        assert main(["db", "upgrade"]) == 0
    finally:
        configure_logging()
    lines = capsys.readouterr().err.splitlines()
    logged = [json.loads(line) for line in lines]
    assert any(e["logger"].startswith("alembic") and "0001" in e["message"] for e in logged)


def test_no_personal_text_reaches_the_log_even_at_debug(sample_database: Database,
                                                       captured: io.StringIO) -> None:
    with running_app(sample_database, date(2014, 10, 1)) as app:
        app.fake.add_channel("CCASE", "case-review")
        note = slack_text(NOTE)  # as Slack sends it: S&amp;C
        for text in ("link <@U1> case review", "channel <#CCASE> case review",
                     f"update 1.1 at-risk {note}", f"challenge 1.1 {note}",
                     f"risk add likelihood=4 impact=3 owner=pmqa {note}",
                     "update 1.1 on-track NHS 943 476 5919 is the child",  # refused
                     f"move 1.1 March 2015 {note}"):
            status, _ = signed_slash_command(app.url, SIGNING_SECRET, text=text, user_id=ADMIN)
            assert status == 200
        app.fake.inject("chat.postMessage", Fault.lost_reply(), Fault.error("is_archived"))
        settings = replace(app.settings, today=date(2014, 10, 1))
        run_cycle(sample_database, settings, SlackSender(
            make_client(settings, retry_connections=False), min_interval=0))
    logged = captured.getvalue()
    assert events(captured), "nothing was logged at all"
    assert "Sam Jones" not in logged and "S&" not in logged and "943 476" not in logged
    assert "Could not deliver" in logged or "Lost the reply" in logged
