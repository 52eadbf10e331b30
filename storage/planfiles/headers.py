"""Column names as business managers write them: `Action`, `Lead`, `Timescale`, `RAG`…

A table of actions that did not come from the bot has its own headings. Each is matched
loosely (case, spacing and punctuation aside) to the field it means, and the import says
which column it read as what, and which it left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.planfiles.table import ACTION_COLUMNS

#: The headings each field is known by, beside its own name (matched as `_key` writes
#: them). The bot's own headings (its exports' derived `due_date`) are matched exactly first.
HEADINGS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "Reference", "Ref no", "Action no", "Action number", "Action ref", "No",
            "Number", "ID"),
    "theme": ("Priority", "Strategic priority", "Priority area", "Theme", "Area", "Objective",
              "Workstream"),
    "theme_title": ("Theme title", "Priority title", "Priority name", "Theme name"),
    "text": ("Action", "Actions", "What we will do", "What will we do", "Task", "Activity",
             "Description", "Action required", "Key action"),
    "owners": ("Lead", "Leads", "Lead agency", "Lead agencies", "Lead officer", "Owner",
               "Owners", "Responsible", "Responsibility", "Who", "By whom", "Accountable",
               "Lead person"),
    "when": ("Timescale", "Timescales", "By when", "Deadline", "Due", "Due date",
             "Target date", "Target", "Completion date", "Date", "Timeframe"),
    "status": ("RAG", "RAG status", "RAG rating", "BRAG", "Status", "Progress", "Rating"),
    "outcome": ("What we are trying to achieve", "Outcome", "Outcomes", "Success measure",
                "Success measures", "Measure of success", "Impact", "Expected outcome",
                "What difference will it make", "Success criteria"),
    "milestones": ("Milestones", "Milestone"),
}


def _key(heading: str) -> str:
    return "".join(ch for ch in heading.lower() if ch.isalnum())


_FIELD_OF = {_key(name): field for field, names in HEADINGS.items()
             for name in (field, *names)}


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
