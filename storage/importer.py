"""Laying a checked plan file over the database: update in place by ref, archive what went.

Statuses, history, challenges and links survive a re-import; the caller's unit of
work makes the whole import one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage import audit
from storage.models import (
    Action,
    ActionOwner,
    Cadence,
    Milestone,
    Owner,
    OwnerAlias,
    OwnerMember,
    Plan,
    ReportingRow,
    Theme,
)
from storage.names import name_key
from storage.planfiles.document import ActionDoc, CadenceDoc, PlanDoc, ReportingDoc


@dataclass
class ImportReport:
    plan_slug: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"Imported plan {self.plan_slug}: {len(self.created)} new, "
                 f"{len(self.updated)} updated, {len(self.archived)} archived."]
        lines += [f"Read: {note}" for note in self.notes]
        if self.archived:
            lines.append(f"Archived (no longer in the file): {', '.join(self.archived)}")
        lines += [f"Warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def import_plan(session: Session, doc: PlanDoc, actor: str, now: datetime) -> ImportReport:
    """Create or update the plan `doc.slug` from `doc`."""
    plan = session.scalar(select(Plan).where(Plan.slug == doc.slug))
    if plan is None:
        plan = Plan(slug=doc.slug, title=doc.title, starts=doc.starts, ends=doc.ends)
        session.add(plan)
    plan.title, plan.board, plan.starts, plan.ends = doc.title, doc.board, doc.starts, doc.ends
    plan.places = "\n".join(doc.places)
    plan.board_word, plan.theme_word = doc.words.board, doc.words.theme
    plan.imported_at = now
    session.flush()
    owners = _sync_owners(session, plan, doc)
    themes = _sync_themes(session, plan, doc)
    report = ImportReport(doc.slug, warnings=list(doc.warnings), notes=list(doc.notes))
    _sync_actions(session, plan, doc, owners, themes, report, now)
    _sync_reporting(session, plan, doc.reporting, owners)
    _drop_unused_owners(session, plan, {o.name for o in doc.owners})
    audit.record(session, plan.id, actor, "plan.import", doc.slug, now,
                 created=report.created, updated=len(report.updated), archived=report.archived)
    return report


def _sync_owners(session: Session, plan: Plan, doc: PlanDoc) -> dict[str, Owner]:
    existing = {o.name: o for o in session.scalars(select(Owner).where(Owner.plan_id == plan.id))}
    session.execute(delete(OwnerAlias).where(OwnerAlias.plan_id == plan.id))
    for owner in existing.values():
        session.expire(owner, ["aliases"])
    for spec in doc.owners:
        owner = existing.get(spec.name) or Owner(plan_id=plan.id, name=spec.name)
        owner.kind = spec.kind
        session.add(owner)
        existing[spec.name] = owner
    session.flush()
    for spec in doc.owners:
        keys: dict[str, str] = {}
        for spelling in (spec.name, *spec.aliases):
            keys.setdefault(name_key(spelling), spelling)
        session.add_all(OwnerAlias(plan_id=plan.id, owner_id=existing[spec.name].id, alias=a,
                                   key=k) for k, a in keys.items())
    _sync_members(session, doc, existing)
    return existing


def _sync_members(session: Session, doc: PlanDoc, owners: dict[str, Owner]) -> None:
    """Each group's members, as the file lists them now."""
    session.execute(delete(OwnerMember).where(
        OwnerMember.group_id.in_([o.id for o in owners.values()])))
    session.add_all(OwnerMember(group_id=owners[spec.name].id, member_id=owners[name].id,
                                position=position)
                    for spec in doc.owners for position, name in enumerate(spec.members))
    for owner in owners.values():
        session.expire(owner, ["members"])


def _sync_themes(session: Session, plan: Plan, doc: PlanDoc) -> dict[int, Theme]:
    themes = {t.number: t for t in session.scalars(select(Theme).where(Theme.plan_id == plan.id))}
    labels = dict(doc.theme_labels)
    for number, title in doc.themes:
        theme = themes.get(number) or Theme(plan_id=plan.id, number=number)
        theme.title, theme.label = title, labels.get(number, "")
        session.add(theme)
        themes[number] = theme
    session.flush()
    return themes


def _sync_actions(session: Session, plan: Plan, doc: PlanDoc, owners: dict[str, Owner],
                  themes: dict[int, Theme], report: ImportReport, now: datetime) -> None:
    existing = {a.ref: a for a in session.scalars(select(Action).where(Action.plan_id == plan.id))}
    for position, spec in enumerate(doc.actions):
        action = existing.get(spec.ref)
        if action is None:
            action = Action(plan_id=plan.id, ref=spec.ref, status=spec.status)
            session.add(action)
            report.created.append(spec.ref)
        elif _differs(action, spec, position) or action.archived:
            report.updated.append(spec.ref)
        _apply(action, spec, position, owners, themes[spec.theme], now)
    for ref, action in existing.items():
        if not action.archived and ref not in {a.ref for a in doc.actions}:
            action.archived = True
            action.updated_at = now
            report.archived.append(ref)
    session.flush()


def _differs(action: Action, spec: ActionDoc, position: int) -> bool:
    written = [(m.label, m.when_text) for m in action.milestones if not m.from_when]
    stored = (action.text, action.outcome, action.when_text, action.sort_key, action.theme.number,
              [o.name for o in action.owners], written)
    wanted = (spec.text, spec.outcome, spec.when, position, spec.theme, list(spec.owners),
              [(m.label, m.when) for m in spec.milestones])
    return stored != wanted


def _apply(action: Action, spec: ActionDoc, position: int, owners: dict[str, Owner],
           theme: Theme, now: datetime) -> None:
    if action.due_kind != spec.due.kind or action.when_text != spec.when:
        action.due_kind, action.due_date = spec.due.kind.value, spec.due.date
    action.due_read_as, action.due_qualifier = spec.due.read_as, spec.due.qualifier
    action.due_warning = spec.due.warning
    action.text, action.outcome, action.when_text = spec.text, spec.outcome, spec.when
    action.sort_key, action.theme, action.archived = position, theme, False
    action.owners = [owners[name] for name in spec.owners]
    action.milestones = _milestones(action, spec)
    action.updated_at = now


def _milestones(action: Action, spec: ActionDoc) -> list[Milestone]:
    """The file's milestones, then those read from the *when* cell; ticks survive by label."""
    done = {(m.label, m.from_when) for m in action.milestones if m.done}
    written = [Milestone(label=m.label, when_text=m.when, due_date=m.due, from_when=False,
                         done=(m.label, False) in done) for m in spec.milestones]
    return written + [Milestone(label=m.label[:300], when_text=m.when[:100], due_date=m.date,
                                from_when=True, done=(m.label[:300], True) in done)
                      for m in spec.due.milestones]


def _sync_reporting(session: Session, plan: Plan, rows: tuple[ReportingDoc, ...],
                    owners: dict[str, Owner]) -> None:
    existing = {r.key: r for r in session.scalars(
        select(ReportingRow).where(ReportingRow.plan_id == plan.id))}
    for position, spec in enumerate(rows):
        row = existing.pop(spec.key, None) or ReportingRow(plan_id=plan.id, key=spec.key)
        row.position, row.what, row.activity = position, spec.what, spec.activity
        row.tells, row.when_text = spec.tells, spec.when
        row.owners = [owners[name] for name in spec.by]
        cadences = {c.key: c for c in row.cadences}
        row.cadences = [_cadence(cadences.get(c.key), plan.id, i, c)
                        for i, c in enumerate(spec.cadences)]
        session.add(row)
    for row in existing.values():
        session.delete(row)
    session.flush()


def _cadence(cadence: Cadence | None, plan_id: int, position: int, spec: CadenceDoc) -> Cadence:
    cadence = cadence or Cadence(plan_id=plan_id, key=spec.key)
    cadence.position, cadence.label = position, spec.label
    cadence.audience, cadence.rule = spec.audience, spec.rule
    cadence.carries_report, cadence.copy_to = spec.carries_report, "\n".join(spec.copy_to)
    return cadence


def _drop_unused_owners(session: Session, plan: Plan, kept: set[str]) -> None:
    """Owners gone from the file go too, unless an (archived) action still names them."""
    named = select(ActionOwner.owner_id)
    for owner in session.scalars(select(Owner).where(
            Owner.plan_id == plan.id, Owner.name.not_in(kept), Owner.id.not_in(named))):
        session.delete(owner)
    session.flush()
