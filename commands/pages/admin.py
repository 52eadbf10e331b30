"""What linking people and channels says back."""

from __future__ import annotations

from commands.admin import Linked, Linkees
from commands.page import ChannelRef, Command, Mention, Page, Span, joined


def linked_page(linked: Linked) -> Page:
    said = "was already linked to" if not linked.changed else "is now linked to"
    return Page().paragraph(*_person(linked), f" {said} {linked.owner}.")


def unlinked_page(linked: Linked) -> Page:
    said = "was not linked to" if not linked.changed else "is no longer linked to"
    return Page().paragraph(*_person(linked), f" {said} {linked.owner}.")


def _person(linked: Linked) -> tuple[Span, ...]:
    """The person as Slack shows them (a mention is their name), with the address used."""
    return (Mention(linked.target), f" ({linked.email})") if linked.email else (
        Mention(linked.target),)


def who_page(linkees: Linkees) -> Page:
    """Who is linked to an owner, by name (Slack shows a mention as the person's name)."""
    page = Page().heading(f"Who is linked to {linkees.owner}")
    if linkees.user_ids:
        page.paragraph(joined([(Mention(user),) for user in linkees.user_ids]), ".")
    else:
        page.paragraph("Nobody yet: ", Command("link @name OWNER"), " or ",
                       Command("link name@example.org OWNER"), " (admins).")
    if linkees.channel_id:
        page.paragraph("Nudges and reminders go to ", ChannelRef(linkees.channel_id), ".")
    else:
        page.paragraph("No channel for its nudges yet: ", Command("channel #channel OWNER"),
                       " (admins).")
    return page


def channel_page(linked: Linked) -> Page:
    page = Page().paragraph(f"{linked.owner} will hear its nudges and reminders in ",
                            ChannelRef(linked.target), ".")
    if linked.problem:
        page.paragraph("⚠️ Not yet, though: ", linked.problem)
    elif not linked.checked:
        page.note("Not checked with Slack from here: the bot checks the channel before it "
                  "first posts, and tells the admins if it cannot.")
    return page
