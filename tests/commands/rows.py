"""Action rows as the repository hands them to the pages, for tests that build a page from
its values rather than from a database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storage.duedates import DueKind
from storage.rows import ActionRow, OwnerRef


def action_row(ref: str = "1.1", when_text: str = "by spring", due: date | None = None, *,
               number: int = 1, text: str = "Audit", status: str = "on-track",
               owners: Sequence[str] = ()) -> ActionRow:
    """An action's row: dated `due` when given, otherwise a wording the bot could not read
    (`DueKind.UNPARSED`, as the importer keeps one). `number` is its id and its place."""
    kind = DueKind.DATE if due else DueKind.UNPARSED
    return ActionRow(number, ref, text, when_text, kind.value, due, None, status, number, None,
                     tuple(OwnerRef(i, name) for i, name in enumerate(owners, 1)))
