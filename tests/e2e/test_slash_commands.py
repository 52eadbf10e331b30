"""`/lscb` end to end: signed HTTP into the real app, Block Kit back in the HTTP response.

Each test talks to its own running bot (see conftest.py) on a fresh copy of the sample plan,
with today being Wednesday 15 October 2014. UADMIN is the only admin.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.app import SORRY
from commands.render_blocks import MAX_BLOCK_TEXT
from commands.slash import SUBCOMMANDS
from tests.e2e.conftest import (
    ADMIN,
    BIG_PLAN_ACTIONS,
    BIG_THEME_ONE,
    SECRET,
    Bot,
    block_texts,
    section_texts,
)
from tests.fakeslack import FakeSlack

JSON = dict[str, Any]
NOT_STARTED = "*Status:* ⚪ not started"
ITEM = re.compile(r"^\*(\d+\.\d+)\*", re.M)  # an action or milestone line starts with its ref


def everything(reply: JSON) -> str:
    """The fallback text and every block's text, as one string."""
    return "\n".join([reply["text"], *block_texts(reply["blocks"])])


def headers(reply: JSON) -> list[str]:
    return [b["text"]["text"] for b in reply["blocks"] if b["type"] == "header"]


def contexts(reply: JSON) -> list[str]:
    return [e["text"] for b in reply["blocks"] if b["type"] == "context" for e in b["elements"]]


def refs_shown(reply: JSON) -> list[str]:
    return ITEM.findall("\n".join(section_texts(reply)))


def status_of(bot: Bot, ref: str) -> str:
    """The status line of `action REF`, as anyone would read it."""
    [line] = [line for line in bot.ask(f"action {ref}")["text"].splitlines()
              if line.startswith("*Status:*")]
    return line


# --- help and unknown subcommands -------------------------------------------------------------


def test_help_lists_every_subcommand_a_member_may_use(bot: Bot) -> None:
    reply = bot.ask("help", user="U1")
    assert reply["response_type"] == "ephemeral"
    assert headers(reply) == ["/lscb: the business plan in Slack"]
    for entry in SUBCOMMANDS.values():
        line = f"`/lscb {entry.usage}` {entry.help_line}"
        assert (line in reply["text"]) is not entry.admin_only, line
    assert contexts(reply) == ["Replies are only visible to you unless a command says otherwise."]


@pytest.mark.parametrize("text", ["", "   ", "?", "--help", "HELP"])
def test_empty_text_and_help_synonyms_answer_with_help(bot: Bot, text: str) -> None:
    assert bot.ask(text, user="U1") == bot.ask("help", user="U1")


def test_an_admin_sees_the_admin_subcommands_in_help(bot: Bot) -> None:
    text = bot.ask("help")["text"]
    assert "`/lscb link @user OWNER` link a person to a role or subgroup (admins)" in text
    assert "`/lscb approvals`" in text


def test_an_unknown_subcommand_suggests_the_nearest_one(bot: Bot) -> None:
    reply = bot.ask("overdeu pmqa", user="U1")
    assert reply["response_type"] == "ephemeral"
    assert section_texts(reply) == ["I don't know `overdeu`. Did you mean `/lscb overdue`? "
                                    "`/lscb help` lists every command."]
    assert headers(reply) == []  # one line, not the whole help again


@pytest.mark.parametrize(("typed", "meant"), [("over", "overdue"), ("sched", "schedule"),
                                              ("owne", "owner"), ("histroy", "history")])
def test_did_you_mean_prefers_the_command_a_word_begins(bot: Bot, typed: str,
                                                        meant: str) -> None:
    reply = bot.ask(typed, user="U1")
    assert f"Did you mean `/lscb {meant}`?" in reply["text"]


def test_an_unknown_subcommand_with_nothing_close_gets_no_guess(bot: Bot) -> None:
    reply = bot.ask("frobnicate", user="U1")
    assert section_texts(reply) == ["I don't know `frobnicate`. `/lscb help` lists every "
                                    "command."]
    assert "Did you mean" not in reply["text"]


# --- my-actions -------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["my-actions", "mine", "my", "MINE"])
def test_an_unlinked_caller_is_told_how_to_get_linked(bot: Bot, word: str) -> None:
    reply = bot.ask(word, user="U7")
    assert reply["response_type"] == "ephemeral"
    assert "You are not linked to any role or subgroup yet" in reply["text"]
    assert "link you (<@U7>): `/lscb link @name OWNER`" in reply["text"]


def test_after_an_admin_links_them_a_user_sees_the_chairs_actions(bot: Bot) -> None:
    assert bot.ask("link <@U1|sam> chair")["text"] == "<@U1> is now linked to Chair."
    reply = bot.ask("my-actions", user="U1")
    assert headers(reply) == ["Your actions (6)"]
    assert contexts(reply) == ["As Chair"]
    sections = section_texts(reply)
    assert sections[0] == "*Overdue* (6)"
    assert refs_shown(reply) == ["1.1", "1.4", "1.6", "1.8", "1.3", "1.7"]  # oldest first
    assert "April 2014 → 30 Apr 2014 · ⚪ not started · 5 months overdue" in sections[1]


def test_my_actions_are_grouped_overdue_soon_later_ongoing_complete(bot: Bot) -> None:
    for owner in ("chair", "policy", "case review"):
        assert "is now linked" in bot.ask(f"link <@U1> {owner}")["text"]
    reply = bot.ask("mine", user="U1")
    assert headers(reply) == ["Your actions (14)"]
    assert contexts(reply) == ["As Case Review Subgroup; Chair; Policies and Procedures Subgroup"]
    titles = [s for s in section_texts(reply) if not ITEM.match(s)]
    assert titles == ["*Overdue* (9)", "*Due in the next 30 days* (1)", "*Later* (2)",
                      "*Ongoing* (2)"]
    assert refs_shown(reply) == ["1.1", "1.4", "1.6", "1.8", "5.1", "1.3", "1.7", "2.4", "5.2",
                                 "1.12", "2.3", "2.5", "5.4", "5.5"]
    assert "Ongoing – following a review (no fixed date)" in reply["text"]

    assert "*1.1* is now ✅ complete" in bot.ask("done 1.1", user="U1")["text"]
    after = bot.ask("mine", user="U1")
    titles = [s for s in section_texts(after) if not ITEM.match(s)]
    assert titles[0] == "*Overdue* (8)" and titles[-1] == "*Complete* (1)"
    assert refs_shown(after)[-1] == "1.1"


# --- overdue and due --------------------------------------------------------------------------


def test_overdue_lists_every_owner_oldest_group_first(bot: Bot) -> None:
    reply = bot.ask("overdue", user="U1")
    assert headers(reply) == ["Overdue on 15 Oct 2014: 31 items"]
    sections = section_texts(reply)
    assert sections[0] == "*Chair*"  # 1.1 (April 2014) is the oldest item of all
    assert "*1.1* Governance arrangements" in sections[1]
    assert "*CSE/MFH Subgroup*" in sections
    assert "*1.12*" not in reply["text"]  # due 31 Oct: not overdue yet


def test_overdue_for_one_owner_by_abbreviation(bot: Bot) -> None:
    reply = bot.ask("overdue pmqa", user="U1")
    assert headers(reply) == ["Overdue for Performance Management and Quality Assurance "
                              "Subgroup on 15 Oct 2014: 3 items"]
    assert "*2.1*" in reply["text"] and "4 months overdue" in reply["text"]
    assert "*1.1*" not in reply["text"]


def test_overdue_for_an_unknown_owner_is_refused(bot: Bot) -> None:
    reply = bot.ask("overdue the janitor", user="U1")
    assert reply["text"] == "No owner is called “the janitor”. `/lscb owners` lists them all."


@pytest.mark.parametrize(("text", "header", "refs"), [
    ("due", "Due from 15 Oct 2014 to 14 Nov 2014: 2 items", ["1.12", "3.3"]),
    ("due 3 weeks", "Due from 15 Oct 2014 to 5 Nov 2014: 2 items", ["1.12", "3.3"]),
    ("due May 2015", "Due from 1 May 2015 to 31 May 2015: 2 items", ["2.6", "7.4"]),
])
def test_due_in_a_window(bot: Bot, text: str, header: str, refs: list[str]) -> None:
    reply = bot.ask(text, user="U1")
    assert headers(reply) == [header]
    assert refs_shown(reply) == refs


def test_due_in_a_window_with_nothing_in_it(bot: Bot) -> None:
    assert bot.ask("due 14 days")["text"] == "Nothing falls due from 15 Oct 2014 to 29 Oct 2014."


@pytest.mark.parametrize("window", ["soonish", "May", "14 fortnights"])
def test_due_with_a_window_it_cannot_read_says_so(bot: Bot, window: str) -> None:
    reply = bot.ask(f"due {window}", user="U1")
    assert reply["text"] == (f"I can't read “{window}” as a window. Try `/lscb due 14 days`, "
                             f"`/lscb due 6 weeks` or `/lscb due May 2014`.")
    assert len(reply["blocks"]) == 1


# --- action -----------------------------------------------------------------------------------


def test_action_shows_everything_about_one_action(bot: Bot) -> None:
    reply = bot.ask("action 2.3", user="U1")
    assert headers(reply) == ["Action 2.3"]
    assert section_texts(reply)[0].startswith("Continue to undertake S11 audits")
    details = section_texts(reply)[1].splitlines()
    assert details[:4] == ["*Theme:* 2. Quality Assurance and Performance Management",
                           "*Owner:* Policies and Procedures Subgroup",
                           "*When:* Annually → 31 Mar 2015", NOT_STARTED]


def test_action_shows_milestones_and_how_late_it_is(bot: Bot) -> None:
    reply = bot.ask("action 6.1.", user="U1")  # a trailing full stop is forgiven
    assert headers(reply) == ["Action 6.1"]
    milestones = section_texts(reply)[2].splitlines()
    assert milestones == [
        "*Milestones*",
        "⬜ 2011 annual report presented to the Board · July 2014 → 31 Jul 2014",
        "⬜ 2012 annual report presented to the Board · December 2014 → 31 Dec 2014",
        "⬜ 2013 annual report presented to the Board · March 2015 → 31 Mar 2015",
    ]
    assert "*When:* April 2014 → 30 Apr 2014 · *5 months overdue*" in bot.ask("action 1.1")[
        "text"]


def test_an_unknown_action_is_a_specific_error(bot: Bot) -> None:
    reply = bot.ask("action 99.9", user="U1")
    assert reply["text"].startswith("There is no action 99.9 in this plan.")
    assert len(reply["blocks"]) == 1
    near = bot.ask("action 2.99", user="U1")["text"]
    assert near == "There is no action 2.99 in this plan. Did you mean 2.1, 2.2, 2.3, 2.4, 2.5?"
    assert bot.ask("action", user="U1")["text"] == "Which action? Give its reference, e.g. `2.3`."


# --- owner, owners, theme ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "header"), [
    ("pmqa", "Performance Management and Quality Assurance Subgroup: 5 actions"),
    ("CDOP", "Child Death Overview Panel: 2 actions"),
    ("policy and procedure sub-group", "Policies and Procedures Subgroup: 4 actions"),
])
def test_owner_by_any_spelling_or_abbreviation(bot: Bot, name: str, header: str) -> None:
    reply = bot.ask(f"owner {name}", user="U1")
    assert headers(reply) == [header]
    assert len(refs_shown(reply)) == int(header.rsplit(": ", 1)[1].split()[0])
    assert contexts(reply)[0].endswith("· linked: nobody yet · channel: none")


def test_an_ambiguous_owner_lists_the_candidates(bot: Bot) -> None:
    reply = bot.ask("owner lscb", user="U1")
    assert reply["text"] == ("“lscb” could be any of: Chair; LSCB Business Group; LSCB Senior "
                             "Manager; LSCB Triage Programme Board. Be more specific.")


def test_an_unknown_or_missing_owner_is_refused(bot: Bot) -> None:
    assert bot.ask("owner nobody", user="U1")["text"] == (
        "No owner is called “nobody”. `/lscb owners` lists them all.")
    assert bot.ask("owner", user="U1")["text"].startswith("Which owner?")


def test_owners_lists_every_owner_with_people_and_channel(bot: Bot) -> None:
    reply = bot.ask("owners", user="U1")
    assert headers(reply) == ["Owners"]
    lines = "\n".join(section_texts(reply)).splitlines()
    assert len(lines) == 16
    assert "*Chair* (role) · 0 linked · no channel" in lines
    bot.ask("link <@U1> chair")
    bot.ask("link <@U2> chair")
    bot.ask("channel <#CCHAIR|chair-office> chair")
    assert "*Chair* (role) · 2 linked · <#CCHAIR>" in bot.ask("owners", user="U1")["text"]
    context = contexts(bot.ask("owner chair", user="U1"))[0]
    assert context == "Role · linked: <@U1>, <@U2> · channel: <#CCHAIR>"


def test_theme_lists_its_actions(bot: Bot) -> None:
    reply = bot.ask("theme 2", user="U1")
    assert headers(reply) == ["Theme 2: Quality Assurance and Performance Management"]
    assert refs_shown(reply) == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert bot.ask("theme 2.", user="U1") == reply


@pytest.mark.parametrize("args", ["12", "two", "", "-1"])
def test_a_theme_the_plan_does_not_have_lists_the_themes(bot: Bot, args: str) -> None:
    text = bot.ask(f"theme {args}", user="U1")["text"]
    assert text.startswith("Which theme? The plan has: 1 Leadership and Governance; 2 Quality")
    assert text.endswith("9 Health and Wellbeing of Children.")


# --- schedule ---------------------------------------------------------------------------------


def test_schedule_shows_the_next_working_days(bot: Bot) -> None:
    reply = bot.ask("schedule", user="U1")
    assert headers(reply) == ["Reporting planner"]
    assert ("SCR update to the LSCB → LSCB · next: 1 Dec 2014, 2 Feb 2015 · `scr-updates`"
            in reply["text"])
    assert contexts(reply) == ["Dates are the first working day of the month, 09:00 UK time."]


def test_only_an_admin_changes_a_cadence(bot: Bot) -> None:
    rule = "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1"
    refused = bot.ask(f"schedule set scr-updates {rule}", user="U1")
    assert refused["text"] == ("Only an admin can change the reporting schedule. Ask the "
                               "board's business manager.")
    assert "next: 1 Dec 2014, 2 Feb 2015 · `scr-updates`" in bot.ask("schedule")["text"]
    done = bot.ask(f"schedule set scr-updates {rule}")["text"]
    assert done == f"`scr-updates` now follows `{rule}`. Next: 2 Jan 2015, 1 Apr 2015, 1 Jul 2015."
    assert "next: 2 Jan 2015, 1 Apr 2015 · `scr-updates`" in bot.ask("schedule")["text"]


def test_a_sub_daily_reporting_rule_is_refused(bot: Bot) -> None:
    reply = bot.ask("schedule set scr-updates FREQ=HOURLY")
    assert "is not a recurrence rule" in reply["text"] or "daily" in reply["text"]
    assert "next: 1 Dec 2014, 2 Feb 2015 · `scr-updates`" in bot.ask("schedule")["text"]


# --- update and done --------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "badge"), [
    ("on-track", "🟢 on track"),
    ("green", "🟢 on track"),
    ("On_Track", "🟢 on track"),
    ("amber waiting for two agencies' returns", "🟠 at risk"),
    ("at-risk waiting for two agencies' returns", "🟠 at risk"),
    ("red no lead officer", "🔴 off track"),
    ("completed", "✅ complete"),
    ("done", "✅ complete"),
])
def test_update_understands_status_words(bot: Bot, words: str, badge: str) -> None:
    reply = bot.ask(f"update 2.5 {words}")  # 2.5 is due once (Feb 2015), not annually
    assert reply["text"] == f"*2.5* is now {badge} (was ⚪ not started)."
    assert status_of(bot, "2.5") == f"*Status:* {badge}"


@pytest.mark.parametrize(("text", "answer"), [
    ("update 2.3 purple", "“purple” is not a status. Use one of: not-started, on-track, "
                          "at-risk, off-track, complete."),
    ("update 2.3 amber", "Say why 2.3 is at-risk: `/lscb update 2.3 at-risk REASON`."),
    ("update 2.3 off-track", "Say why 2.3 is off-track: `/lscb update 2.3 off-track REASON`."),
    ("update 2.3", "Say which action and its new status, e.g. `/lscb update 2.3 at-risk "
                   "waiting for two agencies' returns`."),
    ("update 9.9 on-track", "There is no action 9.9 in this plan. Did you mean 9.1, 9.2, 9.3?"),
    ("done 9.9", "There is no action 9.9 in this plan. Did you mean 9.1, 9.2, 9.3?"),
])
def test_a_bad_update_is_refused_and_changes_nothing(bot: Bot, text: str, answer: str) -> None:
    assert bot.ask(text)["text"] == answer
    assert status_of(bot, "2.3") == NOT_STARTED
    assert "No changes yet." in bot.ask("history 2.3")["text"]


def test_done_on_an_annual_action_brings_it_round_next_year(bot: Bot) -> None:
    reply = bot.ask("done 1.13 review held")
    assert reply["text"] == ("*1.13* is now ✅ complete (was ⚪ not started). It is annual, so it "
                             "is due again on 31 Mar 2016.")
    detail = bot.ask("action 1.13")["text"]
    assert "*When:* Annually → 31 Mar 2016" in detail
    assert NOT_STARTED in detail
    assert "complete → not-started · annual: next due 31 Mar 2016" in detail
    assert "not-started → complete · review held" in detail


def test_done_takes_an_action_out_of_overdue(bot: Bot) -> None:
    assert bot.ask("done 1.1")["text"] == "*1.1* is now ✅ complete (was ⚪ not started)."
    reply = bot.ask("overdue chair")
    assert "*1.1*" not in reply["text"]
    assert headers(reply) == ["Overdue for Chair on 15 Oct 2014: 5 items"]


# --- challenges -------------------------------------------------------------------------------


def test_anyone_can_log_a_challenge_and_read_the_log(bot: Bot) -> None:
    logged = bot.ask("challenge 2.3 Why are two agencies' S11 returns late?", user="U5")
    assert logged["text"] == ("Challenge #1 logged on *2.3* for Policies and Procedures "
                              "Subgroup: “Why are two agencies' S11 returns late?”")
    log = bot.ask("challenges", user="U5")
    assert headers(log) == ["Challenge log: 1 challenge"]
    assert section_texts(log) == ["*#1* *2.3* 15 Oct 2014 <@U5>: Why are two agencies' S11 "
                                  "returns late? · _not yet answered_"]
    assert headers(bot.ask("challenges 2.3", user="U5")) == ["Challenge log on 2.3: 1 challenge"]
    assert bot.ask("challenges 1.1", user="U5")["text"] == "No challenges logged on 1.1 yet."
    assert "*Challenges*" in bot.ask("action 2.3")["text"]

    answered = bot.ask("answer 1 Both returns chased; due 30 Nov")["text"]
    assert answered == "Challenge #1 on *2.3* answered: “Both returns chased; due 30 Nov”"
    assert "↳ answered by <@UADMIN>: Both returns chased" in bot.ask("challenges")["text"]


def test_a_challenge_with_a_date_of_birth_is_refused_and_not_stored(bot: Bot) -> None:
    reply = bot.ask("challenge 2.3 child born 12/03/2009 was missed")
    assert reply["text"].startswith("I haven't saved that because it contains what looks like "
                                    "a date of birth. Nothing was stored.")
    assert bot.ask("challenges")["text"] == "No challenges logged yet."


def test_a_note_that_says_payload_is_a_command_like_any_other(bot: Bot) -> None:
    # bolt's parse_body took any form body with the word "payload" in it for an
    # interactivity payload, read it as empty, and the command was answered 404.
    reply = bot.ask("challenge 2.3 the payload of returns is late", user="U5")
    assert reply["text"].startswith("Challenge #1 logged on *2.3*")
    assert "the payload of returns is late" in bot.ask("challenges")["text"]


def test_a_challenge_needs_an_action_and_a_text(bot: Bot) -> None:
    assert bot.ask("challenge 2.3")["text"].startswith("Say which action and what the challenge")
    assert bot.ask("challenges")["text"] == "No challenges logged yet."


# --- link, unlink, channel --------------------------------------------------------------------


def test_an_admin_links_and_unlinks_people(bot: Bot) -> None:
    assert bot.ask("link <@U123|sam> pmqa")["text"] == (
        "<@U123> is now linked to Performance Management and Quality Assurance Subgroup.")
    assert bot.ask("link U123 pmqa")["text"].startswith("<@U123> was already linked to")
    assert bot.ask("link W0GUEST cdop")["text"] == (
        "<@W0GUEST> is now linked to Child Death Overview Panel.")
    assert "*2.1*" in bot.ask("mine", user="U123")["text"]

    assert bot.ask("unlink <@U123> pmqa")["text"] == (
        "<@U123> is no longer linked to Performance Management and Quality Assurance Subgroup.")
    assert bot.ask("unlink U123 pmqa")["text"].startswith("<@U123> was not linked to")
    assert "You are not linked" in bot.ask("mine", user="U123")["text"]


@pytest.mark.parametrize(("text", "answer"), [
    ("link sam chair", "Usage: `/lscb link @user OWNER`, e.g. `/lscb link @sam pmqa` or "
                       "`/lscb link sam.jones@council.gov.uk pmqa`"),
    ("link <@U1>", "Usage: `/lscb link @user OWNER`, e.g. `/lscb link @sam pmqa` or "
                   "`/lscb link sam.jones@council.gov.uk pmqa`"),
    ("unlink <@U1|sam>", "Usage: `/lscb unlink @user OWNER`, e.g. `/lscb unlink @sam pmqa` "
                         "or `/lscb unlink sam.jones@council.gov.uk pmqa`"),
    ("channel general pmqa",
     "Usage: `/lscb channel #channel OWNER`, e.g. `/lscb channel #pmqa pmqa`"),
    ("link <@U1> lscb", "“lscb” could be any of: Chair; LSCB Business Group; LSCB Senior "
                        "Manager; LSCB Triage Programme Board. Be more specific."),
])
def test_link_usage_errors(bot: Bot, text: str, answer: str) -> None:
    assert bot.ask(text)["text"] == answer
    assert "0 linked · no channel" in bot.ask("owners")["text"]
    assert " linked · <#" not in bot.ask("owners")["text"]
    assert "· 1 linked ·" not in bot.ask("owners")["text"]


def test_an_admin_gives_an_owner_a_channel(bot: Bot, fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("C42", "pmqa-group")  # public; the bot is not in it yet
    assert bot.ask("channel <#C42|pmqa-group> pmqa")["text"] == (
        "Performance Management and Quality Assurance Subgroup will hear its nudges and "
        "reminders in <#C42>.")
    assert fake_slack.workspace.conversations["C42"].member  # joined, so it can read history
    assert contexts(bot.ask("owner pmqa"))[0].endswith("channel: <#C42>")


def test_a_private_channel_the_bot_is_not_in_is_linked_with_a_warning(
        bot: Bot, fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("G43", "pmqa-private", private=True)
    text = bot.ask("channel G43 pmqa")["text"]
    assert text.startswith("Performance Management and Quality Assurance Subgroup will hear "
                           "its nudges and reminders in <#G43>.\n⚠️ Not yet, though:")
    assert "`/invite @lscb`" in text
    assert not fake_slack.workspace.conversations["G43"].member
    assert contexts(bot.ask("owner pmqa"))[0].endswith("channel: <#G43>")
    fake_slack.invite("G43")
    assert "Not yet" not in bot.ask("channel G43 pmqa")["text"]


# --- permissions ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["link <@U2> chair", "unlink <@U1> chair",
                                  "channel <#C9> chair", "approvals", "approve 1"])
def test_a_member_cannot_use_admin_subcommands(bot: Bot, text: str) -> None:
    bot.ask("link <@U1> chair")
    word = text.split()[0]
    reply = bot.ask(text, user="U2")
    assert reply["text"] == f"Only an admin can use `{word}`. Ask the board's business manager."
    assert reply["response_type"] == "ephemeral"
    owners = bot.ask("owners")["text"]
    assert "*Chair* (role) · 1 linked · no channel" in owners
    assert "You are not linked" in bot.ask("mine", user="U2")["text"]


@pytest.mark.parametrize("text", ["update 2.3 on-track", "done 2.3", "update 2.3 red no lead",
                                  "done 2.3 all finished"])
def test_someone_not_linked_to_the_owner_cannot_change_an_action(bot: Bot, text: str) -> None:
    bot.ask("link <@U1> chair")  # linked, but not to Policies and Procedures
    for user in ("U1", "U3"):
        reply = bot.ask(text, user=user)
        assert reply["text"] == ("Only people linked to Policies and Procedures Subgroup, or an "
                                 "admin, can change 2.3. If that's you, ask an admin to link "
                                 "you.")
    detail = bot.ask("action 2.3")["text"]
    assert NOT_STARTED in detail
    assert "*Latest updates*" not in detail
    assert "No changes yet." in bot.ask("history 2.3")["text"]


def test_someone_linked_to_the_owner_can_change_an_action(bot: Bot) -> None:
    bot.ask("link <@U2> policy")
    reply = bot.ask("update 2.3 amber two returns late", user="U2")
    assert reply["text"] == "*2.3* is now 🟠 at risk (was ⚪ not started)."
    detail = bot.ask("action 2.3", user="U9")["text"]
    assert "*Status:* 🟠 at risk" in detail
    assert "<@U2>: not-started → at-risk · two returns late" in detail
    assert "*2.3* is now ✅ complete" in bot.ask("done 2.3", user="U2")["text"]


def test_an_admin_can_change_any_action(bot: Bot) -> None:
    assert bot.ask("update 7.1 on-track")["text"].startswith("*7.1* is now 🟢 on track")
    assert bot.ask("done 9.3")["text"].startswith("*9.3* is now ✅ complete")
    assert status_of(bot, "9.3") == "*Status:* ✅ complete"


# --- escaping ---------------------------------------------------------------------------------

# As Slack sends it (should_escape: true): someone typed "@channel ping @U999 and @here see"
# a pasted link, "& more", and literally "<!here>" (which Slack escapes).
# https://api.slack.com/reference/surfaces/formatting#escaping
HOSTILE = ("<!channel> ping <@U999> and <!here> see <https://evil.example|click> &amp; more "
           "&lt;!here&gt;")
RAW = ("<!channel>", "<!here>", "<@U999>", "<https://evil", "<!")
ESCAPED = ("@channel ping @U999 and @here", "click (https://evil.example)", "&amp; more",
           "&lt;!here&gt;")
BARE_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;)")


def assert_escaped(reply: JSON) -> None:
    texts = [reply["text"], *block_texts(reply["blocks"])]
    for text in texts:
        for raw in RAW:
            assert raw not in text, (raw, text)
    mrkdwn = [t for t in block_texts(reply["blocks"]) if t not in headers(reply)]
    for text in mrkdwn:
        assert not BARE_AMPERSAND.search(text), text
    shown = "\n".join(texts)
    for escaped in ESCAPED:
        assert escaped in shown, (escaped, shown)


def test_typed_text_comes_back_escaped_everywhere(bot: Bot) -> None:
    bot.ask("link <@U2> policy")
    noted = bot.ask(f"update 2.3 amber {HOSTILE}", user="U2")
    assert noted["text"].startswith("*2.3* is now 🟠 at risk")
    replies = [
        bot.ask(f"challenge 2.3 {HOSTILE}", user="U5"),
        bot.ask("challenges", user="U5"),
        bot.ask("challenges 2.3", user="U5"),
        bot.ask("action 2.3", user="U5"),
        bot.ask("history 2.3", user="U5"),
    ]
    bot.ask(f"answer 1 {HOSTILE}", user="U2")
    replies.append(bot.ask("challenges"))
    for reply in replies:
        assert_escaped(reply)
    report = bot.ask("report")
    assert "@channel ping @U999" in everything(report)
    assert "<!channel>" not in everything(report) and "<@U999>" not in everything(report)


@pytest.mark.parametrize("text", [f"owner {HOSTILE}", f"overdue {HOSTILE}", f"due {HOSTILE}",
                                  f"{HOSTILE}", f"update 2.3 {HOSTILE}", f"action {HOSTILE}",
                                  f"theme {HOSTILE}", f"link <@U1> {HOSTILE}"])
def test_hostile_text_in_errors_is_escaped_too(bot: Bot, text: str) -> None:
    reply = bot.ask(text)
    for piece in [reply["text"], *block_texts(reply["blocks"])]:
        for raw in RAW:
            assert raw not in piece, (raw, piece)


# --- request verification ---------------------------------------------------------------------


def post_unsigned(bot: Bot, text: str) -> tuple[int, str]:
    body = urlencode({"command": "/lscb", "text": text, "user_id": ADMIN, "team_id": "T0001",
                      "channel_id": "C1", "response_url": "", "trigger_id": "1.2.3"})
    request = Request(bot.url, data=body.encode(), method="POST",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


def post_tampered(bot: Bot, text: str) -> tuple[int, str]:
    """A genuine signature for `/lscb owners`, sent with a different body."""
    stamp = str(int(time.time()))
    signed = urlencode({"command": "/lscb", "text": "owners", "user_id": ADMIN})
    sent = urlencode({"command": "/lscb", "text": text, "user_id": ADMIN})
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=signed)
    request = Request(bot.url, data=sent.encode(), method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature or ""})
    try:
        with urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


ATTACKS = {
    "unsigned": post_unsigned,
    "forged": lambda bot, text: bot.send(text, secret_override="not-the-secret"),
    "stale": lambda bot, text: bot.send(text, timestamp=int(time.time()) - 6 * 60),
    "tampered": post_tampered,
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_request_not_signed_by_slack_gets_401_and_changes_nothing(bot: Bot,
                                                                    attack: str) -> None:
    for text in ("done 1.1", "link <@U66> chair", "challenge 1.1 forged", "help"):
        status, body = ATTACKS[attack](bot, text)
        assert status == 401, (attack, text, body)
        assert "complete" not in str(body) and "linked" not in str(body)
    assert status_of(bot, "1.1") == NOT_STARTED
    assert "*Chair* (role) · 0 linked · no channel" in bot.ask("owners")["text"]
    assert bot.ask("challenges")["text"] == "No challenges logged yet."


def test_a_request_signed_four_minutes_ago_is_still_accepted(bot: Bot) -> None:
    status, body = bot.send("done 1.1", timestamp=int(time.time()) - 4 * 60)
    assert status == 200
    assert isinstance(body, dict) and body["text"].startswith("*1.1* is now ✅ complete")


# --- health and failures ----------------------------------------------------------------------


def test_healthz_answers_ok_while_the_server_is_young(bot: Bot) -> None:
    code, body = bot.get("/healthz")  # no scheduler here: no cycle has run
    assert (code, json.loads(body)["status"]) == (200, "starting")


def test_an_unexpected_error_gets_a_plain_apology_not_a_stack_trace(
        bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    assert "*Chair*" in bot.ask("overdue")["text"]
    with sqlite3.connect(bot.db_path) as connection:  # break the database under the app
        connection.execute("DROP TABLE actions")
    status, body = bot.send("overdue chair")  # not "overdue": its reply is cached
    assert status == 200
    assert body == {"response_type": "ephemeral", "text": SORRY}
    assert SORRY.startswith("Sorry, something went wrong")
    assert "Traceback" not in SORRY and "actions" not in SORRY
    assert any(r.name == "lscb" and r.exc_info for r in caplog.records)
    assert bot.ask("help")["text"].startswith("/lscb: the business plan in Slack")  # still up


# --- Block Kit limits on a plan of 500 actions ------------------------------------------------

MORE = re.compile(r"^… and (\d+) more not shown\. Narrow it down: `(/lscb [^`]+)`\.$")


@pytest.mark.parametrize(("text", "header", "total", "narrower"), [
    ("overdue", "Overdue on 15 Oct 2014: 500 items", 500, "/lscb overdue OWNER"),
    ("mine", "Your actions (500)", 500, "/lscb overdue OWNER"),
    ("due 3650 days", "Due from 15 Oct 2014 to 12 Oct 2024: 500 items", 500, "/lscb due 7 days"),
    ("due May 2014", "Due from 1 May 2014 to 31 May 2014: 500 items", 500, "/lscb due 7 days"),
    ("owner chair", "Chair: 500 actions", 500, "/lscb action REF"),
    ("theme 1", "Theme 1: Leadership and Governance", BIG_THEME_ONE, "/lscb action REF"),
])
def test_long_replies_stay_inside_block_kit_limits(big_bot: Bot, text: str, header: str,
                                                   total: int, narrower: str) -> None:
    reply = big_bot.ask(text, user="UCHAIR")  # ask() checks every block with Block.parse too
    assert len(reply["blocks"]) <= 50
    assert sum(len(t) for t in block_texts(reply["blocks"])) <= MAX_BLOCK_TEXT
    assert headers(reply) == [header]
    assert all(len(s) <= 3000 for s in section_texts(reply))
    assert 0 < len(reply["text"]) <= 3000
    last = reply["blocks"][-1]
    assert last["type"] == "context"
    match = MORE.match(last["elements"][0]["text"])
    assert match, last
    shown = refs_shown(reply)
    assert len(shown) == len(set(shown)) > 10
    assert int(match[1]) == total - len(shown)
    assert match[2] == narrower


def test_the_narrower_command_it_suggests_works(big_bot: Bot) -> None:
    reply = big_bot.ask("due 7 days", user="UCHAIR")
    assert reply["text"] == "Nothing falls due from 15 Oct 2014 to 22 Oct 2014."


def test_the_left_out_count_counts_actions_not_headings(big_bot: Bot) -> None:
    assert "is now ✅ complete" in big_bot.ask("done 1.1", user="UCHAIR")["text"]
    reply = big_bot.ask("mine", user="UCHAIR")
    assert headers(reply) == ["Your actions (500)"]
    match = MORE.match(reply["blocks"][-1]["elements"][0]["text"])
    assert match
    assert int(match[1]) == BIG_PLAN_ACTIONS - len(refs_shown(reply))


# --- the other subcommands, briefly ----------------------------------------------------------


def test_report_can_be_shared_in_the_channel(bot: Bot) -> None:
    private = bot.ask("report")
    assert private["response_type"] == "ephemeral"
    assert headers(private) == ["Business plan monitoring: Q3 2014/15 (Oct–Dec 2014)"]
    assert "Only admins and people linked" in bot.ask("report --share", user="U1")["text"]
    bot.ask("link <@U1> chair")
    shared = bot.ask("report --share", user="U1")
    assert shared["response_type"] == "in_channel"
    assert shared["blocks"] == private["blocks"]


def test_move_waits_for_an_admin_then_approve_moves_it(bot: Bot) -> None:
    bot.ask("link <@U2> policy")
    asked = bot.ask("move 2.5 2015-06-30 survey supplier delayed", user="U2")["text"]
    assert asked == ("Request #1: move *2.5* from 28 Feb 2015 to 30 Jun 2015. It waits for an "
                     "admin's approval.")
    assert "Waiting for approval: 1" in bot.ask("approvals")["text"]
    assert bot.ask("approve 1")["text"] == ("Request #1 for *2.5* approved: it is now due "
                                            "30 Jun 2015.")
    assert "(re-baselined; originally 28 Feb 2015)" in bot.ask("action 2.5")["text"]


def test_risk_log_add_and_list(bot: Bot) -> None:
    added = bot.ask("risk add likelihood=4 impact=3 owner=pmqa actions=2.3 Late S11 returns")
    assert added["text"] == "Risk R1 logged: Late S11 returns · L4×I3=12 · threatens 2.3"
    assert headers(bot.ask("risk list", user="U1")) == ["Risk log: 1 open risk"]


def test_moving_an_annual_action_reports_the_date_it_had(bot: Bot) -> None:
    assert bot.ask("move 2.3 2015-06-30 auditors late")["text"] == (
        "*2.3* is now due 30 Jun 2015 (originally 31 Mar 2015).")
