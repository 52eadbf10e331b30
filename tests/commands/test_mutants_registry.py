"""The registry's own decisions: which commands may be answered from a cache, what an
entry records, how help names a command in the plan's words, and how long a word an
unknown-command refusal repeats."""

from __future__ import annotations

from commands.page import Code, Command, Items, Paragraph
from commands.slash import SUBCOMMANDS, only_reads
from commands.slash.registry import help_page, unknown_page
from commands.words import Words


def test_only_commands_that_cannot_write_may_be_answered_from_a_cache() -> None:
    assert [only_reads(text) for text in ("list", "Theme 2", "update 1.1 done", "Done 1.1",
                                          "calendar", "nonsense", "")] == [
        True, True, False, False, False, True, True]


def test_an_entry_records_its_name_usage_aliases_and_flags() -> None:
    mine = SUBCOMMANDS["my-actions"]
    assert (mine.name, mine.usage, mine.aliases, mine.admin_only, mine.changes_plan) == (
        "my-actions", "my-actions", ("mine", "my"), False, False)
    link = SUBCOMMANDS["link"]
    assert (link.name, link.aliases, link.admin_only, link.changes_plan) == (
        "link", (), True, True)


def _usages(words: Words) -> list[Command]:
    items = next(block for block in help_page(False, words).blocks if isinstance(block, Items))
    return [entry[0] for entry in items.entries]


def test_help_names_a_command_in_the_plans_words_only_when_that_name_is_the_command() -> None:
    assert Command("priority N") in _usages(Words(theme="priority"))
    outcome = _usages(Words(theme="outcome"))
    assert Command("theme N") in outcome
    assert Command("outcome N") not in outcome


def test_an_unknown_word_is_repeated_cut_to_forty_characters() -> None:
    word = "z" * 50
    refused = unknown_page(word)
    assert refused.is_error
    assert refused.blocks == [Paragraph(("I don't know ", Code("z" * 40), ".", " ",
                                         Command("help"), " lists every command."))]
