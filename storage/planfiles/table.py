"""The plan's actions as one table, the shape CSV files and the XLSX Actions sheet share."""

from __future__ import annotations

from typing import Any

from storage.planfiles.document import PlanDoc

ACTION_COLUMNS = ("theme", "theme_title", "ref", "text", "owners", "when", "due_date",
                  "outcome", "milestones", "status")
REQUIRED_COLUMNS = ("theme", "text", "owners", "when")  # a missing ref is given one
DERIVED_COLUMNS = ("due_date",)


def action_rows(doc: PlanDoc) -> list[list[str]]:
    """One row per action, in ACTION_COLUMNS order; owners and milestones one per line."""
    titles = dict(doc.themes)
    return [[str(a.theme), titles.get(a.theme, ""), a.ref, a.text, "\n".join(a.owners),
             a.when, a.due.date.isoformat() if a.due.date else "", a.outcome,
             "\n".join(f"{m.when}: {m.label}" for m in a.milestones), a.status]
            for a in doc.actions]


def missing_columns(header: list[str], new_plan: bool = False) -> list[str]:
    """The required fields no column holds; a new plan may leave out the theme (its
    actions are then one priority)."""
    return [c for c in REQUIRED_COLUMNS if c not in header and not (new_plan and c == "theme")]


def action_record(row: dict[str, Any], where: str) -> dict[str, Any]:
    """A table row as the record `build_plan` reads; derived columns are recomputed."""
    record: dict[str, Any] = {k: v for k, v in row.items()
                              if k in ACTION_COLUMNS and k not in DERIVED_COLUMNS}
    record["_where"] = where
    record["theme"] = _whole_number(row.get("theme"))
    record["milestones"] = [_milestone(line) for line in str(row.get("milestones") or "")
                            .splitlines() if line.strip()]
    return record


def themes_of(records: list[dict[str, Any]], known: dict[int, str],
              labels: dict[int, str]) -> list[dict[str, Any]]:
    """Themes named by the rows' theme/theme_title columns, over those already known (and
    labelled as they were)."""
    themes = dict(known)
    for record in records:
        title = str(record.get("theme_title") or "").strip()
        if isinstance(record["theme"], int) and title:
            themes[record["theme"]] = title
    return [{"number": n, "title": t, **({"label": labels[n]} if n in labels else {})}
            for n, t in sorted(themes.items())]


def _whole_number(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _milestone(line: str) -> dict[str, str]:
    when, _, label = line.partition(":")
    return {"when": when.strip(), "label": label.strip()}

