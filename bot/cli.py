"""The `lscb` command line: serve, console, ask, and the business manager's tools."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bot.config import Settings, SettingsError
from bot.logs import configure_logging
from storage.errors import StorageError

SAMPLE_NAMES = ("cumbria", "partnership")  # storage.planfiles.SAMPLES, without importing it

log = logging.getLogger("lscb")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lscb", description="A Slack bot that keeps an LSCB business plan alive. "
        "With no command: serve Slack if credentials are set, else open the console.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="serve Slack (HTTP, or Socket Mode with SLACK_APP_TOKEN)")
    console = sub.add_parser("console", help="try the bot locally, without Slack")
    console.add_argument(
        "--sample", choices=SAMPLE_NAMES, default=None,
        help="work on this sample plan (the local database gets it if it lacks it)")
    ask = sub.add_parser("ask", help='answer one command, e.g. lscb ask --as Chair "/lscb mine"')
    ask.add_argument("--as", dest="who", default="admin",
                     help="an owner (Chair), a Slack user ID (U123), or admin (default)")
    ask.add_argument("text", help='the command, e.g. "/lscb overdue"')
    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command",
                                                                         required=True)
    db.add_parser("upgrade", help="bring the database schema up to date")
    sub.add_parser("backup", help="copy the SQLite database to FILE, safely while the bot "
                   "runs (PostgreSQL: use pg_dump)").add_argument("file", type=Path)
    sub.add_parser("restore", help="copy a backup FILE into the empty database at "
                   "DATABASE_URL (SQLite or PostgreSQL)").add_argument("file", type=Path)
    plan = sub.add_parser("plan", help="import or export the plan").add_subparsers(
        dest="plan_command", required=True)
    imp = plan.add_parser("import", help="import a plan file (.yaml, .csv, .xlsx)")
    source = imp.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path)
    source.add_argument("--sample", nargs="?", const="cumbria", choices=SAMPLE_NAMES,
                        help="a shipped sample: cumbria (the Cumbria LSCB Business Plan "
                        "2014-2017, the default) or partnership (a fictional safeguarding "
                        "children partnership's plan 2025-2028)")
    imp.add_argument("--plan", help="the plan a CSV of actions edits (default: the latest)")
    imp.add_argument("--create-owners", action="store_true",
                     help="create the owners the file names but does not declare (else "
                     "the import is refused, naming them)")
    new = imp.add_argument_group("a new plan from a CSV of actions alone")
    new.add_argument("--new", metavar="SLUG", help="start a new plan called SLUG")
    new.add_argument("--title", help="the new plan's title")
    new.add_argument("--starts", type=_date, help="the first day of the new plan, 2025-04-01")
    new.add_argument("--ends", type=_date, help="the last day of the new plan, 2028-03-31")
    plan.add_parser("template", help="write a blank plan workbook to fill in (.xlsx)"
                    ).add_argument("file", type=Path)
    exp = plan.add_parser("export", help="export the plan (.yaml, .csv, .xlsx)")
    exp.add_argument("file", type=Path)
    exp.add_argument("--plan", help="which plan (default: the latest imported)")
    plan.add_parser("list", help="the plans in the database and the workspaces using them")
    remove = plan.add_parser("remove", help="delete a plan and everything recorded about it")
    remove.add_argument("slug")
    remove.add_argument("--yes", action="store_true", help="yes, delete it")
    use = plan.add_parser("use", help="make a plan the one a Slack workspace works from")
    use.add_argument("slug")
    use.add_argument("--team", required=True, help="the Slack workspace (team) ID, T…")
    nudges = sub.add_parser("nudges", help="reporting nudges and reminders").add_subparsers(
        dest="nudges_command", required=True)
    nudges.add_parser("run", help="run one cycle now: record what is due and send it")
    preview = nudges.add_parser("preview", help="list what the schedule will send; sends nothing")
    preview.add_argument("--from", dest="first", type=_date, help="first day (default: today)")
    preview.add_argument("--to", dest="last", type=_date, help="last day (default: +30 days)")
    sub.add_parser("status", help="is the scheduler alive; plans, channels, who is unlinked, "
                   "what is pending or failed")
    sub.add_parser("scheduler", help="run only the nudge scheduler (the Procfile's worker)")
    report = sub.add_parser("report", help="write the quarterly or the yearly report to a file")
    report.add_argument("--out", type=Path, required=True,
                        help="the file: .docx, .xlsx, .md or .csv (the format follows it)")
    report.add_argument("--format", choices=("md", "csv", "xlsx", "docx"),
                        help="write this format whatever the file is called")
    period = report.add_mutually_exclusive_group()
    period.add_argument("--quarter", default="", help="e.g. 'Q2 2014/15' (default: current)")
    period.add_argument("--year", default="", help="the yearly report, e.g. 2015/16")
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", required=True)
    audit.add_parser("export", help="write the whole audit log (.csv, .xlsx, .json)").add_argument(
        "file", type=Path)
    sub.add_parser("manifest", help="print the Slack app manifest for LSCB_COMMAND").add_argument(
        "--url", default="", help="where the bot is reachable, e.g. https://lscb.example.org")
    links = sub.add_parser("links", help="print the board page and calendar links "
                           "(built on LSCB_PUBLIC_URL)")
    links.add_argument("--owner", default="", help="only this role's or subgroup's links")
    links.add_argument("--rotate", action="store_true",
                       help="replace the links: the old ones answer 404 from now on")
    linkers = []
    for name, target in (("link", "USER"), ("unlink", "USER"),
                         ("channel", "SLACK_CHANNEL_ID")):
        linker = sub.add_parser(name, help=f"{name} {target} to a role or subgroup")
        linker.add_argument("target", metavar=target, help=(
            "a Slack user ID (U0123ABCD) or their email address (needs SLACK_BOT_TOKEN)"
            if target == "USER" else "a Slack channel ID (C0123ABCD)"))
        linker.add_argument("owner", nargs="+", metavar="OWNER")
        linkers.append(linker)
    email = sub.add_parser("email", help="send an owner's nudges by email (ADDRESS \"\" or "
                           "none removes it)")
    email.add_argument("owner", nargs="+", metavar="OWNER")
    email.add_argument("address", metavar="ADDRESS")
    email.add_argument("--also", action="store_true",
                       help="email as well as the owner's Slack channel")
    for works_on_a_plan in (console, ask, report, *linkers):
        works_on_a_plan.add_argument(
            "--plan", metavar="SLUG", help="which plan (default: the one in use)")
    return parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2014-04-01") from error


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging()
    try:
        settings = Settings.from_env()
        configure_logging(settings.log_level or _default_level(args, settings),
                          settings.log_format)
        return _run(args, settings)
    except (SettingsError, StorageError) as error:
        print(f"lscb: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `lscb … | head`: the reader has all it wanted
        _quiet_stdout()
        return 1
    except OSError as error:  # a file that cannot be read or written
        where = f"{error.filename}: " if error.filename else ""
        print(f"lscb: {where}{error.strerror or error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nlscb: stopped.", file=sys.stderr)
        return 130


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's flush at exit does not fail again
    (docs.python.org/3/library/signal.html, "Note on SIGPIPE")."""
    with contextlib.suppress(OSError, ValueError):  # no real stdout (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _default_level(args: argparse.Namespace, settings: Settings) -> str:
    """INFO for the long-running processes (a platform keeps their log), else WARNING."""
    serving = args.command in ("serve", "scheduler") or (
        args.command is None and (settings.serves_http or settings.serves_socket_mode))
    return "INFO" if serving else "WARNING"


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot import entrypoints as tasks

    command = args.command or ("serve" if settings.serves_http or settings.serves_socket_mode
                               else "console")
    handlers = {
        "serve": lambda: tasks.serve(settings),
        "console": lambda: tasks.console(settings, getattr(args, "sample", None),
                                         getattr(args, "plan", None)),
        "ask": lambda: tasks.ask_once(settings, args.who, args.text, args.plan),
        "db": lambda: tasks.upgrade_database(settings),
        "backup": lambda: tasks.backup_database(settings, args.file),
        "restore": lambda: tasks.restore_database(settings, args.file),
        "nudges": lambda: (tasks.run_nudges(settings) if args.nudges_command == "run"
                           else tasks.preview_nudges(settings, args.first, args.last)),
        "scheduler": lambda: tasks.run_scheduler(settings),
        "status": lambda: tasks.show_status(settings),
        "report": lambda: tasks.write_report(settings, args.out, args.format, args.quarter,
                                             args.year, args.plan),
        "audit": lambda: tasks.export_audit(settings, args.file),
        "plan": lambda: tasks.plan_file(settings, args),
        "manifest": lambda: tasks.print_manifest(settings, args.url),
        "links": lambda: tasks.board_links(settings, args.owner, args.rotate),
        "link": lambda: tasks.link(settings, args.command, args.target, " ".join(args.owner),
                                   args.plan),
        "unlink": lambda: tasks.link(settings, args.command, args.target, " ".join(args.owner),
                                     args.plan),
        "channel": lambda: tasks.link(settings, args.command, args.target, " ".join(args.owner),
                                      args.plan),
        "email": lambda: tasks.set_email(settings, " ".join(args.owner), args.address,
                                         args.also),
    }
    return handlers[command]()


if __name__ == "__main__":
    sys.exit(main())
