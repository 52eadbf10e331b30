"""Over Slack as Slack sends it: an action with no readable date is never hidden."""

from __future__ import annotations

import json

from tests.e2e.conftest import SECRET, Bot, block_texts
from tests.fakeslack import FakeSlack, Mention, signed_event, slack_text


def everything(reply: dict[str, object]) -> str:
    return "\n".join([str(reply["text"]), *block_texts(reply["blocks"])])  # type: ignore[arg-type]


def test_overdue_and_undated_answer_honestly_over_http(undated_bot: Bot) -> None:
    plan = everything(undated_bot.ask(slack_text("overdue")))
    assert "2 open actions have no date I can read" in plan
    triage = everything(undated_bot.ask(slack_text("overdue triage")))
    assert "nothing is overdue" not in triage.lower()
    assert "Nothing with a date I can read is overdue for LSCB Triage Programme Board" in triage
    listed = everything(undated_bot.ask(slack_text("undated")))
    assert "No date I can read: 2 actions" in listed
    assert "“_to be agreed with partners_”" in listed and "*3.3*" in listed


def test_my_actions_lists_the_undated_for_a_linked_person(undated_bot: Bot) -> None:
    linked = undated_bot.ask(slack_text("link ", Mention("UNEGLECT", "sam"), " neglect"))
    assert "now linked to Neglect Subgroup" in linked["text"]
    mine = everything(undated_bot.ask(slack_text("my-actions"), user="UNEGLECT"))
    assert "*No date I can read* (1)" in mine and "*8.1*" in mine


def test_the_app_home_counts_the_undated_over_http(undated_bot: Bot,
                                                   fake_slack: FakeSlack) -> None:
    undated_bot.ask(slack_text("link ", Mention("UTRIAGE", "kim"), " triage"))
    status, _ = signed_event(undated_bot.url, SECRET, {
        "type": "app_home_opened", "user": "UTRIAGE", "channel": "D1", "tab": "home"})
    assert status == 200
    [view] = [c.params["view"] for c in fake_slack.calls("views.publish")
              if c.params["user_id"] == "UTRIAGE"][-1:]
    text = json.dumps(view, ensure_ascii=False)
    assert "Nothing of yours with a date I can read is overdue." in text
    assert "1 open action has no date I can read" in text
