"""The board page and the calendar feeds over HTTP, beside bolt on the same server.

    GET /board/<token>                  the summary: themes, overdue, due soon, reporting
    GET /board/<token>/theme/<n>        one theme's actions
    GET /board/<token>/owner/<id>       one owner's actions
    GET /board/<token>/action/<ref>     one action, its history and commentary
    GET /calendar/<token>.ics           the calendar feed

Pages and feeds are kept (`bot.reply_cache`, unless LSCB_REPLY_CACHE=off) until the
plan changes (its newest audit entry) or the day turns: building the summary of a
10,000-action plan takes a few hundred milliseconds and its feed seconds, reading a kept
one about a millisecond, and a calendar client asks again every few hours whatever
changed. The token is checked on every request first, so a withdrawn link is never
answered from what was kept.

A token that is malformed, withdrawn (`lscb links --rotate`) or unknown answers a bare
404, the same for each, so nothing tells a guess from a withdrawn link. Each request
reads in its own unit of work (rolled back: nothing here writes). The pages send
`Referrer-Policy: no-referrer`, so a token in the address never leaves in a Referer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote

from bot.config import Settings
from bot.reply_cache import ReplyCache
from commands import Caller, Context
from commands import board_view as views
from commands.feeds import plan_feed
from commands.render_html import (
    Where,
    action_html,
    compile_templates,
    front_html,
    list_html,
    missing_html,
)
from storage.audit import newest_entry
from storage.database import Database
from storage.links import LinkKeys, opened_by, scope_of
from storage.models import Owner
from storage.repository import PlanRepository

log = logging.getLogger("lscb")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
BOARD = re.compile(r"/board/(?P<token>[^/]+)(?P<rest>(?:/[^/]+/[^/]+)?)/?")
CALENDAR = re.compile(r"/calendar/(?P<token>[^/]+)\.ics")
PAGE = re.compile(r"/(?P<kind>theme|owner|action)/(?P<key>[^/]+)")
READER = Caller("board-page")
HTML = "text/html; charset=utf-8"
HEADERS = [
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Robots-Tag", "noindex, nofollow"),
    ("Cache-Control", "private, no-cache"),
]
PAGE_HEADERS = [
    # no scripts at all; the one stylesheet is inline
    ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
     "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
]


def is_board_path(path: str) -> bool:
    return path.startswith(("/board/", "/calendar/"))


Answer = tuple[str, bytes, str]
KEPT_ANSWERS = 64


def board_pages(database: Database, settings: Settings) -> WSGIApp:
    """The WSGI app for the board's paths (every token answers 404 without a link key)."""
    keys = settings.link_keys()
    compile_templates()
    cache: ReplyCache[Answer] | None = (ReplyCache(KEPT_ANSWERS) if settings.reply_cache
                                        else None)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return _answer(start_response, "405 Method Not Allowed", b"GET only\n",
                           "text/plain", method, [("Allow", "GET, HEAD")])
        path = environ.get("PATH_INFO", "")
        status, body, kind = _route(database, settings, keys, path, cache)
        return _answer(start_response, status, body, kind, method,
                       PAGE_HEADERS if kind == HTML else [])

    return wsgi


def _answer(start_response: Callable[..., Any], status: str, body: bytes, kind: str,
            method: str, extra: list[tuple[str, str]]) -> Iterable[bytes]:
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body))),
                            *HEADERS, *extra])
    return [] if method == "HEAD" else [body]


NOT_FOUND: Answer = ("404 Not Found", b"Not found\n", "text/plain; charset=utf-8")


def _route(database: Database, settings: Settings, keys: LinkKeys | None, path: str,
           cache: ReplyCache[Answer] | None) -> Answer:
    match = BOARD.fullmatch(path) or CALENDAR.fullmatch(path)
    if keys is None or match is None:
        return NOT_FOUND
    with database.unit_of_work() as session:
        scope = scope_of(session, keys, match["token"])
        opened = opened_by(session, scope) if scope else None
        if opened is None:
            return NOT_FOUND
        plan, owner = opened
        ctx = Context(PlanRepository(session, plan), settings.now(), READER, settings.timezone,
                      None, keys)

        def build() -> Answer:
            return _answer_for(ctx, owner, keys, match)

        if cache is None:
            return build()
        return cache.answer((path, newest_entry(session, plan.id), ctx.today), build)


def _answer_for(ctx: Context, owner: Owner | None, keys: LinkKeys,
                match: re.Match[str]) -> Answer:
    token = match["token"]
    if match.re is CALENDAR:
        links_to = keys.board_url(token) if keys.public_url else ""  # no address, no URLs
        return "200 OK", plan_feed(ctx, owner, links_to), "text/calendar; charset=utf-8"
    where = Where(f"/board/{token}", f"/calendar/{token}.ics", ctx.repo.plan.title, ctx.today,
                  owner.name if owner else None, ctx.tz)
    try:
        return "200 OK", _page(ctx, owner, where, match["rest"]).encode(), HTML
    except views.OutOfScope:
        return "404 Not Found", missing_html(where).encode(), HTML


def _page(ctx: Context, owner: Owner | None, where: Where, rest: str) -> str:
    if not rest:
        return front_html(views.front(ctx, owner), where)
    page = PAGE.fullmatch(rest)
    if page is None:
        raise views.OutOfScope(rest[:40])
    kind, key = page["kind"], unquote(page["key"])
    if kind == "action":
        return action_html(views.action(ctx, owner, key), where)
    if not key.isdigit() or len(key) > 9:
        raise views.OutOfScope(rest[:40])
    if kind == "theme":
        return list_html(views.theme(ctx, owner, int(key)), where)
    return list_html(views.owner(ctx, owner, int(key)), where)
