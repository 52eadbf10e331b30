"""The words of a plan that are not personal names, for the data guard's `known_words`.

Only the plan's structural names: its board, title and places, its owners' names and every
alias, its theme titles. Never action texts, outcomes, notes, challenges or risks: a child's
name typed into a note must not whitelist itself.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.guard import words_of
from storage.models import Owner, OwnerAlias, Plan, Theme
from storage.planfiles.document import PlanDoc


def plan_words(session: Session, plan: Plan) -> frozenset[str]:
    """The lower-cased words of `plan`'s structural names, for `personal_data_in`.

    Three small queries (owner names, their aliases, theme titles) and no writes; the result
    only changes when the plan is imported again (`plan.imported_at`), so it can be kept per
    plan until then.
    """
    owners = session.scalars(select(Owner.name).where(Owner.plan_id == plan.id))
    aliases = session.scalars(select(OwnerAlias.alias).where(OwnerAlias.plan_id == plan.id))
    titles = session.scalars(select(Theme.title).where(Theme.plan_id == plan.id))
    return words_of([plan.board, plan.title, *plan.places.splitlines(), *owners, *aliases,
                     *titles])


def document_words(doc: PlanDoc) -> frozenset[str]:
    """The same words, from a plan file's contents."""
    return words_of([doc.board, doc.title, *doc.places,
                     *(name for owner in doc.owners for name in (owner.name, *owner.aliases)),
                     *(title for _, title in doc.themes)])
