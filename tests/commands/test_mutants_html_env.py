"""How the board's templates are compiled, where a page could not show it: a value a
template names but is not given fails the page instead of printing nothing, and every
value is escaped. Written against mutants mutmut left alive in commands/render_html.py's
environment (issue 11); the board pages themselves are in the transcripts."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from jinja2 import UndefinedError

from commands.render_html import ENV

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
