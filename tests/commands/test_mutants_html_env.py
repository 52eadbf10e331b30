"""How the board's templates are compiled, where a page could not show it: a value a
template names but is not given fails the page instead of printing nothing, and every
value is escaped. Written against mutants mutmut left alive in commands/render_html.py's
environment (issue 11); the board pages themselves are in the transcripts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from jinja2 import UndefinedError

from commands import board_view as views
from commands.progress import update_status
from commands.render_html import ENV, Where, action_html
from storage.database import Database
from tests.commands.conftest import committed, context

TODAY, LONDON = date(2014, 10, 15), ZoneInfo("Europe/London")


def test_a_value_a_template_names_but_is_not_given_fails_the_page() -> None:
    with pytest.raises(UndefinedError, match="'base' is undefined"):
        ENV.get_template("missing.html").render(scope=None, plan_title="Plan",
                                                calendar="/c", today=TODAY, tz=LONDON)


def test_a_pages_values_are_escaped() -> None:
    page = ENV.get_template("missing.html").render(
        scope=None, plan_title="Plan", calendar="/c", today=TODAY, tz=LONDON,
        base='"><script>alert(1)</script>')
    assert '&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;' in page
    assert "<script>alert(1)" not in page


def test_an_action_link_keeps_a_reference_with_a_slash_in_one_path_segment() -> None:
    """A plan may number an action "P1/2"; its page is /action/P1%2F2, not /action/P1/2."""
    link = ENV.filters["action_link"]("P1/2 & <b>", "/board/tok")
    assert str(link) == ('<a href="/board/tok/action/P1%2F2%20%26%20%3Cb%3E">'
                         'P1/2 &amp; &lt;b&gt;</a>')


def test_an_actions_page_dates_its_updates_on_the_plans_day_not_the_servers(
        sample_database: Database) -> None:
    """At 15:00 UTC on 30 September it is still the 30th in London and on a UTC server,
    and already 1 October in Sydney: a Sydney plan's page says 1 Oct."""
    sydney = ZoneInfo("Australia/Sydney")
    committed(sample_database, lambda c: update_status(c, "2.5", "at-risk", "survey late"),
              now=datetime(2014, 9, 30, 15, 0, tzinfo=UTC))
    with sample_database.unit_of_work() as session:
        ctx = replace(context(session, datetime(2014, 10, 15, 1, 0, tzinfo=UTC)), tz=sydney)
        page = action_html(views.action(ctx, None, "2.5"),
                           Where("/board/t", "/calendar/t.ics", "Plan", ctx.today, None, sydney))
    [row] = re.findall(r'<tr><th scope="row">([^<]*)</th>\s*<td>not started → at risk', page)
    assert row == "1 Oct 2014"
