"""`lscb status`: the heartbeat and what the bot holds, for a person."""

from __future__ import annotations

from datetime import datetime

from commands.page import Code, Line, Page, line
from commands.status import OK, STARTING, Heartbeat, PlanStatus, Status
from commands.text import plural

LEDGER_ORDER = ("pending", "sending", "sent", "failed", "missed", "unrouted")


def _ago(now: datetime, then: datetime) -> str:
    minutes = int((now - then).total_seconds() // 60)
    if minutes < 1:
        return "less than a minute ago"
    if minutes < 120:
        return f"{plural(minutes, 'minute')} ago"
    hours = minutes // 60
    return f"{plural(hours, 'hour')} ago" if hours < 48 else f"{plural(hours // 24, 'day')} ago"


def heartbeat_line(beat: Heartbeat) -> Line:
    """One sentence: is the scheduler alive?"""
    limit = int(beat.stale_after.total_seconds() // 60)
    if beat.last_finished is None:
        said = ("no cycle has finished yet; the scheduler runs one when it starts"
                if beat.state == STARTING else
                "no cycle has ever finished: is the scheduler running (`lscb scheduler`, "
                "or `lscb serve` with LSCB_SCHEDULER on)?")
        return line(f"Scheduler: {said}" + ("" if said.endswith("?") else "."))
    when = f"{beat.last_finished:%Y-%m-%d %H:%M} UTC, {_ago(beat.checked_at, beat.last_finished)}"
    if beat.state == OK:
        return line(f"Scheduler: OK. The last cycle finished {when}.")
    return line(f"Scheduler: STOPPED? No cycle has finished for over {limit} minutes "
                f"(the last, {when}). Check the scheduler's log.")


def _latest(beat: Heartbeat) -> Line:
    if beat.last_started is None:
        return ()
    return line(f"Latest cycle: started {beat.last_started:%Y-%m-%d %H:%M} UTC in "
                f"{beat.worker}, {beat.last_outcome}.")


def _plan(plan: PlanStatus) -> Line:
    used = f"; used by {', '.join(plan.teams)}" if plan.teams else ""
    nobody = (f"; nobody is linked to {', '.join(plan.unlinked)}" if plan.unlinked
              else "; everyone is linked")
    return line(f"{plan.slug}: {plan.title}, {plural(plan.actions, 'action')}, "
                f"{plural(plan.owners, 'owner')}, {plural(plan.channels, 'channel')} "
                f"linked{nobody}{used}")


def status_page(status: Status) -> Page:
    page = Page(is_error=not status.heartbeat.healthy).heading("lscb status")
    page.paragraph(*heartbeat_line(status.heartbeat))
    if latest := _latest(status.heartbeat):
        page.paragraph(*latest)
    page.heading("Plans")
    if status.plans:
        page.lines([_plan(plan) for plan in status.plans])
    else:
        page.paragraph("No plan is loaded yet: ", Code("lscb plan import FILE"), ".")
    page.heading("Nudges")
    counts = status.deliveries
    known = [key for key in LEDGER_ORDER if counts.get(key)]
    others = sorted(set(counts) - set(LEDGER_ORDER))
    page.paragraph(", ".join(f"{counts[key]} {key}" for key in known + others)
                   or "None recorded yet.")
    if counts.get("failed"):
        page.note("Failed nudges are listed to the admins by direct message, with the fix.")
    return page
