"""A signed request sent again is answered as the first was, and not applied twice.

Slack retries an event it thinks went unanswered (with `X-Slack-Retry-Num`), and anyone
who has seen a request can send it again, byte for byte, within the 5-minute window the
signature check allows. Both have the first one's signature, so the signature is the
request's identity: the first to claim it (in the database, so every process agrees, see
`storage.seen_requests`) is handled; any other is given the first's answer (or an empty
200, Slack's plain acknowledgement, while the first is still being answered).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any

from bot.edge import REPLAY_WINDOW_SECONDS, WSGIApp
from storage import seen_requests
from storage.database import Database

log = logging.getLogger("lscb")
KEEP = timedelta(seconds=REPLAY_WINDOW_SECONDS + 60)  # the window, and a clock skew's margin


class ReplayMemory:
    """WSGI middleware for signed POSTs (behind `SlackEdge`, which checked the signature)."""

    def __init__(self, app: WSGIApp, database: Database,
                 clock: Callable[[], float] = time.time) -> None:
        self.app, self.database, self.clock = app, database, clock

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
        if environ.get("REQUEST_METHOD") != "POST" or not signature:
            return self.app(environ, start_response)
        key = _identity(environ, signature)
        with self.database.committed() as session:
            earlier = seen_requests.claim(session, key, self._now(), KEEP)
        if earlier is not None:
            log.info("A signed request came again (retry %s): answered, not applied again",
                     str(environ.get("HTTP_X_SLACK_RETRY_NUM") or "-")[:8])
            return _as_before(earlier, start_response)
        return self._first(environ, start_response, key)

    def _first(self, environ: dict[str, Any], start_response: Callable[..., Any],
               signature: str) -> Iterable[bytes]:
        said: list[Any] = []

        def keep_status(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            said[:] = [status, headers]
            return start_response(status, headers, *rest)

        try:
            body = b"".join(self.app(environ, keep_status))
        except BaseException:
            self._forget(signature)
            raise
        code = int(str(said[0]).split()[0]) if said else 500
        with self.database.committed() as session:
            if code >= 500:  # not answered: a retry may yet apply it
                seen_requests.forget(session, signature)
            else:
                seen_requests.answered(session, signature, code, _content_type(said[1]),
                                       body.decode("utf-8", "replace"))
        return [body]

    def _forget(self, signature: str) -> None:
        with self.database.committed() as session:
            seen_requests.forget(session, signature)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)


def _identity(environ: dict[str, Any], signature: str) -> str:
    """What makes a request the same request: an event's `event_id` (Slack's retries of an
    event keep it, whatever their timestamp: docs.slack.dev/apis/events-api, "Retries"),
    else the signature of its timestamp and body."""
    stream = environ.get("wsgi.input")
    if isinstance(stream, io.BytesIO) and stream.getvalue()[:1] == b"{":  # as `SlackEdge` left it
        with contextlib.suppress(ValueError):
            body = json.loads(stream.getvalue())
            event_id = body.get("event_id") if isinstance(body, dict) else None
            if isinstance(event_id, str) and event_id:
                return f"event:{event_id}"[:100]
    return signature[:100]


def _content_type(headers: list[tuple[str, str]]) -> str:
    return next((value for name, value in headers if name.lower() == "content-type"), "")[:100]


def _as_before(earlier: seen_requests.Earlier, start_response: Callable[..., Any]
               ) -> Iterable[bytes]:
    body = earlier.answer.encode() if earlier.status is not None else b""
    headers = [("Content-Length", str(len(body)))]
    if earlier.content_type and body:
        headers.append(("Content-Type", earlier.content_type))
    status = HTTPStatus(earlier.status or 200)
    start_response(f"{status.value} {status.phrase}", headers)
    return [body]
