"""The Block Kit renderer at its edges: blank emphasis, a bare command, a channel or link
Slack would not take, the block budget with buttons, a heading over Slack's 150 characters,
a left-out count with and without a narrower command, and a cut beside an escape.
Written against mutants mutmut left alive in commands/render_blocks.py (issue 11)."""

from __future__ import annotations

from commands.page import (
    Bold,
    Button,
    Buttons,
    ChannelRef,
    Command,
    Divider,
    Heading,
    Italic,
    LeftOut,
    Link,
    Note,
    Page,
    Paragraph,
)
from commands.render_blocks import MAX_HEADER, after_click, clip, mrkdwn, to_blocks, to_reply

BUTTONS = Buttons("lscb_buttons", (Button("Update status", "lscb_pick", "2.3"),))


def test_blank_emphasis_is_left_as_the_spaces_it_is() -> None:
    """Slack shows `* *` as two stars; a blank Bold or Italic is written as its spaces."""
    assert mrkdwn((Bold(" "), Italic(" "), Bold("a&b"), Italic("<x>"))) == (
        "  *a&amp;b*_&lt;x&gt;_")


def test_a_bare_command_is_the_slash_command_alone_and_backticks_in_it_are_quotes() -> None:
    assert mrkdwn((Command(""),), "/scp") == "`/scp`"
    assert mrkdwn((Command("owner `x`"),), "/scp") == "`/scp owner 'x'`"


def test_a_channel_or_link_slack_would_not_take_is_written_as_text() -> None:
    assert mrkdwn((ChannelRef("not-an-id", "case-review"),)) == "#case-review"
    assert mrkdwn((ChannelRef("not-an-id"),)) == "#not-an-id"
    assert mrkdwn((Link("javascript:alert(1)"),)) == "javascript:alert(1)"
    assert mrkdwn((Link("javascript:alert(1)", "a<b"),)) == "a&lt;b (javascript:alert(1))"


def test_headings_and_notes_are_written_for_the_workspaces_command() -> None:
    page = Page().heading("/lscb overdue " + "x" * 200).paragraph(Command("due")).note(
        Command("owners"))
    blocks = to_reply(page, command="/scp").blocks
    assert len(blocks[0]["text"]["text"]) == MAX_HEADER
    assert blocks[0]["text"]["text"].startswith("/scp overdue x")
    assert blocks[1]["text"]["text"] == "`/scp due`"
    assert blocks[2]["elements"][0]["text"] == "`/scp owners`"


def test_buttons_are_never_cut_and_a_block_is_kept_back_for_the_count() -> None:
    """Ten blocks at most: the buttons take one and the count's line one, so eight of the
    twelve paragraphs are shown (a list's lines past the budget are counted; see below)."""
    page = Page()
    for n in range(12):
        page.paragraph(f"line {n}")
    page.blocks.append(BUTTONS)
    assert [b["type"] for b in to_reply(page, max_blocks=10).blocks] == (
        ["section"] * 8 + ["actions"])


def test_a_left_out_count_says_how_many_and_the_first_narrower_command() -> None:
    page = Page(blocks=[LeftOut(3, "/lscb overdue OWNER"), LeftOut(2, "/lscb due 7 days")])
    reply = to_reply(page, command="/scp")
    assert reply.blocks[-1]["elements"][0]["text"] == (
        "… and 5 more not shown. Narrow it down: `/scp overdue OWNER`.")
    bare = to_reply(Page(blocks=[LeftOut(4)]))
    assert bare.blocks[-1]["elements"][0]["text"] == "… and 4 more not shown."
    assert bare.text == "… and 4 more not shown."


def test_a_divider_adds_nothing_to_the_fallback_text() -> None:
    reply = to_reply(Page(blocks=[Paragraph(("a",)), Divider(), Note(("b",)),
                                  Heading("c")]))
    assert reply.text == "a\nb\nc"


def test_a_cut_never_ends_inside_an_escape_even_with_an_ampersand_earlier() -> None:
    text = "&amp; " + "x" * 10 + "&amp;"
    assert clip(text, 18) == "&amp; " + "x" * 10 + "…"
    assert clip("a&b " + "x" * 20, 10) == "a&b xxxxx…"


def test_text_up_to_the_message_budget_fits_and_a_character_more_is_counted() -> None:
    """9,800 characters of text fit (10,000 less the 200 kept back for the count)."""
    sizes = [3000, 3000, 3000]
    fits = to_reply(Page().lines([("x" * n,) for n in [*sizes, 800]])).blocks
    assert [b["type"] for b in fits] == ["section"] * 4
    over = to_reply(Page().lines([("x" * n,) for n in [*sizes, 801]])).blocks
    assert [b["type"] for b in over] == ["section"] * 3 + ["context"]
    assert over[-1]["elements"][0]["text"] == "… and 1 more not shown."


def _sections(reply_blocks: list[dict[str, object]]) -> list[int]:
    return [len(b["text"]["text"]) for b in reply_blocks  # type: ignore[index]
            if b["type"] == "section"]


def test_lines_are_packed_into_sections_of_at_most_three_thousand_characters() -> None:
    """Lines joined by newlines: 1,500 + 1 + 1,499 is exactly 3,000 and makes one section;
    a character more makes two; the count of separators starts afresh in each section."""
    def packed(*sizes: int) -> list[int]:
        return _sections(to_reply(Page().lines([("x" * n,) for n in sizes])).blocks)
    assert packed(1500, 1499) == [3000]
    assert packed(1500, 1500) == [1500, 1500]
    assert packed(1000, 999, 999) == [3000]
    assert packed(3000, 1500, 1499) == [3000, 3000]


def test_a_line_that_fits_only_without_its_newline_is_counted_not_the_one_before() -> None:
    """800 characters of budget are left after three full sections: 400 fits, and 400 more
    would need 801 with the newline, so it alone is left out."""
    page = Page().lines([("x" * n,) for n in (3000, 3000, 3000, 400, 400)])
    reply = to_reply(page)
    assert _sections(reply.blocks) == [3000, 3000, 3000, 400]
    assert reply.blocks[-1]["elements"][0]["text"] == "… and 1 more not shown."


def test_a_clicked_message_says_who_did_what_in_the_workspaces_command() -> None:
    blocks = to_reply(Page().paragraph("2.3").buttons("b", Button("Done", "x", "2.3"))).blocks
    clicked = after_click(blocks, (Command("action 2.3"), " & done"), "/scp")
    assert clicked == [blocks[0], {"type": "context", "elements": [
        {"type": "mrkdwn", "text": "`/scp action 2.3` &amp; done"}]}]
    assert after_click(blocks, ("x" * 4000,))[-1]["elements"][0]["text"] == "x" * 2999 + "…"


def test_a_view_holds_a_hundred_blocks_one_kept_back_for_the_count() -> None:
    page = Page()
    for n in range(120):
        page.paragraph(Command(f"action {n}"))
    blocks = to_blocks(page, command="/scp")
    assert len(blocks) == 99
    assert blocks[0]["text"]["text"] == "`/scp action 0`"


def test_a_button_is_primary_only_when_asked_and_its_value_is_cut_to_slacks_limit() -> None:
    page = Page().buttons("ids", Button("Go", "a", "v" * 2100, primary=True),
                          Button("Wait", "b", "w"))
    [actions] = to_reply(page).blocks
    assert actions["block_id"] == "ids"
    first, second = actions["elements"]
    assert (first["style"], len(first["value"]), first["action_id"]) == ("primary", 2000, "a")
    assert "style" not in second and second["text"]["text"] == "Wait"


def test_a_lists_lines_are_written_for_the_workspaces_command() -> None:
    blocks = to_reply(Page().lines([(Command("action 2.3"),)]), command="/scp").blocks
    assert blocks[0]["text"]["text"] == "`/scp action 2.3`"


def test_the_count_goes_above_the_buttons_and_an_empty_page_still_has_text() -> None:
    page = Page(blocks=[Paragraph(("a",)), LeftOut(2), BUTTONS])
    assert [b["type"] for b in to_reply(page).blocks] == ["section", "context", "actions"]
    assert to_reply(Page()).text == " "  # Slack refuses a message whose text is empty
