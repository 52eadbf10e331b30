"""Over Slack as Slack sends it: an action with no readable date is never hidden."""

from __future__ import annotations

from tests.e2e.conftest import Bot, block_texts
from tests.fakeslack import Mention, slack_text


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
