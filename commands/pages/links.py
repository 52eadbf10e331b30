"""Pages that hand out links to the board page and the calendar feeds."""

from __future__ import annotations

from commands.links import BoardLinks
from commands.page import Bold, Code, Link, Page, line


def links_page(found: list[BoardLinks], rotated: bool = False) -> Page:
    page = Page().heading("Board links, new ones" if rotated else "Board links")
    page.lines([line(Bold(f.who), "\n   page: ", Link(f.board), "\n   calendar: ",
                     Link(f.calendar))
                for f in found])
    if rotated:
        return page.note("The links handed out before these no longer open anything.")
    return page.note("Anyone with a link can read what it shows. ", Code("lscb links --rotate"),
                     " replaces them all, and the old ones stop working.")


def calendar_page(found: list[BoardLinks]) -> Page:
    page = Page().heading("Your calendar and board page")
    page.lines([line(Bold(f.who), "\n   calendar: ", Link(f.calendar), "\n   board page: ",
                     Link(f.board)) for f in found])
    return page.note("Add the calendar link to Outlook or Google Calendar as a subscription "
                     "(“from internet”); keep it to yourself, since anyone with it can read it.")
