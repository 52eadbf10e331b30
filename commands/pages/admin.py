"""What linking people and channels says back."""

from __future__ import annotations

from commands.admin import Linked, Linkees
from commands.owner_email import EmailSet
from commands.page import ChannelRef, Code, Command, Mention, Page, Span, joined


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
                            ChannelRef(linked.target), "." if linked.changed else
                            " (as it did already: nothing was changed).")
    if linked.problem:
        page.paragraph("⚠️ Not yet, though: ", linked.problem)
    elif not linked.checked:
        page.note("Not checked with Slack from here: the bot checks the channel before it "
                  "first posts, and tells the admins if it cannot.")
    return page


def email_page(result: EmailSet) -> Page:
    """Where the owner's nudges go now."""
    if not result.address:
        where = "in its channel" if result.has_channel else "nowhere: it has no channel either"
        return Page().paragraph(f"{result.owner} gets no email; its nudges go {where}.")
    page = Page()
    if not result.has_channel:
        page.paragraph(f"{result.owner} will get its nudges and reminders by email at ",
                       Code(result.address), ".")
    elif result.also:
        page.paragraph(f"{result.owner} will get its nudges by email at ", Code(result.address),
                       " as well as in its channel.")
    else:
        page.paragraph(f"{result.owner} has the address ", Code(result.address),
                       " but hears its nudges in its channel; add ", Code("--also"),
                       " to email them too.")
    if not result.changed:
        page.note("Nothing changed: that was already so.")
    return page
