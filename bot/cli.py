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
from storage.errors import StorageError

log = logging.getLogger("lscb")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lscb", description="A Slack bot that keeps an LSCB business plan alive. "
        "With no command: serve Slack if credentials are set, else open the console.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="serve Slack (HTTP, or Socket Mode with SLACK_APP_TOKEN)")
    console = sub.add_parser("console", help="try the bot locally, without Slack")
    ask = sub.add_parser("ask", help='answer one command, e.g. lscb ask --as Chair "/lscb mine"')
    ask.add_argument("--as", dest="who", default="admin",
                     help="an owner (Chair), a Slack user ID (U123), or admin (default)")
    ask.add_argument("text", help='the command, e.g. "/lscb overdue"')
    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command",
                                                                         required=True)
    db.add_parser("upgrade", help="bring the database schema up to date")
    plan = sub.add_parser("plan", help="import or export the plan").add_subparsers(
        dest="plan_command", required=True)
    imp = plan.add_parser("import", help="import a plan file (.yaml, .csv, .xlsx)")
    source = imp.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path)
    source.add_argument("--sample", action="store_true",
                        help="the Cumbria LSCB Business Plan 2014-2017")
    imp.add_argument("--plan", help="the plan a CSV of actions edits (default: the latest)")
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
    linkers = []
    for name, target in (("link", "SLACK_USER_ID"), ("unlink", "SLACK_USER_ID"),
                         ("channel", "SLACK_CHANNEL_ID")):
        linker = sub.add_parser(name, help=f"{name} {target} to a role or subgroup")
        linker.add_argument("target", metavar=target)
        linker.add_argument("owner", nargs="+", metavar="OWNER")
        linkers.append(linker)
    for works_on_a_plan in (console, ask, report, *linkers):
        works_on_a_plan.add_argument(
            "--plan", metavar="SLUG", help="which plan (default: the one imported last)")
    return parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2014-04-01") from error


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = Settings.from_env()
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


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot import entrypoints as tasks

    command = args.command or ("serve" if settings.serves_http or settings.serves_socket_mode
                               else "console")
    handlers = {
        "serve": lambda: tasks.serve(settings),
        "console": lambda: tasks.console(settings, getattr(args, "plan", None)),
        "ask": lambda: tasks.ask_once(settings, args.who, args.text, args.plan),
        "db": lambda: tasks.upgrade_database(settings),
        "nudges": lambda: (tasks.run_nudges(settings) if args.nudges_command == "run"
                           else tasks.preview_nudges(settings, args.first, args.last)),
        "scheduler": lambda: tasks.run_scheduler(settings),
        "report": lambda: tasks.write_report(settings, args.out, args.format, args.quarter,
                                             args.year, args.plan),
        "audit": lambda: tasks.export_audit(settings, args.file),
        "plan": lambda: tasks.plan_file(settings, args),
        "link": lambda: tasks.link(settings, args.command, args.target, " ".join(args.owner),
                                   args.plan),
        "unlink": lambda: tasks.link(settings, args.command, args.target, " ".join(args.owner),
                                     args.plan),
        "channel": lambda: tasks.link(settings, args.command, args.target, " ".join(args.owner),
                                      args.plan),
    }
    return handlers[command]()


if __name__ == "__main__":
    sys.exit(main())
