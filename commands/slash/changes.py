"""`/lscb` subcommands that change actions: status, completion, due dates."""

from __future__ import annotations

from commands import progress, quarterly, rebaseline
from commands.context import CommandError, Context
from commands.page import Bold, Command, Page
from commands.pages.progress import status_changed_page
from commands.pages.rebaseline import approvals_page, decision_page, move_requested_page
from commands.slash.arguments import Args
from commands.slash.registry import subcommand
from commands.text import whole_number


@subcommand("update REF STATUS [note]", changes_plan=True)
def update(ctx: Context, args: Args) -> Page:
    """set an action's status: not-started, on-track, at-risk, off-track or complete"""
    ref, status = args.next_word(), args.next_word()
    if not status:
        raise CommandError("Say which action and its new status, e.g. ",
                           Command("update 2.3 at-risk waiting for two agencies' returns"), ".")
    return status_changed_page(progress.update_status(ctx, ref, status, args.rest()))


@subcommand("done REF [note]", changes_plan=True)
def done(ctx: Context, args: Args) -> Page:
    """mark an action complete (short for `update REF complete`)"""
    ref = args.next_word()
    return status_changed_page(progress.update_status(ctx, ref, "complete", args.rest()))


@subcommand("return REF STATUS commentary", changes_plan=True)
def give_return(ctx: Context, args: Args) -> Page:
    """give an action's quarterly return (RAG and commentary) for the quarter just ended"""
    ref, status = args.next_word(), args.next_word()
    if not status:
        raise CommandError("Say which action, its RAG for the quarter and a commentary, e.g. ",
                           Command("return 2.3 amber two agencies' returns still late"), ".")
    given, quarter = quarterly.return_one(ctx, ref, status, args.rest())
    return Page().paragraph(f"Return for {quarter.label} given for ", Bold(given), ".")


@subcommand("move REF DATE REASON", changes_plan=True)
def move(ctx: Context, args: Args) -> Page:
    """change an action's due date, with a reason; waits for an admin unless you are one"""
    ref, rest = args.next_word(), args.rest()
    if not rest:
        raise CommandError("Say which action, the new date and why, e.g. ",
                           Command("move 2.5 2015-06-30 survey supplier delayed"), ".")
    new_date, reason = rebaseline.read_new_date(rest, ctx.repo.plan)
    if not reason:
        raise CommandError("Say why the date moves, e.g. ",
                           Command("move 2.5 September 2015 survey supplier delayed"), ".")
    return move_requested_page(rebaseline.request_move(ctx, ref, new_date, reason))


@subcommand("approvals", admin_only=True)
def approvals(ctx: Context, args: Args) -> Page:
    """due-date changes waiting for approval (admins)"""
    return approvals_page(rebaseline.pending_moves(ctx))


@subcommand("approve N", admin_only=True, changes_plan=True)
def approve(ctx: Context, args: Args) -> Page:
    """approve a due-date change (admins)"""
    number = whole_number(args.next_word().lstrip("#"))
    return decision_page(rebaseline.decide_move(ctx, number, True))


@subcommand("reject N", admin_only=True, changes_plan=True)
def reject(ctx: Context, args: Args) -> Page:
    """reject a due-date change (admins)"""
    number = whole_number(args.next_word().lstrip("#"))
    return decision_page(rebaseline.decide_move(ctx, number, False))
