"""The plan in the database as a PlanDoc, ready to be written to a file."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.duedates import Due, DueKind, DueMilestone
from storage.models import Action, Owner, Plan, ReportingRow, Theme
from storage.planfiles.document import (
    ActionDoc,
    CadenceDoc,
    MilestoneDoc,
    OwnerDoc,
    PlanDoc,
    PlanWords,
    ReportingDoc,
)


def plan_document(session: Session, plan: Plan) -> PlanDoc:
    """Everything a plan file holds, read from the database; archived actions are left out."""
    owners = session.scalars(select(Owner).where(Owner.plan_id == plan.id).order_by(Owner.id))
    themes = list(session.scalars(select(Theme).where(Theme.plan_id == plan.id)
                                  .order_by(Theme.number)))
    actions = session.scalars(select(Action).where(Action.plan_id == plan.id,
                                                   Action.archived.is_(False))
                              .order_by(Action.sort_key, Action.id))
    rows = session.scalars(select(ReportingRow).where(ReportingRow.plan_id == plan.id)
                           .order_by(ReportingRow.position))
    return PlanDoc(
        slug=plan.slug, title=plan.title, board=plan.board, starts=plan.starts, ends=plan.ends,
        places=tuple(filter(None, plan.places.splitlines())),
        words=PlanWords(plan.board_word, plan.theme_word),
        owners=tuple(OwnerDoc(o.name, o.kind, tuple(a.alias for a in o.aliases
                                                    if a.alias != o.name),
                              tuple(m.name for m in o.members)) for o in owners),
        themes=tuple((t.number, t.title) for t in themes),
        theme_labels=tuple((t.number, t.label) for t in themes if t.label),
        actions=tuple(_action(a) for a in actions),
        reporting=tuple(_row(r) for r in rows),
    )


def _action(action: Action) -> ActionDoc:
    return ActionDoc(
        ref=action.ref, theme=action.theme.number, text=action.text,
        owners=tuple(o.name for o in action.owners), when=action.when_text,
        due=_due(action), outcome=action.outcome, status=action.status,
        milestones=tuple(MilestoneDoc(m.label, m.when_text, m.due_date)
                         for m in action.milestones if not m.from_when))


def _due(action: Action) -> Due:
    """The stored reading; milestones read from the *when* cell stay with it, so a file
    carries them once, in the wording, and a re-import does not add them twice."""
    return Due(DueKind(action.due_kind), action.due_date, qualifier=action.due_qualifier,
               read_as=action.due_read_as, warning=action.due_warning,
               milestones=tuple(DueMilestone(m.label, m.when_text, m.due_date)
                                for m in action.milestones if m.from_when))


def _row(row: ReportingRow) -> ReportingDoc:
    return ReportingDoc(
        key=row.key, what=row.what, by=tuple(o.name for o in row.owners),
        activity=row.activity, tells=row.tells, when=row.when_text,
        cadences=tuple(CadenceDoc(c.key, c.label, c.rule, c.audience, c.carries_report,
                                  tuple(filter(None, c.copy_to.splitlines())))
                       for c in row.cadences))
