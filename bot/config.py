"""Settings, read once from the environment, and the clock they imply."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.smtp import SmtpServer, SmtpUrlError
from commands.page import COMMAND
from storage.database import DEFAULT_URL
from storage.links import LinkKeys
from storage.timestamps import utcnow

SLACK_API_URL = "https://slack.com/api/"
#: Slack's rule for a slash command's name (api.slack.com/interactivity/slash-commands,
#: "Creating a Slash Command"): a slash, then lowercase with no spaces, 32 characters in all.
_SLASH_COMMAND = re.compile(r"/[a-z0-9][a-z0-9_.\-]{0,30}")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("text", "json")


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
    command: str = COMMAND
    log_level: str = ""
    """LSCB_LOG_LEVEL; "" leaves it to the command (INFO to serve, WARNING otherwise)."""
    log_format: str = "text"
    #: Where people reach `lscb serve` from outside, for the links it prints.
    public_url: str = ""
    #: The key board links are derived with; SLACK_SIGNING_SECRET when not set.
    link_secret: str = ""
    smtp_url: str = ""
    """LSCB_SMTP_URL: where email goes (smtp:// with STARTTLS when offered, or smtps://)."""
    mail_from: str = ""
    """LSCB_MAIL_FROM: the address emails come from (needed with LSCB_SMTP_URL)."""

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
            command=_command(env.get("LSCB_COMMAND", "").strip() or COMMAND),
            log_level=_choice(env, "LSCB_LOG_LEVEL", LOG_LEVELS, "").upper(),
            log_format=_choice(env, "LSCB_LOG_FORMAT", LOG_FORMATS, "text").lower(),
            public_url=_public_url(env.get("LSCB_PUBLIC_URL", "")),
            link_secret=env.get("LSCB_LINK_SECRET", ""),
            **_mail(env),
        )

    def link_keys(self) -> LinkKeys | None:
        """What board links are made with, or None when there is no key at all. Without
        LSCB_LINK_SECRET the signing secret serves (HMAC'd for this purpose alone); set it
        to keep the links when the Slack app's secret is regenerated."""
        secret = self.link_secret or self.signing_secret
        return LinkKeys(secret, self.public_url) if secret else None

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


def _mail(env: Mapping[str, str]) -> dict[str, str]:
    """LSCB_SMTP_URL and LSCB_MAIL_FROM, checked together (one is no use without the other)."""
    url, sender = env.get("LSCB_SMTP_URL", "").strip(), env.get("LSCB_MAIL_FROM", "").strip()
    if url and not re.match(r"^smtps?://[^/?#]+/?$", url):
        raise SettingsError("LSCB_SMTP_URL should look like smtp://user:password@host:587 or "
                            "smtps://host:465 (percent-encode a / ? # or @ in the password)")
    try:
        if url:
            SmtpServer.from_url(url)
    except SmtpUrlError as error:
        raise SettingsError(str(error)) from error
    if url and not re.match(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$", sender):
        raise SettingsError("LSCB_SMTP_URL needs LSCB_MAIL_FROM, the address emails come "
                            "from, e.g. lscb-bot@example.org")
    return {"smtp_url": url, "mail_from": sender}


def _api_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _public_url(value: str) -> str:
    value = value.strip().rstrip("/")
    if value and not value.startswith(("https://", "http://")):
        raise SettingsError(f"LSCB_PUBLIC_URL={value!r} should start with https:// "
                            f"(e.g. https://lscb-bot.example.org)")
    return value


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingsError(f"LSCB_TIMEZONE={name!r} is not a time zone "
                            f"(e.g. Europe/London)") from error


def _command(value: str) -> str:
    if not _SLASH_COMMAND.fullmatch(value):
        raise SettingsError(f"LSCB_COMMAND={value!r} is not a slash command Slack accepts "
                            f"(a slash, then lowercase letters, digits or - _ ., at most 32 "
                            f"characters, e.g. /scp)")
    return value


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


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        return default
    if value.upper() not in {c.upper() for c in choices}:
        raise SettingsError(f"{name}={value!r} should be one of {', '.join(choices)}")
    return value
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
