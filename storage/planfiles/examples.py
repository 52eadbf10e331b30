"""The template's example rows, and the refusal of a template no one has filled in."""

from __future__ import annotations

from typing import Any

from storage.errors import PlanFileError

#: What every example row's action text begins with, so it is never taken for an action.
EXAMPLE_MARK = "Example – "
GUIDE_SHEET = "Guide"


def is_example(record: dict[str, Any]) -> bool:
    return str(record.get("text") or "").startswith(EXAMPLE_MARK)


def refuse_examples(raw: dict[str, Any], path: str) -> None:
    """A template left as it is, or with its example rows among real ones, is refused with
    what to do; a workbook without the template's guide sheet is never asked."""
    actions = raw.get("actions") or []
    examples = [r for r in actions if is_example(r)]
    head = raw.get("plan") or {}
    if len(examples) == len(actions) and not any(head.get(k) for k in ("slug", "title")):
        raise PlanFileError(path, [
            "this is the blank plan template, not yet filled in: on the Plan sheet give the "
            "plan's slug, title, starts and ends; on the Owners and Themes sheets your owners "
            "and priorities; on the Actions sheet replace the two example rows with your "
            "actions (the Guide sheet says how)"])
    if examples:
        raise PlanFileError(path, [
            f"{r.get('_where', 'Actions')}: this is one of the template's example rows "
            f"(its action begins “{EXAMPLE_MARK.strip()}”): delete it, or write your own "
            f"action over it" for r in examples])
