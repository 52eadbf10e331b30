"""Cached replies are reused only while nothing they were built from has changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.answers import Asker, answer
from bot.config import Settings
from bot.reply_cache import ReplyCache
from commands.render_blocks import Reply, to_reply
from storage.database import Database


def test_a_read_only_reply_is_reused_until_the_plan_changes(sample_database: Database) -> None:
    settings = Settings(database_url=sample_database.url, admins=frozenset({"UADMIN"}),
                        today=date(2014, 10, 15))
    cache: ReplyCache[Reply] = ReplyCache()

    def ask(text: str, user: str = "UADMIN", day: Settings = settings) -> Reply:
        return answer(sample_database, day, Asker(user), text, to_reply, cache)

    first = ask("overdue chair")
    assert ask("overdue chair") is first
    assert ask("overdue  chair") is first
    assert ask("overdue chair", user="U2") is not first
    assert ask("overdue chair", day=replace(settings, today=date(2014, 10, 16))) is not first
    assert "is now ✅ complete" in ask("done 1.1").text  # a change: never cached
    after = ask("overdue chair")
    assert after is not first and "*1.1*" in first.text and "*1.1*" not in after.text


def test_commands_that_change_the_plan_always_run(sample_database: Database) -> None:
    settings = Settings(database_url=sample_database.url, admins=frozenset({"UADMIN"}),
                        today=date(2014, 10, 15))
    cache: ReplyCache[Reply] = ReplyCache()
    replies = [answer(sample_database, settings, Asker("UADMIN"), "challenge 2.3 Why late?",
                      to_reply, cache).text for _ in range(2)]
    assert replies[0] != replies[1]  # two challenges, #1 and #2
