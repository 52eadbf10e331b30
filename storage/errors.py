"""Named errors the storage layer raises; the caller decides how to tell the user."""

from __future__ import annotations


class StorageError(Exception):
    """Base of every error storage raises on purpose."""


class NoPlan(StorageError):
    def __init__(self) -> None:
        super().__init__("No plan is loaded yet. Import one with `lscb plan import FILE` "
                         "or `lscb plan import --sample`.")


class UnknownAction(StorageError):
    def __init__(self, ref: str, suggestions: list[str]) -> None:
        self.ref = ref
        self.suggestions = suggestions
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"There is no action {ref} in this plan.{hint}")


class OwnerNotFound(StorageError):
    """No owner, or more than one, answers to a name; `candidates` says which could."""

    def __init__(self, query: str, candidates: list[str]) -> None:
        self.query = query
        self.candidates = candidates
        if candidates:
            message = f"“{query}” could be any of: {'; '.join(candidates)}. Be more specific."
        else:
            message = f"No owner is called “{query}”."
        super().__init__(message)


class PlanFileError(StorageError):
    """A plan file that cannot be imported; every problem is named with where it is."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{path}: refused, nothing was changed.\n{listed}{more}")


class DatabaseUnusable(StorageError):
    """DATABASE_URL names no database the bot can open; the message says what to do."""
