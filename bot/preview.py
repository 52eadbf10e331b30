"""`lscb nudges preview`: every nudge the schedule will send in a window, sending nothing."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from bot.config import Settings
from commands.mail_message import address_of, is_mail
from commands.nudges import nudges_between
from storage.database import Database
from storage.repository import PlanRepository
from storage.workspaces import all_plans


def preview(database: Database, settings: Settings, first: date, last: date) -> str:
    start = datetime.combine(first, time.min, tzinfo=settings.timezone)
    end = datetime.combine(last, time.max, tzinfo=settings.timezone)
    lines = []
    with database.unit_of_work() as session:
        for plan in all_plans(session):
            nudges = nudges_between(PlanRepository(session, plan), start, end,
                                     settings.timezone, settings.command)
            lines.append(f"{plan.title}: {len(nudges)} nudges from {first} to {last}")
            for nudge in nudges:
                local = nudge.send_at.astimezone(settings.timezone)
                where = _where(nudge.channel)
                lines.append(f"{local:%a %Y-%m-%d %H:%M %Z}  {where}  [{nudge.key}] "
                             f"{nudge.audience}\n    {title_of(nudge.blocks, nudge.text)}")
    return "\n".join(lines) or "No plan is loaded."


def _where(channel: str) -> str:
    if is_mail(channel):
        return f"email {address_of(channel)}"
    return f"#{channel}" if channel else "NOBODY WILL HEAR THIS"


def title_of(blocks: list[dict[str, Any]], text: str) -> str:
    """A message's header as written, else its first line."""
    if blocks and blocks[0].get("type") == "header":
        return str(blocks[0]["text"]["text"])
    return text.splitlines()[0] if text else ""
