"""Logs a platform can keep: one line per event (a traceback stays inside its line), at
LSCB_LOG_LEVEL, as text or, with LSCB_LOG_FORMAT=json, one JSON object a line for a log
collector.

No personal text: the bot's own messages name actions, channels, ledger keys and Slack's
error codes, never a note, commentary, challenge or risk someone typed. The libraries that
would (slack_sdk and bolt log whole request bodies at DEBUG) are held at INFO whatever
LSCB_LOG_LEVEL says.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

CHATTY = ("slack_sdk", "slack_bolt", "urllib3", "waitress", "apscheduler", "alembic")
"""Libraries never logged below INFO: at DEBUG they write request bodies, message text
included."""


def _stamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class OneLineFormatter(logging.Formatter):
    """`time LEVEL logger message`, with any traceback folded into the same line."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{_stamp(record)} {record.levelname} {record.name} {record.getMessage()}"
        if record.exc_info:
            text += " | " + self.formatException(record.exc_info)
        return text.replace("\r", "").replace("\n", " \\n ")


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message"[, "exception"]}`, one object a line."""

    def format(self, record: logging.LogRecord) -> str:
        event = {"time": _stamp(record), "level": record.levelname, "logger": record.name,
                 "message": record.getMessage()}
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return json.dumps(event, ensure_ascii=False)


class _StandardError:
    """Standard error as it is when a line is written (a test may have replaced it)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(level: str = "WARNING", fmt: str = "text",
                      stream: TextIO | None = None) -> logging.Handler:
    """Send every log record to `stream` (standard error) in `fmt`, at `level`; replaces
    what an earlier call installed, and leaves other handlers (a test's capture) alone."""
    handler: logging.StreamHandler[Any] = logging.StreamHandler(stream or _StandardError())
    handler.setFormatter(JsonFormatter() if fmt == "json" else OneLineFormatter())
    handler.set_name("lscb")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "lscb"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    floor = max(logging.getLevelName(level), logging.INFO)
    for name in CHATTY:
        logging.getLogger(name).setLevel(floor)
    return handler
