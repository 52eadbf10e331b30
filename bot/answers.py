"""One `/lscb` command, start to finish: a unit of work, the caller, the reply."""

from __future__ import annotations

from bot.config import Settings
from commands import Caller, Context, Reply, dispatch
from commands.layout import simple
from storage.database import Database
from storage.errors import NoPlan, OwnerNotFound
from storage.repository import PlanRepository


def answer(database: Database, settings: Settings, *, user_id: str, text: str,
           team_id: str | None = None, acting_as: tuple[str, ...] | None = None,
           is_admin: bool | None = None) -> Reply:
    """Answer `/lscb text` for a caller; a refused command leaves the database as it was."""
    admin = user_id in settings.admins if is_admin is None else is_admin
    with database.unit_of_work() as session:
        try:
            repo = PlanRepository.for_team(session, team_id)
        except NoPlan as error:
            return simple(str(error))
        context = Context(repo, settings.now(), Caller(user_id, admin, acting_as),
                          settings.timezone)
        try:
            reply = dispatch(context, text)
        except OwnerNotFound as error:
            session.rollback()
            return simple(f"You are acting as an owner this plan does not have: {error}")
        if reply.is_error:
            session.rollback()
        return reply
