"""HTTP serving: bolt's WSGI adapter behind waitress, plus a health check."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress.server import create_server

from storage.database import Database

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def make_wsgi(app: App, database: Database) -> WSGIApp:
    """Slack at POST /slack/events; GET /healthz answers 200 while the database does."""
    slack = SlackRequestHandler(app)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            return _health(database, start_response)
        return slack(environ, start_response)

    return wsgi


def _health(database: Database, start_response: Callable[..., Any]) -> Iterable[bytes]:
    if not database.is_reachable():
        start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
        return [b"database unavailable\n"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\n"]


def make_server(wsgi: WSGIApp, host: str, port: int, threads: int = 8) -> Any:
    """A waitress server; `.effective_port` is the port it bound, `.run()` serves."""
    return create_server(wsgi, host=host, port=port, threads=threads, ident="lscb-bot")
