"""The board page as HTML: Jinja2 templates (commands/templates/) over the board's views.

Why Jinja2: the page is a few server-rendered templates beside bolt's WSGI adapter, so
what is needed is templating, not a web framework (routing is five paths, in
`bot.board_web`). Jinja2 is the templating library the Python web world keeps (Flask's,
Pallets-maintained, typed, no dependencies but MarkupSafe), and with autoescaping on
everything a person typed is escaped exactly once, at output, as `commands.page` asks
of every surface. Templates are compiled once per process and cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from commands.board_view import ActionList, ActionView, Front
from commands.detail import Change
from commands.page import plain
from commands.pages.detail import VERBS, describe
from commands.text import day, overdue_by, shorten, when
from storage.models import STATUSES

STATUS_WORDS = {"not-started": "not started", "on-track": "on track", "at-risk": "at risk",
                "off-track": "off track", "complete": "complete"}
#: The RAG columns, worst first.
RAG_ORDER = ("off-track", "at-risk", "on-track", "not-started", "complete")
assert set(RAG_ORDER) == set(STATUSES)


def _local_day(at: datetime, tz: ZoneInfo) -> str:
    return day(at.astimezone(tz).date())


def _rag(status: str) -> Markup:
    return Markup('<span class="rag rag-{0}">{1}</span>').format(
        status, STATUS_WORDS.get(status, status))


def _time_tag(d: date) -> Markup:
    return Markup('<time datetime="{0}">{1}</time>').format(d.isoformat(), day(d))


def _action_link(ref: str, base: str) -> Markup:
    return Markup('<a href="{0}/action/{1}">{2}</a>').format(base, quote(ref, safe=""), ref)


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("commands", "templates"),
                      autoescape=select_autoescape(["html"], default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      auto_reload=False)
    env.filters.update(
        day=day, overdue_by=overdue_by, shorten=shorten, when=when, local_day=_local_day,
        status_word=lambda s: STATUS_WORDS.get(s, s),
        verb=lambda c: VERBS.get(c.verb, c.verb), change_detail=_change_detail, rag=_rag,
        time_tag=_time_tag, action_link=_action_link)
    return env


def _change_detail(change: Change) -> str:
    return plain(describe(change))


ENV = _environment()
TEMPLATES = ("front.html", "list.html", "action.html", "missing.html")


def compile_templates() -> None:
    """Compile every template now, so no reader waits for it."""
    for name in TEMPLATES:
        ENV.get_template(name)


@dataclass(frozen=True)
class Where:
    """What every page links to and says about itself: the link's own paths (relative to
    the server, so a page works behind any host name), the plan, the day, the scope."""

    base: str
    calendar: str
    plan_title: str
    today: date
    scope: str | None
    tz: ZoneInfo


def _render(template: str, where: Where, **values: Any) -> str:
    return ENV.get_template(template).render(
        base=where.base, calendar=where.calendar, plan_title=where.plan_title,
        today=where.today, scope=where.scope, tz=where.tz, **values)


def front_html(view: Front, where: Where) -> str:
    return _render("front.html", where, view=view, statuses=RAG_ORDER)


def list_html(view: ActionList, where: Where) -> str:
    return _render("list.html", where, view=view)


def action_html(view: ActionView, where: Where) -> str:
    return _render("action.html", where, view=view)


def missing_html(where: Where) -> str:
    return _render("missing.html", where)
