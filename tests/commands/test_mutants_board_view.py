"""The board page's views as an owner's link opens them, on the partnership sample (an
owner, Larkmoor Police, with actions in one theme only, one of them shared and overdue):
each view is whole and says whose part it is, its day is the reader's day, and what is not
in the link's part is refused with a message naming what was asked, bounded in length.
Written against mutants mutmut left alive in commands/board_view.py (issue 11, run G)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from commands import Context, detail
from commands import board_view as views
from storage.database import Database
from storage.models import Owner
from tests.commands.conftest import context

NOW = datetime(2026, 1, 12, 11, 0, tzinfo=UTC)
POLICE = "Larkmoor Police"


Ask = Callable[[Context, Owner], object]


def test_an_owners_link_shows_its_owner_page_as_that_owners_part(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW, user="UREADER", admin=False)
        police = ctx.repo.resolve_owner("police")
        view = views.owner(ctx, police, police.id)
        overdue = ctx.repo.overdue(date(2026, 1, 12), [police])
        assert view == views.ActionList(POLICE, date(2026, 1, 12), POLICE,
                                        ctx.repo.actions([police]), overdue)
        assert [a.ref for a in view.actions] == ["2.1a", "2.1b"]
        assert [(i.action.ref, i.due) for i in overdue] == [("2.1a", date(2025, 11, 30))]


def test_an_owners_link_shows_its_theme_with_only_its_actions_and_their_overdue(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW, user="UREADER", admin=False)
        police = ctx.repo.resolve_owner("police")
        view = views.theme(ctx, police, 2)
        assert view == views.ActionList(
            "Theme 2: Harm outside the home", date(2026, 1, 12), POLICE,
            ctx.repo.actions([police], theme=2), ctx.repo.overdue(ctx.today, [police]))
        assert [a.ref for a in view.actions] == ["2.1a", "2.1b"]
        whole = views.theme(ctx, None, 2)
        assert (whole.scope, [a.ref for a in whole.actions]) == (
            None, ["2.1", "2.1a", "2.1b", "2.2", "2.3"])


def test_an_owners_link_shows_its_action_on_the_readers_day(
        samples: dict[str, Database]) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW, user="UREADER", admin=False)
        police = ctx.repo.resolve_owner("police")
        view = views.action(ctx, police, "2.1a")
        assert view == views.ActionView(
            date(2026, 1, 12), POLICE, "on-track", detail.action_detail(ctx, "2.1a"),
            detail.history(ctx, "2.1a"), [])
        assert views.action(ctx, None, "2.1a").scope is None


@pytest.mark.parametrize(("ask", "said"), [
    (lambda ctx, police: views.theme(ctx, police, 77), "theme 77"),
    (lambda ctx, police: views.theme(ctx, police, 4), "theme 4"),  # no police action
    (lambda ctx, police: views.owner(ctx, police, 999999), "owner 999999"),
    (lambda ctx, police: views.owner(ctx, police, police.id + 1), "owner 4"),  # not police
    # not in the plan, and in the plan but not police's; a typed ref is cut at 20
    (lambda ctx, police: views.action(ctx, police, "9.9–“pasted from Word”"),
     "action 9.9–“pasted from Wor"),
    (lambda ctx, police: views.action(ctx, police, "1.1" + "." * 30),
     "action 1.1" + "." * 17),
])
def test_what_an_owners_link_does_not_open_is_refused_naming_it(
        samples: dict[str, Database], ask: Ask, said: str) -> None:
    with samples["partnership"].unit_of_work() as session:
        ctx = context(session, NOW, user="UREADER", admin=False)
        police = ctx.repo.resolve_owner("police")
        assert (police.id, ctx.repo.owner_by_id(4) is not None) == (3, True)
        with pytest.raises(views.OutOfScope) as refused:
            ask(ctx, police)
    assert str(refused.value) == said
