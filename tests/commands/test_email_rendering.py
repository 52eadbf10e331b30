"""A page as an email: escaped HTML, plain text, Slack's buttons as links to the board."""

from __future__ import annotations

from commands.buttons import action_buttons, pick_button
from commands.mail_message import email_message, email_parts, subject_of
from commands.page import Bold, ChannelRef, Command, Link, Mention, Page, line
from commands.render_email import to_html


def test_what_people_typed_never_becomes_markup() -> None:
    page = Page().heading("<b>Due</b> & soon").paragraph(
        Bold("<script>alert(1)</script>"), " a\nb ", Link("javascript:alert(1)", "click"),
        " ", Link("https://example.org/?a=1&b=2", "plan"), " ", Mention("U1", "sam"),
        " ", ChannelRef("C1", "general"), " ", Command("overdue"))
    html = to_html(page)
    assert "<h2>&lt;b&gt;Due&lt;/b&gt; &amp; soon</h2>" in html
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>" in html
    assert "a<br>\nb" in html
    assert "javascript:" not in html.replace("click (javascript:alert(1))", "")
    assert '<a href="https://example.org/?a=1&amp;b=2">plan</a>' in html
    assert "@sam" in html and "#general" in html and "<code>/lscb overdue</code>" in html


def test_buttons_become_board_links_when_there_is_a_board_else_nothing() -> None:
    page = Page().heading("🔴 Action 1.10 is overdue").paragraph("It was due.")
    page.blocks += [action_buttons("1.10"), pick_button(["1.10", "2.3"])]
    text, blocks = email_message(page)
    parts = email_parts(text, blocks)
    assert parts.subject == "LSCB plan: 🔴 Action 1.10 is overdue"
    assert "Mark complete" not in parts.text and "Mark complete" not in parts.html
    assert "<h2>🔴 Action 1.10 is overdue</h2>" in parts.html and "business manager" in parts.text
    linked = email_parts(*email_message(page, lambda ref: f"https://lscb.example/a/{ref}"))
    assert linked.html.count('href="https://lscb.example/a/1.10"') == 1  # once, not per button
    assert 'href="https://lscb.example/a/2.3"' in linked.html
    assert "Action 2.3 on the board (https://lscb.example/a/2.3)" in linked.text


def test_a_subject_is_one_short_line() -> None:
    long = Page().paragraph(line("first\nsecond " + "x" * 300))
    subject = subject_of(long)
    assert "\n" not in subject and len(subject) <= 150 and subject.startswith("LSCB plan: first")
