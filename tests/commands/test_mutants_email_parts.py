"""A page as an email, in whole: every kind of block as the HTML it becomes, commands
written with the slash command the workspace installed, an unsafe link shown as its bare
address; the subject on one line, with a fallback for a page with no title, kept to 150
characters and cut with an ellipsis only past them; and a ledger row that is not an
email's refused with a reason an operator can read in the log.
Written against mutants mutmut left alive in commands/render_email.py and
commands/mail_message.py (issue 11, run H)."""

from __future__ import annotations

from typing import Any

import pytest

from commands.mail_message import email_parts, subject_of
from commands.page import Code, Command, LeftOut, Link, Page, line
from commands.render_email import to_html

#: Pasted from Word: a non-breaking space, an en dash, a tab and a line break.
SPACED = "Action 2.3\u00a0\u2013\tdue  in\nfive days "
#: 139 characters: with "LSCB plan: " in front, exactly 150.
LONGEST = ("Action 1.1 is overdue: Refresh the partnership\u2019s neglect strategy with families "
           "and practitioners, so neglect is seen early in every agency")


def test_every_block_becomes_html_with_the_installed_command() -> None:
    page = Page().heading("Priority 2 \u2013 \u201charm\u201d outside the home")
    page.paragraph("Type ", Command("update 2.3 on-track"), " or ", Command(""), "; ref ",
                   Code("1.1a <b>"), "; see ", Link("javascript:alert(1)"), " or ",
                   Link("https://lscb.example/a?x=1&y=2", "the board"))
    page.note(Command("help"), " for every command")
    page.divider()
    page.items([2, 4], lambda n: line(Command(f"theme {n}"), f" lists priority {n}"))
    page.blocks.append(LeftOut(3))
    assert to_html(page, "/plan").split("\n") == [
        "<h2>Priority 2 \u2013 \u201charm\u201d outside the home</h2>",
        "<p>Type <code>/plan update 2.3 on-track</code> or <code>/plan</code>; ref "
        "<code>1.1a &lt;b&gt;</code>; see javascript:alert(1) or "
        '<a href="https://lscb.example/a?x=1&amp;y=2">the board</a></p>',
        '<p style="color:#505a5f;font-size:90%"><code>/plan help</code> for every command</p>',
        "<hr>",
        "<ul><li><code>/plan theme 2</code> lists priority 2</li>"
        "<li><code>/plan theme 4</code> lists priority 4</li></ul>",
        "<p>… and 3 more not shown.</p>",
    ]


def test_the_subject_is_the_title_on_one_line() -> None:
    assert subject_of(Page().heading(SPACED)) == "LSCB plan: Action 2.3 \u2013 due in five days"


def test_a_page_with_no_title_still_has_a_subject() -> None:
    assert subject_of(Page().divider()) == "LSCB plan: a note from the business plan"


def test_a_subject_of_150_characters_is_kept_and_a_longer_one_cut_with_an_ellipsis() -> None:
    kept = subject_of(Page().heading(LONGEST))
    assert (kept, len(kept)) == ("LSCB plan: " + LONGEST, 150)
    cut = subject_of(Page().heading(LONGEST + "."))
    assert (cut, len(cut)) == (
        "LSCB plan: Action 1.1 is overdue: Refresh the partnership\u2019s neglect strategy "
        "with families and practitioners, so neglect is seen early in every agenc\u2026", 150)


@pytest.mark.parametrize("blocks", [
    [],
    [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}],
    [{"type": "email", "subject": "a", "html": "<p>a</p>"},
     {"type": "email", "subject": "b", "html": "<p>b</p>"}],
])
def test_a_row_that_is_not_one_emails_is_refused_saying_so(blocks: list[dict[str, Any]]
                                                            ) -> None:
    with pytest.raises(ValueError) as refused:
        email_parts("hello", blocks)
    assert str(refused.value) == "not an email row: its blocks hold no email part"
