"""Pages for due-date changes."""

from __future__ import annotations

from commands.page import Bold, Command, Line, Mention, Page, line
from commands.rebaseline import MoveRequest
from commands.text import day


def move_requested_page(move: MoveRequest) -> Page:
    if move.status == "approved":
        original = (f" (originally {day(move.original)})."
                    if move.original and move.original != move.to_date else ".")
        return Page().paragraph(Bold(move.ref), f" is now due {day(move.to_date)}{original}")
    was = day(move.from_date) if move.from_date else "no date"
    return Page().paragraph(f"Request #{move.number}: move ", Bold(move.ref),
                            f" from {was} to {day(move.to_date)}. It waits for an admin's "
                            f"approval.")


def move_line(move: MoveRequest) -> Line:
    was = day(move.from_date) if move.from_date else "no date"
    return line(Bold(f"#{move.number}"), " ", Bold(move.ref), f" {was} → {day(move.to_date)} · ",
                Mention(move.by), f": {move.reason}")


def approvals_page(moves: list[MoveRequest]) -> Page:
    if not moves:
        return Page().paragraph("No due-date changes are waiting.")
    return (Page().heading(f"Waiting for approval: {len(moves)}").items(moves, move_line)
            .note(Command("approve N"), " or ", Command("reject N")))


def decision_page(move: MoveRequest) -> Page:
    if move.status == "approved":
        verdict = f"approved: it is now due {day(move.to_date)}"
    else:
        verdict = f"rejected: it stays due {day(move.from_date) if move.from_date else 'as before'}"
    return Page().paragraph(f"Request #{move.number} for ", Bold(move.ref), f" {verdict}.")
