"""The sample plan's due dates, pinned: a better reader must not change what it derives."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.database import Database
from storage.models import Action
from storage.planfiles import SAMPLE_PLAN, read_plan_file

M = date.fromisoformat
#: (ref, due kind, due date, the milestones' (when, date)) for all 44 actions, as derived
#: before the reader learned the wordings of other partnerships' plans.
SAMPLE_DUES = [
    ("1.1", "date", M("2014-04-30")), ("1.2", "date", M("2014-06-30")),
    ("1.3", "date", M("2014-07-31")), ("1.4", "date", M("2014-05-31")),
    ("1.5", "date", M("2014-05-31")), ("1.6", "date", M("2014-05-31")),
    ("1.7", "date", M("2014-07-31")), ("1.8", "date", M("2014-05-31")),
    ("1.9", "date", M("2015-03-31")), ("1.10", "date", M("2014-05-31")),
    ("1.11", "date", M("2014-05-31")), ("1.12", "date", M("2014-10-31")),
    ("1.13", "annual", M("2015-03-31")), ("1.14", "date", M("2014-06-30")),
    ("1.15", "date", M("2014-09-30")), ("2.1", "date", M("2014-05-31")),
    ("2.2", "date", M("2015-03-31")), ("2.3", "annual", M("2015-03-31")),
    ("2.4", "date", M("2014-07-31")), ("2.5", "date", M("2015-02-28")),
    ("2.6", "date", M("2015-05-31")), ("3.1", "date", M("2014-06-30")),
    ("3.2", "date", M("2014-07-31")), ("3.3", "date", M("2014-10-31")),
    ("4.1", "date", M("2014-07-31")), ("4.2", "date", M("2014-09-30")),
    ("4.3", "date", M("2014-09-30")), ("5.1", "date", M("2014-05-31")),
    ("5.2", "date", M("2014-09-30")), ("5.3", "date", M("2014-06-30")),
    ("5.4", "event", None), ("5.5", "event", None),
    ("6.1", "annual", M("2015-03-31")), ("6.2", "event", None),
    ("7.1", "date", M("2014-05-31")), ("7.2", "date", M("2014-07-31")),
    ("7.3", "date", M("2014-07-31")), ("7.4", "date", M("2015-05-31")),
    ("7.5", "date", M("2014-09-30")), ("8.1", "date", M("2014-07-31")),
    ("8.2", "date", M("2014-09-30")), ("9.1", "date", M("2014-09-30")),
    ("9.2", "date", M("2014-09-30")), ("9.3", "date", M("2015-01-31")),
]
SAMPLE_MILESTONES = {"6.1": [("July 2014", M("2014-07-31")), ("December 2014", M("2014-12-31")),
                             ("March 2015", M("2015-03-31"))]}


def test_the_sample_file_derives_what_it_always_has() -> None:
    doc = read_plan_file(SAMPLE_PLAN)
    assert [(a.ref, a.due.kind.value, a.due.date) for a in doc.actions] == SAMPLE_DUES
    assert {a.ref: [(m.when, m.due) for m in a.milestones]
            for a in doc.actions if a.milestones} == SAMPLE_MILESTONES
    assert doc.warnings == ()


def test_the_imported_sample_holds_the_same_dates(sample_database: Database) -> None:
    with sample_database.committed() as session:
        actions = list(session.scalars(select(Action).order_by(Action.sort_key)))
        assert [(a.ref, a.due_kind, a.due_date) for a in actions] == SAMPLE_DUES
        assert {a.ref: [(m.when_text, m.due_date) for m in a.milestones]
                for a in actions if a.milestones} == SAMPLE_MILESTONES
