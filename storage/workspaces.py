"""Which plans the database holds, and which one each Slack workspace works from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.errors import NoPlan, StorageError
from storage.models import Action, Plan, Workspace
from storage.repository import active_plan


def plan_named(session: Session, slug: str) -> Plan:
    plan = session.scalar(select(Plan).where(Plan.slug == slug))
    if plan is None:
        known = ", ".join(session.scalars(select(Plan.slug).order_by(Plan.slug))) or "none"
        raise StorageError(f"There is no plan “{slug}”. Plans: {known}.")
    return plan


def plans_with_counts(session: Session) -> list[tuple[Plan, int, list[str]]]:
    """Every plan, its live actions and the workspaces that use it."""
    counts = {plan_id: count for plan_id, count in session.execute(
        select(Action.plan_id, func.count()).where(Action.archived.is_(False))
        .group_by(Action.plan_id))}
    teams: dict[int, list[str]] = {}
    for workspace in session.scalars(select(Workspace).order_by(Workspace.team_id)):
        teams.setdefault(workspace.plan_id, []).append(workspace.team_id)
    return [(plan, counts.get(plan.id, 0), teams.get(plan.id, []))
            for plan in session.scalars(select(Plan).order_by(Plan.imported_at.desc()))]


def use_plan(session: Session, team_id: str, plan: Plan, actor: str, now: datetime) -> None:
    """Make `plan` the one the Slack workspace `team_id` works from."""
    workspace = session.get(Workspace, team_id) or Workspace(team_id=team_id, plan_id=plan.id)
    workspace.plan_id = plan.id
    session.add(workspace)
    audit.record(session, plan.id, actor, "workspace.use", team_id, now)


def all_plans(session: Session) -> list[Plan]:
    """Every plan in the database, oldest first."""
    return list(session.scalars(select(Plan).order_by(Plan.id)))


def chosen_plan(session: Session, slug: str | None, team_id: str | None = None) -> Plan | None:
    """The plan `slug` names, else the one `team_id` works from (the active one by default);
    None when the database holds none."""
    if slug:
        return plan_named(session, slug)
    try:
        return active_plan(session, team_id)
    except NoPlan:
        return None


def plan_exists(session: Session, slug: str) -> bool:
    return session.scalar(select(Plan.id).where(Plan.slug == slug)) is not None


def remove_plan(session: Session, plan: Plan) -> list[str]:
    """Delete `plan` with everything that belongs to it (the database cascades: themes,
    actions, history, audit, ledger); returns the workspaces that worked from it, which
    now work from the active plan, if any is left."""
    teams = list(session.scalars(select(Workspace.team_id).where(Workspace.plan_id == plan.id)
                                 .order_by(Workspace.team_id)))
    session.execute(delete(Plan).where(Plan.id == plan.id))
    session.expunge(plan)
    return teams


def plan_for_cli(session: Session, slug: str | None,
                 team_id: str | None = None) -> tuple[Plan | None, list[str]]:
    """The plan a command line works on (`slug`'s, else the one `team_id`'s workspace works
    from) and, when none was chosen, the other plans it might have meant."""
    chosen = chosen_plan(session, slug, team_id)
    if slug or chosen is None:
        return chosen, []
    return chosen, [p.slug for p in all_plans(session) if p.id != chosen.id]
