"""Pages for one action: its detail and its history."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from commands.detail import ActionDetail, Change, History
from commands.page import Bold, Command, Line, Mention, Page, line
from commands.text import day, shorten

VERBS = {"action.status": "status", "action.due": "due date", "action.snooze": "snoozed",
         "challenge.add": "challenge", "challenge.answer": "answer", "due.request":
         "asked to move the date", "due.approved": "approved the move",
         "due.rejected": "rejected the move"}


def action_page(found: ActionDetail, tz: ZoneInfo) -> Page:
    page = Page().heading(f"Action {found.ref}").paragraph(found.text)
    if found.part_of or found.parts:
        page.paragraph(*((Bold("Part of:"), " ", Command(f"action {found.part_of}"))
                         if found.part_of else ()),
                       "\n" if found.part_of and found.parts else "",
                       *((Bold("Sub-actions:"), " ", ", ".join(found.parts))
                         if found.parts else ()))
    page.paragraph(
        Bold("Theme:"), f" {found.theme}\n", Bold("Owner:"), f" {' / '.join(found.owners)}\n",
        Bold("When:"), f" {found.when}", (" · ", Bold(found.lateness)) if found.lateness else "",
        "\n", Bold("Status:"), f" {found.status}\n", Bold("What we are trying to achieve:"),
        f" {found.outcome or '—'}")
    if found.milestones:
        page.lines([line(Bold("Milestones"))] + [
            line(f"{'✅' if m.done else '⬜'} {m.label} · {m.when_text} → {day(m.due)}")
            for m in found.milestones])
    if found.updates:
        page.lines([line(Bold("Latest updates"))] + [
            line(f"{u.at.astimezone(tz):%d %b %Y} ", Mention(u.by),
                 f": {u.from_status} → {u.to_status}", f" · {u.note}" if u.note else "")
            for u in found.updates])
    if found.challenges:
        page.lines([line(Bold("Challenges"))] + [
            line(f"{c.at.astimezone(tz):%d %b %Y} ", Mention(c.by), f": {c.text}")
            for c in found.challenges[:5]], f"/lscb challenges {found.ref}")
    return page


def history_page(found: History, tz: ZoneInfo) -> Page:
    lines = [line(f"{c.at.astimezone(tz):%d %b %Y %H:%M} ", Mention(c.actor),
                  f" {VERBS.get(c.verb, c.verb)}: ", describe(c)) for c in found.changes]
    return (Page().heading(f"History of {found.ref}")
            .lines(lines or [line("No changes yet.")], "lscb audit export FILE"))


def describe(change: Change) -> Line:
    values = change.values
    if change.verb == "action.status":
        note = f" · {shorten(str(values.get('note', '')), 200)}" if values.get("note") else ""
        return line(f"{values.get('from')} → {values.get('to')}{note}")
    if change.verb in ("action.due", "due.request"):
        reason = f" · {values['reason']}" if values.get("reason") else ""
        return line(f"{values.get('from', '')} → {values.get('to')}{reason}".lstrip(" →"))
    return line(", ".join(f"{k}: {v}" for k, v in values.items() if v not in ("", None)))
