"""HTTP serving: bolt's WSGI adapter behind waitress, plus a health check.

Requests to /slack/events pass `bot.edge` (size, signature, shape) and `bot.replays`
(a request sent again is answered, not applied twice) before bolt sees them;
`bot.server` holds waitress's limits and why they are what they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context

from bot.board_web import is_board_path
from bot.edge import SlackEdge
from bot.heartbeat import HealthCheck
from bot.replays import ReplayMemory
from bot.server import GuardedServer, ServerLimits, guarded_server
from storage.database import Database

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
LIMITS = ServerLimits()


def make_wsgi(app: App, database: Database, signing_secret: str,
              max_body: int = LIMITS.body_bytes, health: HealthCheck | None = None,
              pages: WSGIApp | None = None) -> WSGIApp:
    """Slack at POST /slack/events (a replayed request answered, not applied again); GET
    /healthz reports the database and the scheduler's heartbeat (`bot.heartbeat.HealthCheck`);
    the board page and calendar feeds (`bot.board_web`) at /board/… and /calendar/…."""
    slack = SlackEdge(ReplayMemory(FormSafeHandler(app), database), signing_secret, max_body)
    health = health or HealthCheck(database)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or ""
        if path == "/healthz":
            return health(start_response)
        if pages is not None and is_board_path(path):
            return pages(environ, start_response)
        return slack(environ, start_response)

    return wsgi


class FormSafeHandler(SlackRequestHandler):
    """bolt's WSGI handler, except that a form whose text merely contains the word
    "payload" is read as the form it is. bolt's `parse_body` takes any form body holding
    that word for an interactivity payload and, finding no `payload` field, reads it as
    empty, so `/lscb challenge 2.3 the payload is late` was answered 404."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        raw = request.get_body()
        bolt_request = BoltRequest(body=raw, query=request.query_string,
                                   headers=request.get_headers(), context=self._context())
        if not bolt_request.body and raw and not raw.lstrip().startswith("{"):
            form = dict(parse_qsl(raw, keep_blank_values=True))
            if "payload" not in form:
                bolt_request.body = form
                bolt_request.context = build_context(BoltContext(self._context()), form)
        return self.app.dispatch(bolt_request)

    def _context(self) -> dict[str, Any]:
        """The context bolt builds the request's on. It must hold the logger already: a
        view_submission with two `response_urls` (two conversation selects asking for one,
        https://api.slack.com/surfaces/modals#response_urls) makes bolt's build_context log
        a debug line before bolt has set one, and it raised KeyError 'logger' (a 500)."""
        return {"logger": self.app.logger}


def make_server(wsgi: WSGIApp, host: str, port: int, threads: int | None = None,
                limits: ServerLimits = LIMITS) -> GuardedServer:
    """A waitress server within `limits`; `.effective_port` is the port it bound, `.run()`
    serves."""
    if threads is not None:
        limits = replace(limits, threads=threads)
    return guarded_server(wsgi, host, port, limits)
