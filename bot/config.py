"""Settings, read once from the environment, and the clock they imply."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.database import DEFAULT_URL
from storage.timestamps import utcnow

SLACK_API_URL = "https://slack.com/api/"


class SettingsError(Exception):
    """A setting that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_URL
    bot_token: str = ""
    signing_secret: str = ""
    app_token: str = ""
    slack_api_url: str = SLACK_API_URL
    admins: frozenset[str] = frozenset()
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/London"))
    today: date | None = None
    port: int = 3000
    scheduler: bool = True
    grace_days: int = 7
    cycle_minutes: int = 5
    claim_lease_seconds: int = 300
    reply_cache: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            database_url=env.get("DATABASE_URL") or DEFAULT_URL,
            bot_token=env.get("SLACK_BOT_TOKEN", ""),
            signing_secret=env.get("SLACK_SIGNING_SECRET", ""),
            app_token=env.get("SLACK_APP_TOKEN", ""),
            slack_api_url=_api_url(env.get("SLACK_API_URL") or SLACK_API_URL),
            admins=frozenset(a for a in env.get("LSCB_ADMINS", "").replace(",", " ").split()),
            timezone=_zone(env.get("LSCB_TIMEZONE") or "Europe/London"),
            today=_today(env.get("LSCB_TODAY", "")),
            port=_port(env.get("PORT") or "3000"),
            scheduler=_on(env, "LSCB_SCHEDULER"),
            grace_days=_whole(env, "LSCB_GRACE_DAYS", 7),
            cycle_minutes=_whole(env, "LSCB_CYCLE_MINUTES", 5, minimum=1),
            claim_lease_seconds=_whole(env, "LSCB_CLAIM_LEASE_SECONDS", 300),
            reply_cache=_on(env, "LSCB_REPLY_CACHE"),
        )

    @property
    def serves_http(self) -> bool:
        return bool(self.bot_token and self.signing_secret)

    @property
    def serves_socket_mode(self) -> bool:
        return bool(self.bot_token and self.app_token)

    def local_date(self) -> date:
        """The local date decisions are made for (LSCB_TODAY, or the real one)."""
        return self.now().astimezone(self.timezone).date()

    def is_admin(self, user_id: str, override: bool | None = None) -> bool:
        """Whether `user_id` is an admin, unless the caller (CLI, console) says so itself."""
        return user_id in self.admins if override is None else override

    def now(self) -> datetime:
        """The current instant, or 12:00 local time on LSCB_TODAY, so that day's 09:00 is past."""
        if self.today is None:
            return utcnow()
        return datetime.combine(self.today, time(12, 0), tzinfo=self.timezone)


def _api_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingsError(f"LSCB_TIMEZONE={name!r} is not a time zone "
                            f"(e.g. Europe/London)") from error


def _today(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise SettingsError(f"LSCB_TODAY={value!r} is not a date like 2014-10-15") from error


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) < 65536:
        raise SettingsError(f"PORT={value!r} is not a port number")
    return int(value)


ON, OFF = ("on", "1", "true", "yes"), ("off", "0", "false", "no")


def _on(env: Mapping[str, str], name: str) -> bool:
    """A switch: on unless set off; a word that is neither is an error, not "on"."""
    value = env.get(name, "").strip().lower() or "on"
    if value not in ON + OFF:
        raise SettingsError(f"{name}={env[name]!r} is neither on nor off: use "
                            f"{' or '.join((ON[0], OFF[0]))} (or {', '.join(ON[1:] + OFF[1:])})")
    return value in ON


def _whole(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < minimum:
        raise SettingsError(f"{name}={value!r} should be a whole number of at least {minimum}")
    return int(value)
