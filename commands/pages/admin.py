"""What linking people and channels says back."""

from __future__ import annotations

from commands.admin import Linked
from commands.page import ChannelRef, Mention, Page


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
                            ChannelRef(linked.target), "." if linked.changed else
                            " (as it did already: nothing was changed).")
    if linked.problem:
        page.paragraph("⚠️ Not yet, though: ", linked.problem)
    elif not linked.checked:
        page.note("Not checked with Slack from here: the bot checks the channel before it "
                  "first posts, and tells the admins if it cannot.")
    return page
