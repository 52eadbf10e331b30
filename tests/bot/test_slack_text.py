"""Slack's escaped slash-command text is turned back into what the person typed, once."""

from __future__ import annotations

import pytest

from bot.slack_text import typed, unescape
from commands.page import ChannelRef, Link, Mention


@pytest.mark.parametrize(("sent", "meant"), [
    ("S&amp;C", "S&C"),
    ("L&amp;I", "L&I"),
    ("a &lt;b&gt; c", "a <b> c"),
    ("&amp;lt; stays", "&lt; stays"),  # someone typed "&lt;": Slack sent "&amp;lt;"
    ("no escapes at all", "no escapes at all"),
])
def test_entities_are_unescaped_once(sent: str, meant: str) -> None:
    assert typed(sent) == (meant,)
    assert unescape(sent) == meant


def test_mentions_channels_and_links_become_values() -> None:
    # https://api.slack.com/reference/surfaces/formatting#escaping
    assert typed("link <@U0123ABCD|sam> pmqa") == ("link ", Mention("U0123ABCD", "sam"), " pmqa")
    assert typed("channel <#C0PMQA|pmqa-group> pmqa") == (
        "channel ", ChannelRef("C0PMQA", "pmqa-group"), " pmqa")
    assert typed("see <https://example.org/a?b=1&amp;c=2|the &amp; doc>") == (
        "see ", Link("https://example.org/a?b=1&c=2", "the & doc"))
    assert typed("<mailto:sam@example.org|sam@example.org>") == (
        Link("mailto:sam@example.org", "sam@example.org"),)


@pytest.mark.parametrize(("sent", "meant"), [
    ("<!channel> now", "@channel now"), ("<!here>", "@here"), ("<!everyone>", "@everyone"),
    ("<!subteam^S123|@leads> please", "@leads please"),
    ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"),
])
def test_special_mentions_become_plain_text_that_cannot_ping(sent: str, meant: str) -> None:
    assert typed(sent) == (meant,)
