"""Column names as business managers write them: `Action`, `Lead`, `Timescale`, `RAG`…

A table of actions that did not come from the bot has its own headings. Each is matched
loosely (case, spacing and punctuation aside) to the field it means, and the import says
which column it read as what, and which it left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.planfiles.table import ACTION_COLUMNS

#: Every heading a field is known by, as `_key` writes it. The bot's own headings (its
#: exports' `due_date`, derived and recomputed) are matched exactly first.
HEADINGS: dict[str, tuple[str, ...]] = {
    "ref": ("ref", "reference", "refno", "actionno", "actionnumber", "actionref", "no",
            "number", "id"),
    "theme": ("theme", "priority", "priorityarea", "strategicpriority", "area", "objective",
              "workstream"),
    "theme_title": ("themetitle", "prioritytitle", "priorityname", "themename"),
    "text": ("text", "action", "actions", "whatwewilldo", "whatwillwedo", "task",
             "activity", "description", "actionrequired", "keyaction"),
    "owners": ("owners", "owner", "lead", "leads", "leadagency", "leadagencies", "leadofficer",
               "responsible", "responsibility", "who", "bywhom", "accountable", "leadperson"),
    "when": ("when", "timescale", "timescales", "bywhen", "deadline", "due", "duedate",
             "targetdate", "target", "completiondate", "date", "timeframe"),
    "status": ("status", "rag", "ragstatus", "ragrating", "brag", "progress", "rating"),
    "outcome": ("outcome", "outcomes", "whatwearetryingtoachieve", "successmeasure",
                "successmeasures", "measureofsuccess", "impact", "expectedoutcome",
                "whatdifferencewillitmake", "successcriteria"),
    "milestones": ("milestones", "milestone"),
}


def _key(heading: str) -> str:
    return "".join(ch for ch in heading.lower() if ch.isalnum())


_FIELD_OF = {alias: field for field, aliases in HEADINGS.items() for alias in aliases}


@dataclass(frozen=True)
class Columns:
    """What each heading of a table was read as."""

    fields: dict[str, str]  # heading as written → field
    ignored: tuple[str, ...]

    def renamed(self, row: dict[str, object]) -> dict[str, object]:
        """A row keyed by field instead of by heading."""
        return {self.fields[h]: v for h, v in row.items() if h in self.fields}

    def said(self) -> list[str]:
        """How the headings were read, when any is not the bot's own."""
        if all(h == f for h, f in self.fields.items()) and not self.ignored:
            return []
        read = ", ".join(f"“{h}” as {f}" for h, f in self.fields.items())
        lines = [f"read the columns {read}"]
        if self.ignored:
            lines.append(f"left alone the columns {', '.join(f'“{h}”' for h in self.ignored)}"
                         f" (no field of a plan's actions)")
        return lines


def read_headings(header: list[str]) -> Columns:
    """Each heading's field: the bot's own names exactly, else the first loose match; a
    field claimed twice goes to the first heading ("Status" before "Progress")."""
    fields: dict[str, str] = {}
    ignored = []
    for heading in header:
        if not heading:
            continue
        field = heading if heading in ACTION_COLUMNS else _FIELD_OF.get(_key(heading))
        if field is None or field in fields.values():
            ignored.append(heading)
        else:
            fields[heading] = field
    return Columns(fields, tuple(ignored))
