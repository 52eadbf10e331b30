"""`/lscb` subcommands for the board's business: challenges, risks, the report, the planner."""

from __future__ import annotations

from commands import challenges, planner, risks
from commands.context import CommandError, Context
from commands.page import Command, Page
from commands.pages.challenges import (
    challenge_answered_page,
    challenge_log_page,
    challenge_logged_page,
)
from commands.pages.planner import planner_page, rule_set_page
from commands.pages.report import report_page
from commands.pages.risks import risk_added_page, risk_closed_page, risk_list_page
from commands.quarters import read_quarter
from commands.report import build_report, check_may_share
from commands.slash.arguments import Args
from commands.slash.registry import subcommand
from commands.text import whole_number

RISK_OPTIONS = {"likelihood": "likelihood", "l": "likelihood", "impact": "impact",
                "i": "impact", "owner": "owner", "actions": "actions", "action": "actions"}


@subcommand("challenge REF TEXT", changes_plan=True)
def challenge(ctx: Context, args: Args) -> Page:
    """log a challenge to the owner of an action"""
    ref = args.next_word()
    return challenge_logged_page(challenges.log_challenge(ctx, ref, args.rest()))


@subcommand("challenges [REF]")
def challenge_log(ctx: Context, args: Args) -> Page:
    """the challenge log, for the whole plan or one action"""
    return challenge_log_page(challenges.challenge_log(ctx, args.next_word()), ctx.tz)


@subcommand("answer N TEXT", changes_plan=True)
def answer(ctx: Context, args: Args) -> Page:
    """answer challenge N (the action's owner, or an admin)"""
    number = whole_number(args.next_word().lstrip("#"))
    return challenge_answered_page(challenges.answer_challenge(ctx, number, args.rest()))


@subcommand("risk add|list|close", changes_plan=True)
def risk(ctx: Context, args: Args) -> Page:
    """the risk log: `risk add …`, `risk list`, `risk close N [note]`"""
    verb = args.next_word().lower()
    if verb in ("", "list"):
        return risk_list_page(risks.open_risks(ctx))
    if verb == "add":
        options = args.options(RISK_OPTIONS)
        refs = [r for r in options.get("actions", "").split(",") if r.strip()]
        return risk_added_page(risks.add_risk(ctx, args.rest(), options.get("likelihood", ""),
                                              options.get("impact", ""),
                                              options.get("owner", ""), refs))
    if verb == "close":
        number = whole_number(args.next_word().lstrip("Rr#"))
        return risk_closed_page(risks.close_risk(ctx, number, args.rest()))
    raise CommandError("Use ", Command("risk add …"), ", ", Command("risk list"), " or ",
                       Command("risk close N"), ". To add: ", risks.ADD_USAGE)


@subcommand("report [QUARTER] [--share]")
def report(ctx: Context, args: Args) -> Page:
    """the quarterly monitoring report: RAG, exceptions, highlights, challenges, risks"""
    shared = args.flag("--share")
    if shared:
        check_may_share(ctx)
    quarter = read_quarter(args.rest(), ctx.today, ctx.repo.plan.starts)
    return report_page(build_report(ctx, quarter), shared)


@subcommand("schedule [set KEY RULE]", changes_plan=True)
def schedule(ctx: Context, args: Args) -> Page:
    """the reporting planner and next dates; admins change a cadence with `set`"""
    if args.peek() == "set":
        args.next_word()
        key = args.next_word()
        return rule_set_page(planner.set_cadence_rule(ctx, key, args.rest()))
    return planner_page(planner.planner(ctx))
