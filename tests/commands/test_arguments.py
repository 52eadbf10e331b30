"""The one reader of what follows `/lscb`: words, quotes, options, flags, mentions, the rest."""

from __future__ import annotations

import pytest

from commands.context import CommandError
from commands.page import ChannelRef, Link, Mention
from commands.slash.arguments import Args


def test_words_are_taken_in_order_and_the_rest_is_kept_as_typed() -> None:
    args = Args("update 2.3 at-risk two returns late\nsecond line  kept")
    assert [args.next_word(), args.next_word(), args.next_word()] == ["update", "2.3", "at-risk"]
    assert args.rest() == "two returns late\nsecond line kept"
    assert args.rest() == "" and not args


def test_a_quoted_owner_is_one_word_with_straight_or_curly_quotes() -> None:
    assert Args('owner "case review" extra').next_word() == "owner"
    args = Args('"case review" extra')
    assert args.next_word() == "case review" and args.rest() == "extra"
    assert Args("“Case Review Group”").next_word() == "Case Review Group"


def test_an_apostrophe_or_a_lone_quote_is_just_text() -> None:
    args = Args("2.3 it's late \"really")
    assert args.next_word() == "2.3"
    assert args.rest() == "it's late \"really"


def test_options_and_flags_are_taken_from_anywhere_and_left_out_of_the_rest() -> None:
    args = Args('l=4 Late S11 returns impact=3 owner="case review" --share actions=2.3,2.4')
    names = {"l": "likelihood", "likelihood": "likelihood", "impact": "impact",
             "owner": "owner", "actions": "actions"}
    assert args.options(names) == {"likelihood": "4", "impact": "3", "owner": "case review",
                                   "actions": "2.3,2.4"}
    assert args.flag("--share") and not args.flag("--share")
    assert args.rest() == "Late S11 returns"


def test_an_unknown_option_stays_in_the_text() -> None:
    args = Args("colour=red is the wrong word")
    assert args.options({"impact": "impact"}) == {}
    assert args.rest() == "colour=red is the wrong word"


def test_mentions_and_channels_are_values_and_ids_are_accepted_too() -> None:
    args = Args(("link ", Mention("U0123ABCD", "sam"), " case review"))
    assert args.next_word() == "link"
    assert args.user("usage") == "U0123ABCD" and args.rest() == "case review"
    assert Args("U0123ABCD pmqa").user("usage") == "U0123ABCD"
    args = Args(("", ChannelRef("C0PMQA", "pmqa"), " pmqa"))
    assert args.channel("usage") == "C0PMQA" and args.rest() == "pmqa"
    assert Args("C0PMQA pmqa").channel("usage") == "C0PMQA"


@pytest.mark.parametrize("typed", ["nobody chair", "", "@sam chair", "C0PMQA chair"])
def test_something_that_is_not_a_user_is_refused_with_the_usage(typed: str) -> None:
    with pytest.raises(CommandError, match="Usage"):
        Args(typed).user("Usage: link @user OWNER")


def test_a_note_keeps_a_mention_as_a_name_and_a_link_as_its_address() -> None:
    args = Args(("ask ", Mention("U1", "sam"), " about ", Link("https://x.example/a", "the doc"),
                 " & ", Link("https://y.example/")))
    assert args.next_word() == "ask"
    assert args.rest() == "@sam about the doc (https://x.example/a) & https://y.example/"


def test_a_typed_at_or_hash_id_is_taken_bare_and_only_it_is_taken() -> None:
    args = Args("@U0123ABCD chair")
    assert args.user("usage") == "U0123ABCD" and args.rest() == "chair"
    args = Args("#C0PMQA pmqa")
    assert args.channel("usage") == "C0PMQA" and args.rest() == "pmqa"


def test_args_are_true_while_a_word_is_left() -> None:
    args = Args("overdue")
    assert args
    args.next_word()
    assert not args


def test_options_pass_over_mentions_and_links() -> None:
    args = Args(("owner=pmqa ", Mention("U1", "sam"), " ", Link("https://x.example/")))
    assert args.options({"owner": "owner"}) == {"owner": "pmqa"}
    assert args.user("usage") == "U1" and args.rest() == "https://x.example/"


def test_empty_quotes_are_an_empty_word() -> None:
    args = Args('"" extra')
    assert args.next_word() == "" and args.rest() == "extra"
