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
