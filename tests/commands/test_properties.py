"""Properties of `commands.dispatch` for any text and any caller.

Whatever follows `/lscb`, dispatch answers with a Reply Slack accepts (non-empty fallback text,
at most 50 blocks, sections of at most 3,000 characters, headers of at most 150) and never
lets typed text ping a channel, mention someone or forge a link.

The sample plan is imported once for the module; every example runs in its own unit of work
that is rolled back, so examples cannot see each other's changes.

Inputs that once crashed dispatch are pinned by the regression tests at the end; should a
new crash be found, list it in `KNOWN_CRASHES` (exception type, message) with a failing test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.slack_text import typed
from commands import Caller, Context
from commands.render_blocks import Reply, to_reply
from commands.slash import SUBCOMMANDS, dispatch
from storage.database import Database
from storage.importer import import_plan
from storage.planfiles import SAMPLE_PLAN, read_plan_file
from storage.repository import PlanRepository
from tests.fakeslack import check_blocks

NOW = datetime(2014, 10, 15, 11, 0, tzinfo=UTC)
IMPORTED_AT = datetime(2014, 4, 1, 9, 0, tzinfo=UTC)
LINKED_USER, LINKED_CHANNEL = "ULINKED", "CPMQA"
SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Crashes pinned by tests below while they are being fixed: (exception type, message pattern).
KNOWN_CRASHES: tuple[tuple[type[Exception], re.Pattern[str]], ...] = ()


@pytest.fixture(scope="module")
def plan_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The sample plan, with one person and one channel linked; created once per module."""
    path: Path = tmp_path_factory.mktemp("properties") / "lscb.sqlite3"
    database = Database(f"sqlite:///{path}")
    with database.committed() as session:
        import_plan(session, read_plan_file(SAMPLE_PLAN), "test", IMPORTED_AT)
        repo = PlanRepository.for_team(session)
        for owner in ("chair", "policy"):
            repo.link_user(LINKED_USER, repo.resolve_owner(owner), "test", IMPORTED_AT)
        repo.link_channel(LINKED_CHANNEL, repo.resolve_owner("pmqa"), "test", IMPORTED_AT)
    yield database
    database.dispose()


def answer(database: Database, caller: Caller, text: str) -> Reply:
    """What Slack sends, through the edge and dispatch, in a unit of work never committed."""
    with database.unit_of_work() as session:
        context = Context(PlanRepository.for_team(session), NOW, caller)
        return to_reply(dispatch(context, typed(text)))


def answer_or_reject_known_crash(database: Database, caller: Caller, text: str) -> Reply:
    try:
        return answer(database, caller, text)
    except (ValueError, OverflowError) as error:
        if any(isinstance(error, kind) and pattern.search(str(error))
               for kind, pattern in KNOWN_CRASHES):
            reject()  # pinned by a test below
        raise


# --- strategies ------------------------------------------------------------------------------

HOSTILE = ["<!channel>", "<!here>", "<!everyone>", "<@U999>", "<@UEVIL|the boss>", "<#C666>",
           "<#C666|general>", "<https://evil.example|click here>", "<mailto:x@evil.example>",
           "<!subteam^S123>", "<!date^1392734382^{date}|x>", "&", "&amp;", "&lt;", "<", ">",
           "*", "_", "~", "`", "```", "\x00", "\x1b[31m", "\r\n", "\t", "\u202e", "\u200b",
           "🎉", "👩‍👩‍👧", "ß", "İ", "２", "#", "@here", "@channel"]
WORDS = ["1.1", "2.3", "6.1", "1.13", "9.3", "99.9", "2.", ".", "pmqa", "chair", "lscb",
         "case review", "cdop", "on-track", "amber", "red", "complete", "done", "purple",
         "May 2015", "Sept 2014", "14 days", "6 weeks", "next 3 d", "Q2 2014/15", "--share",
         "set", "scr-updates", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1", "add", "list", "close",
         "likelihood=4", "impact=3", "owner=pmqa", "actions=2.3,2.4", "1", "0", "-1", "#1",
         "2015-06-30", "Mar-2015", "<@U123>", "U123", "<#C123|x>", "C123", "W0GUEST"]
NAMES = [*sorted({n for s in SUBCOMMANDS.values() for n in (s.name, *s.aliases)}),
         "help", "?", "-h", "--help", ""]

piece = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.integers(min_value=-(10**3), max_value=10**30).map(str),
)
huge = st.builds(lambda unit, times: unit * times,
                 st.sampled_from(HOSTILE) | st.text(min_size=1, max_size=4),
                 st.integers(min_value=500, max_value=5000))
arguments = st.builds(
    lambda parts, glue: glue.join(parts),
    st.lists(piece, max_size=6) | st.lists(piece | huge, min_size=1, max_size=3),
    st.sampled_from([" ", "  ", "\n", "\t", " \u00a0"]),
)
subcommand_text = st.builds(
    lambda name, case, args: f"{case(name)} {args}",
    st.sampled_from(NAMES),
    st.sampled_from([str, str.upper, str.title]),
    arguments,
)
callers = st.builds(Caller, st.sampled_from(["UADMIN", LINKED_USER, "UNOBODY", "W0GUEST"]),
                    st.booleans())


# --- what every reply must satisfy -----------------------------------------------------------

# Anything Slack treats as markup: <@user>, <#channel>, <!special>, <url|label>.
ANGLE = re.compile(r"<([^<>]*)>")
MENTION = re.compile(r"^([@#])([UWCG][A-Z0-9]+)$")
BARE_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;)")
_ADMIN_TARGET = {"link": "@", "unlink": "@", "channel": "#"}


def texts_of(reply: Reply) -> list[str]:
    texts = [reply.text]
    for block in reply.blocks:
        if isinstance(block.get("text"), dict):
            texts.append(block["text"]["text"])
        texts += [e["text"] for e in block.get("elements") or []
                  if isinstance(e.get("text"), str)]
    return texts


def mrkdwn_of(reply: Reply) -> list[str]:
    texts = [b["text"]["text"] for b in reply.blocks if b["type"] == "section"]
    return texts + [e["text"] for b in reply.blocks if b["type"] == "context"
                    for e in b["elements"]]


def allowed_mentions(caller: Caller, text: str) -> set[str]:
    """Mentions the bot may write: the caller, whoever the fixture linked, and the person or
    channel an admin's link/unlink/channel names (which the bot rebuilds from a bare id)."""
    allowed = {f"@{caller.user_id}", f"@{LINKED_USER}", f"#{LINKED_CHANNEL}"}
    words = text.split(maxsplit=2)
    if caller.is_admin and len(words) > 1 and words[0].lower() in _ADMIN_TARGET:
        sigil = _ADMIN_TARGET[words[0].lower()]
        target = re.match(rf"^<{sigil}([UWCG][A-Z0-9]+)(?:\|[^>]*)?>$|^([UWCG][A-Z0-9]{{2,}})$",
                          words[1])
        if target:
            allowed.add(sigil + (target[1] or target[2]))
    return allowed


def assert_slack_accepts(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert reply.text.strip(), reply
    assert len(reply.text) <= 3000
    assert 1 <= len(reply.blocks) <= 50
    assert check_blocks(reply.blocks, 50) == []
    for block in reply.blocks:
        assert Block.parse(block) is not None
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= 3000
        elif block["type"] == "header":
            assert 0 < len(block["text"]["text"]) <= 150


def assert_no_markup_from_input(reply: Reply, caller: Caller, text: str) -> None:
    allowed = allowed_mentions(caller, text)
    for shown in texts_of(reply):
        assert "<!" not in shown, shown
        for inside in ANGLE.findall(shown):
            mention = MENTION.match(inside)
            assert mention and inside in allowed, (inside, shown[:300])
    for shown in mrkdwn_of(reply):
        # Every & is escaping's own, except where a clipped line ends (see the test below).
        for match in BARE_AMPERSAND.finditer(shown):
            assert shown.endswith("…") and match.start() >= len(shown) - 6, shown[-300:]


def check(database: Database, caller: Caller, text: str) -> Reply:
    reply = answer_or_reject_known_crash(database, caller, text)
    assert_slack_accepts(reply)
    assert_no_markup_from_input(reply, caller, text)
    return reply


# --- the properties --------------------------------------------------------------------------


@SETTINGS
@given(text=st.text(), caller=callers)
@example(text="", caller=Caller("UNOBODY"))
@example(text="<!channel>", caller=Caller("UADMIN", True))
def test_any_text_gets_a_reply_slack_accepts(plan_database: Database, text: str,
                                             caller: Caller) -> None:
    check(plan_database, caller, text)


@SETTINGS
@given(text=subcommand_text, caller=callers)
@example(text="challenge 2.3 <!channel> <@U999> <https://evil|click> & co", caller=Caller("U1"))
@example(text="owner <!here>", caller=Caller("U1"))
@example(text="link <@U999> <!channel>", caller=Caller("UADMIN", True))
@example(text="link <@U999|x> chair", caller=Caller("UADMIN", True))
@example(text="update 1.1 on-track " + "<!here>" * 140, caller=Caller("UADMIN", True))
@example(text="challenge 1.1 " + "&" * 999, caller=Caller(LINKED_USER))
@example(text="overdue " + "<@U999>" * 5000, caller=Caller("U1"))
def test_any_subcommand_with_any_arguments_gets_a_reply_slack_accepts(
        plan_database: Database, text: str, caller: Caller) -> None:
    check(plan_database, caller, text)


@SETTINGS
@given(name=st.sampled_from(sorted(SUBCOMMANDS)), caller=callers)
def test_every_subcommand_without_arguments_answers(plan_database: Database, name: str,
                                                    caller: Caller) -> None:
    reply = check(plan_database, caller, name)
    if SUBCOMMANDS[name].admin_only and not caller.is_admin:
        assert reply.is_error and f"Only an admin can use `{name}`" in reply.text


def test_examples_are_rolled_back(plan_database: Database) -> None:
    admin = Caller("UADMIN", True)
    assert "now ✅ complete" in answer(plan_database, admin, "done 1.1").text
    assert "*Status:* ⚪ not started" in answer(plan_database, admin, "action 1.1").text
    assert "No challenges logged yet." in answer(plan_database, admin, "challenges").text


# --- crashes these properties found, now fixed ------------------------------------------------


@pytest.mark.parametrize("text", ["theme ²", "answer ² thanks", "approve ²", "reject ³",
                                  "risk close ²", "risk add likelihood=² impact=3 late returns"])
def test_superscript_digits_are_refused_not_crashed_on(plan_database: Database,
                                                       text: str) -> None:
    reply = answer(plan_database, Caller("UADMIN", True), text)
    assert reply.is_error


@pytest.mark.parametrize("text", ["answer 99999999999999999999 thanks",
                                  "approve 99999999999999999999",
                                  "risk close 99999999999999999999"])
def test_huge_numbers_are_refused_not_crashed_on(plan_database: Database, text: str) -> None:
    reply = answer(plan_database, Caller("UADMIN", True), text)
    assert reply.is_error


@pytest.mark.parametrize("text", ["due May 0000", "report Q1 0000", "report Q4 9999",
                                  "report 9999/00 Q4", "move 1.1 Dec-0000 far back"])
def test_impossible_years_are_refused_not_crashed_on(plan_database: Database,
                                                     text: str) -> None:
    reply = answer(plan_database, Caller("UADMIN", True), text)
    assert reply.is_error


def test_a_far_date_is_refused_so_annual_rolls_stay_in_range(plan_database: Database) -> None:
    admin = Caller("UADMIN", True)
    with plan_database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), NOW, admin)
        moved = to_reply(dispatch(ctx, "move 1.13 9999-12-31 far future"))
        assert moved.is_error and "far outside this plan" in moved.text
        assert "due again on 31 Mar 2016" in to_reply(dispatch(ctx, "done 1.13")).text


def test_clipping_never_splits_an_escaped_entity(plan_database: Database) -> None:
    reply = answer(plan_database, Caller(LINKED_USER), "challenge 1.1 " + "&" * 999)
    for shown in [*mrkdwn_of(reply), reply.text]:
        assert not BARE_AMPERSAND.search(shown), shown[-40:]
