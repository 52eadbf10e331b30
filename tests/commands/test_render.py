"""Each surface renders a page its own way, escaping typed text exactly once."""

from __future__ import annotations

from commands.page import (
    Bold,
    Button,
    ChannelRef,
    Code,
    Command,
    LeftOut,
    Link,
    Mention,
    Page,
    line,
)
from commands.render_blocks import MAX_BLOCK_TEXT, after_click, clip, mrkdwn, to_reply
from commands.render_text import to_text


def test_typed_text_is_escaped_once_for_slack() -> None:
    assert mrkdwn(line("S&C <b> ", Bold("L&I"))) == "S&amp;C &lt;b&gt; *L&amp;I*"
    assert mrkdwn(line("&amp;")) == "&amp;amp;"  # someone typed "&amp;": shown as typed


def test_only_real_ids_become_mentions_and_only_web_addresses_links() -> None:
    assert mrkdwn(line(Mention("U0123ABCD"), ChannelRef("C0PMQA"))) == "<@U0123ABCD><#C0PMQA>"
    assert mrkdwn(line(Mention("lscb"))) == "@lscb"
    assert mrkdwn(line(Mention("U1>|<!channel"))) == "@U1&gt;|&lt;!channel"
    assert mrkdwn(line(Link("https://example.org/a", "the <doc>"))) == (
        "<https://example.org/a|the &lt;doc&gt;>")
    assert mrkdwn(line(Link("javascript:alert(1)", "x"))) == "x (javascript:alert(1))"
    assert mrkdwn(line(Link("https://evil.example|<!channel>", "x"))).count("<") == 0


def test_commands_are_shown_as_the_workspace_types_them() -> None:
    assert mrkdwn(line(Command("overdue pmqa"))) == "`/lscb overdue pmqa`"
    assert mrkdwn(line(Command("overdue")), command="/scp") == "`/scp overdue`"
    assert mrkdwn(line(Code("a`b"))) == "`a'b`"


def test_a_message_never_carries_more_block_text_than_slack_takes() -> None:
    page = Page().heading("Long")
    for n in range(40):
        page.paragraph("x" * 2900).lines([line(f"item {n}.{i} " + "&" * 50) for i in range(30)])
    reply = to_reply(page)
    text = sum(len(b["text"]["text"]) for b in reply.blocks if b["type"] == "section")
    assert text <= MAX_BLOCK_TEXT and len(reply.blocks) <= 50
    assert reply.blocks[-1]["type"] == "context"
    assert "more not shown" in reply.blocks[-1]["elements"][0]["text"]


def test_the_console_wraps_at_80_columns_without_breaking_words() -> None:
    long_word = "https://example.org/" + "a" * 90
    text = to_text(Page().heading("Title").paragraph("word " * 40, long_word)
                   .lines([line(Bold("2.3"), " " + "detail " * 20)]))
    lines = text.splitlines()
    assert all(len(x) <= 80 for x in lines if long_word not in x)
    assert long_word in text  # never broken, even when it is longer than a line
    assert lines[0] == "Title" and lines[1] == "=====" and "2.3 detail" in text
    assert all(not x.endswith("wor") for x in lines)


def test_the_console_lays_out_every_kind_of_block_exactly() -> None:
    page = (Page().note("Who this is for: the Case Review Subgroup and its chair")
            .heading("Overdue actions")
            .paragraph("First line\n\n  an indented line, multi-agency and more\n")
            .paragraph("")
            .divider()
            .lines([line(Bold("2.3"), " Audit the multi-agency referral forms by March")])
            .buttons("b", Button("Done", "done", "2.3"), Button("Snooze", "snooze", "2.3")))
    page.blocks.append(LeftOut(4))
    assert to_text(page, width=30).split("\n") == [
        "  Who this is for: the Case",
        "  Review Subgroup and its",
        "  chair",
        "",
        "Overdue actions",
        "===============",
        "First line",
        "",
        "  an indented line,",
        "  multi-agency and more",
        "",
        "-" * 30,
        "2.3 Audit the multi-agency",
        "    referral forms by March",
        "  [ Done ] [ Snooze ]",
        "… and 4 more not shown.",
    ]
    assert to_text(Page().paragraph("Xmas").divider().note("for the chair")) == (
        "Xmas\n" + "-" * 40 + "\n  for the chair")


def test_the_console_shows_every_line_a_slack_message_would_cut() -> None:
    page = Page().lines([line(f"line {i}") for i in range(3000)])
    assert to_text(page).count("line ") == 3000


def test_a_clicked_message_loses_its_buttons_and_says_who_did_what() -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "Due"}},
              {"type": "actions", "elements": []}]
    after = after_click(blocks, line(Mention("U1"), " marked ", Bold("2.3 & co"), " complete."))
    assert [b["type"] for b in after] == ["section", "context"]
    assert after[-1]["elements"][0]["text"] == "<@U1> marked *2.3 &amp; co* complete."


def test_clip_cuts_only_past_the_limit_and_never_inside_an_escape() -> None:
    assert clip("x" * 10, 10) == "x" * 10
    assert clip("x" * 11, 10) == "x" * 9 + "…"
    assert clip("xxx&abcdefgh", 10) == "xxx&abcde…"  # a lone & six back is not an escape
    assert clip("xxxxx&amp;y", 10) == "xxxxx…"  # cut inside &amp;: it goes whole
    assert clip("xxxxxxx&amp;zz", 13) == "xxxxxxx&amp;…"  # a whole escape stays
