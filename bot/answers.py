"""One request from Slack, start to finish: a unit of work, the caller, the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bot.config import Settings
from bot.reply_cache import ReplyCache
from commands import Caller, CommandError, Context, Reply, dispatch
from commands.layout import simple
from commands.registry import only_reads
from storage.database import Database
from storage.errors import NoPlan, OwnerNotFound
from storage.repository import PlanRepository, active_plan_mark

T = TypeVar("T")


class Refused(Exception):
    """The request changed nothing; its message is for the user."""


def in_context(database: Database, settings: Settings, work: Callable[[Context], T], *,
               user_id: str, team_id: str | None = None,
               acting_as: tuple[str, ...] | None = None, is_admin: bool | None = None) -> T:
    """Run `work` for a caller in one unit of work; a CommandError rolls it back as Refused."""
    admin = settings.is_admin(user_id, is_admin)
    with database.unit_of_work() as session:
        try:
            repo = PlanRepository.for_team(session, team_id)
            context = Context(repo, settings.now(), Caller(user_id, admin, acting_as),
                              settings.timezone)
            return work(context)
        except (CommandError, NoPlan) as error:
            session.rollback()
            raise Refused(str(error)) from error
        except OwnerNotFound as error:
            session.rollback()
            raise Refused(f"You are acting as an owner this plan does not have: {error}") \
                from error


def answer(database: Database, settings: Settings, *, user_id: str, text: str,
           team_id: str | None = None, acting_as: tuple[str, ...] | None = None,
           is_admin: bool | None = None, cache: ReplyCache | None = None) -> Reply:
    """Answer `/lscb text`; a refused command leaves the database as it was."""

    def dispatched(context: Context) -> Reply:
        reply = dispatch(context, text)
        if reply.is_error:
            raise _RefusedReply(reply)
        return reply

    def build() -> Reply:
        try:
            return in_context(database, settings, dispatched, user_id=user_id,
                              team_id=team_id, acting_as=acting_as, is_admin=is_admin)
        except _RefusedReply as refused:
            return refused.reply
        except Refused as error:
            return simple(str(error))

    if cache is None or not only_reads(text):
        return build()
    with database.unit_of_work() as session:
        mark = active_plan_mark(session, team_id)
    key = (mark, settings.local_date(), user_id, settings.is_admin(user_id, is_admin), acting_as,
           " ".join(text.split()))
    return cache.answer(key, build) if mark else build()


class _RefusedReply(Exception):
    """Carries a refusal reply out of the unit of work, which then rolls back."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.text)
        self.reply = reply
