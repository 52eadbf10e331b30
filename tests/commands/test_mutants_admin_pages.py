"""What `who` and `email` say back, pinned as whole pages: every command it suggests and
every address it repeats is where a reader needs it."""

from __future__ import annotations

from commands.admin import Linkees
from commands.owner_email import EmailSet
from commands.page import ChannelRef, Code, Command, Heading, Mention, Page, Paragraph
from commands.pages.admin import email_page, who_page


def test_who_with_nobody_and_no_channel_says_how_to_link_both() -> None:
    assert who_page(Linkees("Health", [], None)).blocks == [
        Heading("Who is linked to Health"),
        Paragraph(("Nobody yet: ", Command("link @name OWNER"), " or ",
                   Command("link name@example.org OWNER"), " (admins).")),
        Paragraph(("No channel for its nudges yet: ", Command("channel #channel OWNER"),
                   " (admins).")),
    ]


def test_who_names_the_linked_people_and_the_channel() -> None:
    assert who_page(Linkees("Health", ["U1", "U2"], "C9")).blocks == [
        Heading("Who is linked to Health"),
        Paragraph((Mention("U1"), ", ", Mention("U2"), ".")),
        Paragraph(("Nudges and reminders go to ", ChannelRef("C9"), ".")),
    ]


def _paragraphs(page: Page) -> list[tuple[object, ...]]:
    return [block.line for block in page.blocks if isinstance(block, Paragraph)]


def test_no_address_says_where_the_nudges_go_instead() -> None:
    assert _paragraphs(email_page(EmailSet("Health", "", False, True, True))) == [
        ("Health gets no email; its nudges go in its channel.",)]
    assert _paragraphs(email_page(EmailSet("Health", "", False, True, False))) == [
        ("Health gets no email; its nudges go nowhere: it has no channel either.",)]


def test_an_address_without_a_channel_gets_everything_by_email() -> None:
    assert _paragraphs(email_page(EmailSet("Health", "h@example.org", False, True, False))) == [
        ("Health will get its nudges and reminders by email at ", Code("h@example.org"), ".")]


def test_an_address_as_well_as_a_channel() -> None:
    assert _paragraphs(email_page(EmailSet("Health", "h@example.org", True, True, True))) == [
        ("Health will get its nudges by email at ", Code("h@example.org"),
         " as well as in its channel.")]


def test_an_address_kept_beside_a_channel_says_how_to_use_it_too() -> None:
    assert _paragraphs(email_page(EmailSet("Health", "h@example.org", False, True, True))) == [
        ("Health has the address ", Code("h@example.org"),
         " but hears its nudges in its channel; add ", Code("--also"), " to email them too.")]
