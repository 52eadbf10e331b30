"""`/lscb calendar`: the caller's own links, answered only to them, and they open."""

from __future__ import annotations

import re

from tests.fakeslack import signed_slash_command
from tests.slackapp import ADMIN, SIGNING_SECRET
from tests.web.conftest import Board


def ask(board: Board, text: str, user: str) -> dict[str, object]:
    status, reply = signed_slash_command(f"{board.root}/slack/events", SIGNING_SECRET,
                                         text=text, user_id=user)
    assert status == 200 and isinstance(reply, dict)
    return reply


def test_a_linked_caller_gets_their_own_feed_and_page(board: Board) -> None:
    assert "now linked" in str(ask(board, "link <@U1|sam> chair", ADMIN)["text"])
    reply = ask(board, "calendar", "U1")
    assert reply.get("response_type", "ephemeral") == "ephemeral"
    text = str(reply["text"])
    assert "Chair" in text and "the whole plan" not in text
    feed = re.search(r"https://lscb\.example\.org(/calendar/[\w-]{43}\.ics)", text)
    page = re.search(r"https://lscb\.example\.org(/board/[\w-]{43})", text)
    assert feed and page and feed[1] == f"/calendar/{board.chair_token}.ics"
    assert board.get(feed[1])[0] == 200 and board.get(page[1])[0] == 200


def test_an_unlinked_caller_is_told_how_to_get_a_calendar(board: Board) -> None:
    text = str(ask(board, "calendar", "U9")["text"])
    assert "not linked to any role or subgroup" in text and "/calendar/" not in text


def test_an_admin_also_gets_the_whole_plans_links(board: Board) -> None:
    text = str(ask(board, "calendar", ADMIN)["text"])
    assert "the whole plan" in text and f"/board/{board.plan_token}" in text
