"""What linking people and channels says back."""

from __future__ import annotations

from commands.admin import Linked
from commands.owner_email import EmailSet
from commands.page import ChannelRef, Code, Mention, Page


def linked_page(linked: Linked) -> Page:
    if not linked.changed:
        return Page().paragraph(Mention(linked.target), f" was already linked to {linked.owner}.")
    return Page().paragraph(Mention(linked.target), f" is now linked to {linked.owner}.")


def unlinked_page(linked: Linked) -> Page:
    if not linked.changed:
        return Page().paragraph(Mention(linked.target), f" was not linked to {linked.owner}.")
    return Page().paragraph(Mention(linked.target), f" is no longer linked to {linked.owner}.")


def channel_page(linked: Linked) -> Page:
    page = Page().paragraph(f"{linked.owner} will hear its nudges and reminders in ",
                            ChannelRef(linked.target), ".")
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
