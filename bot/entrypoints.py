"""What each `lscb` command does, once its arguments are read."""

from __future__ import annotations

import argparse
import logging
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answers import Asker, Refused, in_context
from bot.config import Settings, SettingsError
from bot.console import CONSOLE_TEAM, Who, ask_page, run_console, shown, typed_lines
from bot.manifest import ManifestError, manifest_for
from commands import Context, admin
from commands.owner_email import set_email as set_owner_email
from commands.page import Page
from commands.pages.admin import channel_page, email_page, linked_page, unlinked_page
from commands.render_text import to_text
from storage.database import DEFAULT_URL, Database, Session, upgrade
from storage.errors import NoPlan, PlanFileError
from storage.exporter import plan_document
from storage.importer import import_plan
from storage.models import Plan
from storage.planfiles import SAMPLES, NewPlan, read_plan_file, write_plan_file
from storage.planfiles.template import write_template
from storage.repository import active_plan
from storage.timestamps import utcnow
from storage.workspaces import (
    chosen_plan,
    plan_exists,
    plan_for_cli,
    plan_named,
    plans_with_counts,
    remove_plan,
    use_plan,
)

if TYPE_CHECKING:
    from apscheduler.schedulers.base import BaseScheduler
    from slack_bolt import App
    from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("lscb")
CLI = Asker("cli", is_admin=True)


def serve(settings: Settings) -> int:
    if not (settings.serves_http or settings.serves_socket_mode):
        raise SettingsError("serving Slack needs SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET "
                            "(HTTP) or SLACK_APP_TOKEN (Socket Mode); `lscb console` needs "
                            "neither")
    database = Database(settings.database_url)
    app = slack_app(settings, database)
    if settings.app_token:
        log.info("Connecting to Slack in Socket Mode")
        handler = socket_mode_handler(app, settings)
        connect_socket_mode(handler)
        if settings.scheduler:
            _scheduler(settings, database, blocking=False).start()
        threading.Event().wait()  # as SocketModeHandler.start: the socket's threads serve
        return 0
    if settings.scheduler:
        _scheduler(settings, database, blocking=False).start()
    from bot.board_web import board_pages
    from bot.heartbeat import HealthCheck
    from bot.web import LIMITS, make_server, make_wsgi

    wsgi = make_wsgi(app, database, settings.signing_secret, LIMITS.body_bytes,
                     HealthCheck(database, settings.cycle_minutes),
                     pages=board_pages(database, settings))
    server = make_server(wsgi, "0.0.0.0", settings.port)
    log.info("Serving Slack at http://0.0.0.0:%s/slack/events, the board page at /board/… "
             "and calendar feeds at /calendar/…", server.effective_port)
    server.run()
    return 0


def slack_app(settings: Settings, database: Database) -> App:
    """The bolt app; SettingsError if Slack refuses the bot's token (bolt asks auth.test)."""
    from slack_bolt.error import BoltError

    from bot.app import create_app

    try:
        return create_app(settings, database)
    except BoltError as error:
        cause = re.search(r"'error': '(\w+)'", str(error))
        raise SettingsError(
            f"Slack refuses SLACK_BOT_TOKEN ({cause[1] if cause else error}): copy the Bot "
            "User OAuth Token (xoxb-…) from your app's OAuth & Permissions page, or "
            "reinstall the app") from error


def connect_socket_mode(handler: SocketModeHandler) -> None:
    """Open the WebSocket, or say plainly why Slack will not give the bot one."""
    from slack_sdk.errors import SlackApiError

    try:
        handler.connect()
    except SlackApiError as error:
        cause = str(error.response.get("error") or "")
        if cause in ("invalid_auth", "not_authed", "not_allowed_token_type", "token_revoked"):
            raise SettingsError(
                f"Slack refuses SLACK_APP_TOKEN ({cause}): make an app-level token (xapp-…) "
                "with connections:write under Basic Information") from error
        raise SettingsError(
            f"Slack will not open a Socket Mode connection ({cause}): turn Socket Mode on "
            "under your app's Settings → Socket Mode, or unset SLACK_APP_TOKEN to serve "
            "over HTTP") from error


def socket_mode_handler(app: App, settings: Settings) -> SocketModeHandler:
    """Slack over a WebSocket the bot opens (no public URL); its Web API calls, including
    apps.connections.open, go to SLACK_API_URL through the app's client."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, settings.app_token, web_client=app.client)


def open_with_sample(settings: Settings, sample: str | None = None) -> Database:
    """The database; the local default one gets the sample plan on first use, so the console
    has something to show, and the `sample` asked for (made the plan in use) if it lacks it.
    A database named by DATABASE_URL is never given a sample."""
    database = Database(settings.database_url)
    if settings.database_url != DEFAULT_URL:
        if sample:
            print(f"--sample loads a sample only into the local database, not "
                  f"{settings.database_url}: use `lscb plan import --sample {sample}`.")
        return database
    with database.unit_of_work() as session:
        try:
            plan = active_plan(session)
        except NoPlan:
            plan = None
        wanted = read_plan_file(SAMPLES[sample or "cumbria"])
        if plan is None or (sample and not plan_exists(session, wanted.slug)):
            report = import_plan(session, wanted, CLI.user_id, settings.now())
            print(f"Loaded the sample plan {wanted.slug} into {settings.database_url}: "
                  f"{len(report.created)} actions.")
        if sample:
            use_plan(session, CONSOLE_TEAM, plan_named(session, wanted.slug), CLI.user_id,
                     settings.now())
        session.commit()
    return database


def console(settings: Settings, sample: str | None = None, plan: str | None = None) -> int:
    lines = typed_lines() if sys.stdin.isatty() else sys.stdin
    database = open_with_sample(settings, sample)
    run_console(database, settings, lines, print, chosen_slug(database, plan, CONSOLE_TEAM))
    return 0


def ask_once(settings: Settings, who: str, text: str, plan: str | None = None) -> int:
    """`lscb ask`: one answer on standard output; non-zero when the bot refused."""
    database = open_with_sample(settings)
    page = ask_page(database, settings, Who.parse(who), text,
                    chosen_slug(database, plan, CONSOLE_TEAM))
    print(shown(page, text, settings.command))
    return 1 if page.is_error else 0


def chosen_slug(database: Database, slug: str | None, team_id: str | None = None) -> str:
    """The slug of the plan a command works on: `slug` (checked), else the one `team_id`
    works from (the console's, or by default the plan imported last), said on stderr when
    the database holds others it might have meant ("" when none)."""
    with database.unit_of_work() as session:
        plan, others = plan_for_cli(session, slug, team_id)
    if plan is not None and others:
        which = "the plan the console works from" if team_id else "the plan imported last"
        print(f"lscb: working on {plan.slug}, {which} (also here: {', '.join(others)}; "
              "choose one with --plan SLUG).", file=sys.stderr)
    return plan.slug if plan else ""


def print_manifest(settings: Settings, url: str) -> int:
    """`lscb manifest`: the app manifest for the slash command as configured."""
    try:
        print(manifest_for(settings.command, url), end="")
    except ManifestError as error:
        print(f"lscb: {error}", file=sys.stderr)
        return 2
    return 0


def upgrade_database(settings: Settings) -> int:
    """`lscb db upgrade`: the schema's revision before and after (every command upgrades by
    itself too; this says what it did)."""
    database = Database(settings.database_url, migrate=False)
    try:
        before, after = upgrade(database.engine)
    finally:
        database.dispose()
    if before == after:
        print(f"{settings.database_url} is up to date (revision {after}).")
    else:
        print(f"Upgraded {settings.database_url} from revision {before or 'none (empty)'} "
              f"to {after}.")
    return 0


def backup_database(settings: Settings, file: Path) -> int:
    """`lscb backup FILE`: SQLite's online backup, safe while the bot runs."""
    from storage.backup import backup

    size = backup(settings.database_url, file)
    print(f"Backed up {settings.database_url} to {file} ({size:,} bytes).")
    return 0


def restore_database(settings: Settings, file: Path) -> int:
    """`lscb restore FILE`: every table of a backup into the empty DATABASE_URL."""
    from storage.backup import restore

    restored = restore(file, settings.database_url)
    print(f"Restored {file} into {settings.database_url}: {sum(restored.rows.values()):,} "
          f"rows in {len(restored.rows)} tables (revision {restored.revision}).")
    return 0


def plan_file(settings: Settings, args: argparse.Namespace) -> int:
    if args.plan_command == "template":
        return template(args.file)
    database = Database(settings.database_url)
    with database.unit_of_work() as session:
        if args.plan_command == "list":
            for plan, actions, teams in plans_with_counts(session):
                used = f"; used by {', '.join(teams)}" if teams else ""
                print(f"{plan.slug}: {plan.title}, {actions} actions, imported "
                      f"{plan.imported_at:%Y-%m-%d %H:%M} UTC{used}")
            return 0
        if args.plan_command == "use":
            use_plan(session, args.team, plan_named(session, args.slug), CLI.user_id,
                     settings.now())
            session.commit()
            print(f"Workspace {args.team} now works from {args.slug}.")
            return 0
        if args.plan_command == "remove":
            return remove(session, plan_named(session, args.slug), args.yes)
        chosen = chosen_plan(session, args.plan)
        if args.plan_command == "export":
            if chosen is None:
                raise NoPlan()
            write_plan_file(plan_document(session, chosen), args.file)
            print(f"Exported {chosen.slug} to {args.file}.")
            return 0
        return import_file(session, settings, args, chosen)


def import_file(session: Session, settings: Settings, args: argparse.Namespace,
                chosen: Plan | None) -> int:
    """`lscb plan import`: a file or a sample, over the plan chosen or as a new one."""
    doc = read_plan_file(SAMPLES[args.sample] if args.sample else args.file,
                         plan_document(session, chosen) if chosen else None,
                         create_owners=args.create_owners, new=new_plan(session, args))
    summary = import_plan(session, doc, CLI.user_id, settings.now()).summary()
    session.commit()
    print(summary)
    return 0


def template(path: Path) -> int:
    write_template(path)
    print(f"Wrote a blank plan to fill in: {path}. Fill in its sheets (the Guide says how), "
          f"then `lscb plan import {path}`.")
    return 0


def new_plan(session: Session, args: argparse.Namespace) -> NewPlan | None:
    """The plan `--new SLUG --title … --starts … --ends …` starts, or None without --new."""
    if not args.new:
        return None
    if missing := [f"--{n}" for n in ("title", "starts", "ends") if not getattr(args, n)]:
        raise PlanFileError("--new", [f"a new plan needs {', '.join(missing)} as well"])
    if plan_exists(session, args.new):
        raise PlanFileError("--new", [f"there is already a plan {args.new}: import without "
                                      f"--new (and with --plan {args.new}) to update it"])
    return NewPlan(args.new, args.title, args.starts, args.ends)


def remove(session: Session, plan: Plan, confirmed: bool) -> int:
    """`lscb plan remove SLUG --yes`: the plan and everything recorded about it."""
    if not confirmed:
        print(f"lscb: this deletes {plan.slug} ({plan.title}) with all its actions, updates, "
              f"challenges, risks and audit log. To go ahead: lscb plan remove {plan.slug} "
              "--yes", file=sys.stderr)
        return 2
    slug, teams = plan.slug, remove_plan(session, plan)
    session.commit()
    moved = (f" Workspaces {', '.join(teams)} now work from the plan imported last."
             if teams else "")
    print(f"Removed plan {slug}.{moved}")
    return 0


LINKERS: dict[str, tuple[Callable[[Context, str, str], admin.Linked],
                         Callable[[admin.Linked], Page]]] = {
    "link": (admin.link_user, linked_page),
    "unlink": (admin.unlink_user, unlinked_page),
    "channel": (admin.link_channel, channel_page),
}


def link(settings: Settings, verb: str, target: str, owner: str,
         plan: str | None = None) -> int:
    """`lscb link|unlink|channel`: the same services admins use in Slack."""
    service, page = LINKERS[verb]
    database = Database(settings.database_url)
    asker = replace(CLI, plan=chosen_slug(database, plan))
    slack = None
    if settings.bot_token:  # with a token, a channel is checked (and joined) as in Slack
        from bot.slack_client import make_client
        from bot.slack_side import WorkspaceSlack

        slack = WorkspaceSlack(make_client(settings))
    try:
        linked = in_context(database, settings, asker, lambda ctx: service(ctx, target, owner),
                            slack)
    except Refused as refused:
        print(to_text(Page(is_error=True).paragraph(refused.line)))
        return 1
    print(to_text(page(linked)))
    return 0


def board_links(settings: Settings, owner: str, rotate: bool) -> int:
    """`lscb links [--owner OWNER] [--rotate]`: the links, issued or replaced."""
    from commands.links import board_links as issue
    from commands.pages.links import links_page

    try:
        found = in_context(Database(settings.database_url), settings, CLI,
                           lambda ctx: issue(ctx, owner, rotate))
    except Refused as refused:
        print(to_text(Page(is_error=True).paragraph(refused.line)), file=sys.stderr)
        return 1
    print(to_text(links_page(found, rotated=rotate)))
    return 0


def set_email(settings: Settings, owner: str, address: str, also: bool) -> int:
    """`lscb email OWNER ADDRESS [--also]`: the service admins use in Slack."""
    try:
        result = in_context(Database(settings.database_url), settings, CLI,
                            lambda ctx: set_owner_email(ctx, owner, address, also))
    except Refused as refused:
        print(to_text(Page(is_error=True).paragraph(refused.line)))
        return 1
    print(to_text(email_page(result)))
    return 0


def _scheduler(settings: Settings, database: Database, *, blocking: bool) -> BaseScheduler:
    from bot.cycle import run_cycle, worker_name
    from bot.delivery import make_sender
    from bot.heartbeat import beating
    from bot.scheduler import make_scheduler

    sender = make_sender(settings)
    return make_scheduler(settings, lambda: beating(
        database, worker_name(), lambda: run_cycle(database, settings, sender).summary()),
        blocking=blocking)


def run_scheduler(settings: Settings) -> int:
    if not settings.bot_token:
        raise SettingsError("the scheduler posts to Slack: set SLACK_BOT_TOKEN")
    _scheduler(settings, Database(settings.database_url), blocking=True).start()
    return 0


def run_nudges(settings: Settings) -> int:
    from bot.cycle import run_cycle
    from bot.delivery import make_sender

    if not settings.bot_token:
        raise SettingsError("sending nudges needs SLACK_BOT_TOKEN; "
                            "`lscb nudges preview` shows them without Slack")
    from bot.cycle import worker_name
    from bot.heartbeat import beating

    database = Database(settings.database_url)
    report = beating(database, worker_name(),
                     lambda: run_cycle(database, settings, make_sender(settings)))
    print(report.summary())
    return 0 if not report.failed else 1


def show_status(settings: Settings) -> int:
    """`lscb status`: the heartbeat, the plans and the ledger; 1 when the scheduler seems
    stopped, so a script can tell."""
    from commands.pages.status import status_page
    from commands.status import status

    with Database(settings.database_url).unit_of_work() as session:
        page = status_page(status(session, utcnow(), settings.cycle_minutes))
    print(to_text(page))
    return 1 if page.is_error else 0


def preview_nudges(settings: Settings, first: date | None, last: date | None) -> int:
    from bot.preview import preview

    database = Database(settings.database_url)
    today = settings.local_date()
    first = first or today
    print(preview(database, settings, first, last or first + timedelta(days=30)))
    return 0


def write_report(settings: Settings, out: Path, fmt: str | None, quarter: str,
                 year: str = "", plan: str | None = None) -> int:
    from bot.board_files import UnknownFormat, report_format
    from bot.board_files import write_report as write

    try:
        report_format(out, fmt, yearly=bool(year))
        database = Database(settings.database_url)
        print(write(database, settings, out, fmt, quarter, year, chosen_slug(database, plan)))
    except (UnknownFormat, Refused) as error:
        print(f"lscb: {error}", file=sys.stderr)
        return 2
    return 0


def export_audit(settings: Settings, out: Path) -> int:
    from bot.board_files import export_audit as export

    print(f"Wrote {export(Database(settings.database_url), out)} audit entries to {out}.")
    return 0
