"""The quarterly return's nudges: the request to each owner after a quarter ends, and a
reminder a week before returns are due to owners who have not answered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from commands.calendar import first_working_day_from
from commands.nudge_span import Span
from commands.page import Page
from commands.pages.quarterly import return_reminder, return_request
from commands.quarters import Quarter, make_quarter
from commands.returns_window import REMIND_BEFORE_DUE, due_date
from commands.words import Words
from storage.ledger import RETURN, RETURN_REMINDER, Nudge
from storage.models import Owner
from storage.rows import ActionRow


def quarterly_returns(span: Span) -> list[Nudge]:
    """Requests and reminders whose day falls in the span, for every quarter of the plan."""
    nudges = []
    for quarter in _quarters(span):
        asked = first_working_day_from(quarter.last + timedelta(days=1))
        reminded = first_working_day_from(due_date(quarter) - timedelta(days=REMIND_BEFORE_DUE))
        if span.first <= asked <= span.last:
            nudges += _to_owners(span, quarter, asked, RETURN, _all_open)
        if span.first <= reminded <= span.last:
            nudges += _to_owners(span, quarter, reminded, RETURN_REMINDER, _unanswered)
    return nudges


def _quarters(span: Span) -> list[Quarter]:
    """The plan's quarters whose request or reminder could fall in the span."""
    plan = span.repo.plan
    found: list[Quarter] = []
    year, number = plan.starts.year, 1
    while True:
        quarter = make_quarter(year, number, plan.starts)
        if quarter.first > plan.ends or quarter.last > span.last:
            return found
        if quarter.last >= span.first - timedelta(days=60):
            found.append(quarter)
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)


def _all_open(span: Span, owner: Owner, quarter: Quarter) -> list[ActionRow]:
    return [a for a in span.actions_of([owner]) if a.status != "complete"]


def _unanswered(span: Span, owner: Owner, quarter: Quarter) -> list[ActionRow]:
    given = span.repo.returns.given(quarter.last, quarter.last)
    return [a for a in _all_open(span, owner, quarter) if a.id not in given]


def _to_owners(span: Span, quarter: Quarter, day: date, kind: str,
               which: Callable[[Span, Owner, Quarter], list[ActionRow]]) -> list[Nudge]:
    nudges = []
    for owner in span.repo.owners():
        actions = which(span, owner, quarter)
        for channel in span.targets(owner) if actions else ():
            nudges.append(Nudge(key=kind.format(owner=owner.id), occurrence=quarter.last,
                                send_at=span.at(day), channel=channel, audience=owner.name,
                                render=span.render(channel, partial(
                                    _page, kind, owner, quarter, actions,
                                    Words.of(span.repo.plan)))))
    return nudges


def _page(kind: str, owner: Owner, quarter: Quarter, actions: list[ActionRow],
          words: Words) -> Page:
    build = return_request if kind == RETURN else return_reminder
    return build(owner.id, owner.name, quarter, due_date(quarter), actions, words)
