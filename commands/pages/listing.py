"""Pages for lists of actions: mine, overdue, due, by owner, by theme, the owners."""

from __future__ import annotations

from commands.listing import (
    DueWindow,
    MyActions,
    Overdue,
    OwnerActions,
    OwnerSummary,
    ThemeActions,
    UndatedActions,
)
from commands.page import Bold, ChannelRef, Command, Mention, Page, joined, line
from commands.pages.lines import action_line, item_line, undated_count, undated_line
from commands.text import day, plural


def overdue_page(found: Overdue) -> Page:
    scope = f" for {found.scope}" if found.scope else ""
    if not found.count and not found.undated:
        return Page().paragraph(f"Nothing is overdue{scope} on {day(found.today)}. 🎉")
    if not found.count:
        return Page().paragraph(f"Nothing with a date I can read is overdue{scope} on "
                                f"{day(found.today)}. ", undated_count(found.undated,
                                                                       _undated_of(found)))
    page = Page().heading(f"Overdue{scope} on {day(found.today)}: "
                          f"{plural(found.count, 'item')}")
    if found.undated:
        page.note(undated_count(found.undated, _undated_of(found)))
    for group in found.groups:
        page.paragraph(Bold(group.owner))
        page.items(group.items, lambda i: item_line(i, found.today), "/lscb overdue OWNER")
    return page


def _undated_of(found: Overdue) -> str:
    return f"undated {found.scope}" if found.scope else "undated"


def undated_page(found: UndatedActions) -> Page:
    scope = f" for {found.scope}" if found.scope else ""
    if not found.items:
        return Page().paragraph(f"Every open action{scope} has a date I can read.")
    return (Page().heading(f"No date I can read{scope}: {plural(len(found.items), 'action')}")
            .note("Kept as the plan words them, and so never called overdue. Write a date I "
                  "can read in the plan file (e.g. 30 June 2015, Q2 2015/16) and import it "
                  "again.")
            .items(found.items, undated_line, "/lscb undated OWNER"))


def my_actions_page(mine: MyActions) -> Page:
    if not mine.owners:
        return Page().paragraph(
            "You are not linked to any role or subgroup yet, so I can't tell which actions "
            f"are yours. Ask an admin (the {mine.words.board}'s business manager) to link you (",
            Mention(mine.user_id), "): ", Command("link @name OWNER"), ", e.g. ",
            Command("link @name Case Review"), ".")
    page = Page().heading(f"Your actions ({mine.total})").note("As " + "; ".join(mine.owners))
    groups = [("Overdue", [item_line(i, mine.today) for i in mine.overdue]),
              ("Due in the next 30 days", [action_line(a) for a in mine.soon]),
              ("Later", [action_line(a) for a in mine.later]),
              ("Ongoing", [action_line(a) for a in mine.ongoing]),
              ("No date I can read", [action_line(a) for a in mine.undated]),
              ("Complete", [action_line(a) for a in mine.complete])]
    for title, lines in groups:
        if lines:
            page.paragraph(Bold(title), f" ({len(lines)})").lines(lines, "/lscb overdue OWNER")
    return page


def due_page(window: DueWindow) -> Page:
    span = f"{day(window.first)} to {day(window.last)}"
    if not window.items:
        return Page().paragraph(f"Nothing falls due from {span}.")
    return (Page().heading(f"Due from {span}: {plural(len(window.items), 'item')}")
            .items(window.items, lambda i: item_line(i, window.today), "/lscb due 7 days"))


def owner_page(owner: OwnerActions) -> Page:
    people = joined([(Mention(u),) for u in owner.people]) or ("nobody yet",)
    channel = (ChannelRef(owner.channel),) if owner.channel else ("none",)
    return (Page().heading(f"{owner.name}: {plural(len(owner.actions), 'action')}")
            .note(f"{owner.kind.title()} · linked: ", people, " · channel: ", channel,
                  f" · members (each sees these as theirs): {', '.join(owner.members)}"
                  if owner.members else "")
            .lines([action_line(a) for a in owner.actions], "/lscb action REF"))


def theme_page(theme: ThemeActions) -> Page:
    heading = f"{theme.label}: {theme.title}" if theme.label else \
        theme.words.said("Theme") + f" {theme.number}: {theme.title}"
    return (Page().heading(heading)
            .lines([action_line(a) for a in theme.actions], "/lscb action REF"))


def owners_page(owners: list[OwnerSummary]) -> Page:
    return Page().heading("Owners").lines([
        line(Bold(o.name), f" ({o.kind}) · {o.people} linked · ",
             ChannelRef(o.channel) if o.channel else "no channel") for o in owners],
        "/lscb owner NAME")
