"""One request, start to finish: who asks, a unit of work, the answer rendered for them."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.config import Settings
from bot.reply_cache import ReplyCache
from commands import Caller, CommandError, Context
from commands.context import SlackSide
from commands.page import Line, Page, line, plain
from commands.slash import Part, dispatch, only_reads
from commands.slash.registry import help_page, is_help, refusal
from storage.database import Database, Session
from storage.errors import NoPlan, OwnerNotFound
from storage.repository import PlanRepository, active_plan_mark
from storage.workspaces import plan_named

T = TypeVar("T")


class Refused(Exception):
    """Nothing was changed; `line` says why, for the person who asked (and `field`, which
    field of a form it is about, when it is)."""

    def __init__(self, said: Line, field: str = "") -> None:
        super().__init__(plain(said))
        self.line = said
        self.field = field


@dataclass(frozen=True)
class Asker:
    """Who is asking and from where: a Slack user in a workspace, or the console's stand-in.

    `is_admin` overrides LSCB_ADMINS (the console and the CLI say so themselves); `plan`,
    a plan's slug, overrides the workspace's (the CLI's --plan)."""

    user_id: str
    team_id: str | None = None
    acting_as: tuple[str, ...] | None = None
    is_admin: bool | None = None
    plan: str = ""

    def caller(self, settings: Settings) -> Caller:
        return Caller(self.user_id, settings.is_admin(self.user_id, self.is_admin),
                      self.acting_as)


def context_for(session: Session, settings: Settings, asker: Asker,
                slack: SlackSide | None = None) -> Context:
    """The plan the asker's workspace works from, now, and the asker; Refused if none."""
    try:
        repo = (PlanRepository(session, plan_named(session, asker.plan)) if asker.plan
                else PlanRepository.for_team(session, asker.team_id))
        context = Context(repo, settings.now(), asker.caller(settings), settings.timezone,
                          slack, settings.link_keys())
        context.caller_owners()  # an owner the console acts as must exist in this plan
    except NoPlan as error:
        raise Refused(line(str(error))) from error
    except OwnerNotFound as error:
        raise Refused(line(f"You are acting as an owner this plan does not have: {error}")
                      ) from error
    return context


def in_context(database: Database, settings: Settings, asker: Asker,
               work: Callable[[Context], T], slack: SlackSide | None = None) -> T:
    """Run `work` for the asker in one unit of work, committed only if it returns;
    a CommandError (or no plan) rolls it back and is raised as Refused."""
    with database.unit_of_work() as session:
        context = context_for(session, settings, asker, slack)
        try:
            result = work(context)
        except CommandError as error:
            raise Refused(error.line, getattr(error, "field", "")) from error
        session.commit()
        return result


def answer(database: Database, settings: Settings, asker: Asker, typed: str | Sequence[Part],
           render: Callable[[Page], T], cache: ReplyCache[T] | None = None,
           slack: SlackSide | None = None) -> T:
    """Answer `/lscb …`: dispatched, committed unless refused, rendered for the surface."""

    def build() -> T:
        with database.unit_of_work() as session:
            try:
                page = dispatch(context_for(session, settings, asker, slack), typed)
            except Refused as refused:
                page = refusal(refused.line)
                if is_help(typed):  # help needs no plan: say what is missing, then help
                    page.extend(help_page(asker.caller(settings).is_admin))
            if not page.is_error:
                session.commit()
            return render(page)

    if cache is None or not only_reads(typed):
        return build()
    key = _reuse_key(database, settings, asker, typed)
    return cache.answer(key, build) if key else build()


def _reuse_key(database: Database, settings: Settings, asker: Asker,
               typed: str | Sequence[Part]) -> Hashable | None:
    """What a read-only answer depends on: the plan's newest change, the day, who, what."""
    with database.unit_of_work() as session:
        mark = active_plan_mark(session, asker.team_id)
    if mark is None:
        return None
    text = typed if isinstance(typed, str) else tuple(typed)
    return (mark, settings.local_date(), asker, settings.is_admin(asker.user_id, asker.is_admin),
            " ".join(text.split()) if isinstance(text, str) else text)
