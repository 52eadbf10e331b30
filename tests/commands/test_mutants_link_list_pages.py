"""Board-link, calendar and list pages pinned whole: their headings, the links in each
line, the commands they suggest, and the narrower command a cut-short list names."""

from __future__ import annotations

from datetime import date

from commands.links import BoardLinks
from commands.listing import MyActions, Overdue, OwnerSummary, UndatedActions
from commands.page import (
    Bold,
    ChannelRef,
    Code,
    Command,
    Heading,
    Items,
    Link,
    Mention,
    Note,
    Paragraph,
)
from commands.pages.links import calendar_page, links_page
from commands.pages.listing import my_actions_page, overdue_page, owners_page, undated_page
from storage.rows import Undated
from tests.commands.rows import action_row

TODAY = date(2014, 10, 15)
HEALTH = BoardLinks("Health", "https://b.example/board", "https://b.example/feed.ics")
ROW = action_row()


def test_board_links_name_both_links_and_how_to_replace_them() -> None:
    heading, items, note = links_page([HEALTH]).blocks
    assert isinstance(items, Items)
    assert (heading, list(items.entries), note) == (
        Heading("Board links"),
        [(Bold("Health"), "\n   page: ", Link("https://b.example/board"),
          "\n   calendar: ", Link("https://b.example/feed.ics"))],
        Note(("Anyone with a link can read what it shows. ", Code("lscb links --rotate"),
              " replaces them all, and the old ones stop working.")))


def test_rotated_board_links_say_the_old_ones_are_dead() -> None:
    page = links_page([HEALTH], rotated=True)
    assert (page.blocks[0], page.blocks[-1]) == (
        Heading("Board links, new ones"),
        Note(("The links handed out before these no longer open anything.",)))


def test_the_calendar_page_labels_the_feed_and_the_board_page() -> None:
    items = calendar_page([HEALTH]).blocks[1]
    assert isinstance(items, Items)
    assert list(items.entries) == [
        (Bold("Health"), "\n   calendar: ", Link("https://b.example/feed.ics"),
         "\n   board page: ", Link("https://b.example/board"))]


def test_overdue_in_a_scope_points_at_the_undated_list_of_that_scope() -> None:
    note = overdue_page(Overdue(TODAY, "Health", 1, [], undated=2)).blocks[1]
    assert isinstance(note, Note)
    assert [span for span in note.line if isinstance(span, Command)] == [
        Command("undated Health")]


def test_undated_in_a_scope_says_the_scope_and_the_narrower_command() -> None:
    page = undated_page(UndatedActions("Health", [Undated(ROW, "no year")]))
    assert page.blocks[0] == Heading("No date I can read for Health: 1 action")
    items = page.blocks[2]
    assert isinstance(items, Items)
    assert items.narrower == "/lscb undated OWNER"


def test_someone_not_linked_is_told_how_to_get_linked() -> None:
    assert my_actions_page(MyActions("U1", [], TODAY)).blocks == [Paragraph((
        "You are not linked to any role or subgroup yet, so I can't tell which actions are "
        "yours. Ask an admin (the board's business manager) to link you (", Mention("U1"),
        "): ", Command("link @name OWNER"), ", e.g. ", Command("link @name Case Review"),
        "."))]


def test_the_owners_list_shows_each_owners_people_and_channel_and_its_narrower() -> None:
    page = owners_page([OwnerSummary("Health", "role", 2, "C1"),
                        OwnerSummary("Police", "subgroup", 0, None)])
    items = page.blocks[1]
    assert isinstance(items, Items)
    assert (list(items.entries), items.narrower) == ([
        (Bold("Health"), " (role) · 2 linked · ", ChannelRef("C1")),
        (Bold("Police"), " (subgroup) · 0 linked · ", "no channel")], "/lscb owner NAME")
