"""Buttons on nudges: Mark complete, Update status (opens the modal), Snooze a week."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.answers import Refused
from bot.interactive import open_view
from bot.listeners.glue import Surface
from bot.slack_errors import SLACK_FAILURES
from commands import Context
from commands.buttons import (
    COMPLETE,
    PICK,
    RETURN,
    SNOOZE,
    UPDATE,
    complete,
    read_return_button,
    snooze,
    update_modal,
)
from commands.page import COMMAND, Line
from commands.pages.clicks import completed_line, snoozed_line
from commands.quarterly import return_form
from commands.render_blocks import after_click
from commands.render_blocks import mrkdwn as as_mrkdwn
from commands.return_modal import return_modal

log = logging.getLogger("lscb")


def register(app: App, surface: Surface) -> None:
    command = surface.settings.command

    def mrkdwn(said: Line) -> str:
        return as_mrkdwn(said, command)

    def clicked(work: Callable[[Context, str], Line]) -> Callable[..., None]:
        def listener(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient,
                     respond: Respond) -> None:
            ack()
            value = str(body["actions"][0].get("value") or "")
            try:
                said = surface.run(context, lambda ctx: work(ctx, value))
            except Refused as refused:
                tell(respond, mrkdwn(refused.line))
                return
            update_in_place(client, body, said, lambda text: tell(respond, text), command)
        return listener

    app.action(COMPLETE)(clicked(lambda ctx, ref: completed_line(ctx.caller.user_id,
                                                                  complete(ctx, ref))))
    app.action(SNOOZE)(clicked(lambda ctx, ref: snoozed_line(ctx.caller.user_id,
                                                              snooze(ctx, ref))))

    def open_modal(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient,
                   respond: Respond) -> None:
        ack()
        refs = [r for r in str(body["actions"][0].get("value") or "").split(",") if r]
        origin = {"channel": (body.get("channel") or {}).get("id", ""),
                  "ts": (body.get("message") or {}).get("ts", "")}
        try:
            view = surface.run(context, lambda ctx: update_modal(ctx, refs, origin))
        except Refused as refused:
            tell(respond, mrkdwn(refused.line))
            return
        open_view(client, body["trigger_id"], view, respond)

    app.action(UPDATE)(open_modal)
    app.action(PICK)(open_modal)

    @app.action(RETURN)
    def open_return(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient,
                    respond: Respond) -> None:
        ack()
        value = str(body["actions"][0].get("value") or "")
        origin = {"channel": (body.get("channel") or {}).get("id", ""),
                  "ts": (body.get("message") or {}).get("ts", "")}

        def form(ctx: Context) -> dict[str, Any]:
            owner, quarter = read_return_button(value, ctx.repo.plan.starts)
            return return_modal(return_form(ctx, owner, quarter), origin, command)

        try:
            view = surface.run(context, form)
        except Refused as refused:
            tell(respond, mrkdwn(refused.line))
            return
        open_view(client, body["trigger_id"], view, respond)


def tell(respond: Respond, text: str) -> None:
    """An ephemeral word to the person who clicked; a failure to say it is only logged."""
    try:
        respond(text=text, response_type="ephemeral", replace_original=False)
    except SLACK_FAILURES:
        log.warning("Could not answer a click through its response_url", exc_info=True)


def update_in_place(client: WebClient, body: dict[str, Any], said: Line,
                    warn: Callable[[str], None], command: str = COMMAND) -> None:
    """Replace the clicked message's buttons with who did what. The change is saved
    already: if Slack will not update the message, say so plainly and log the rest."""
    message = body.get("message") or {}
    channel = (body.get("channel") or {}).get("id")
    if not (channel and message.get("ts")):
        return
    try:
        client.chat_update(channel=channel, ts=message["ts"], text=message.get("text") or " ",
                           blocks=after_click(message.get("blocks") or [], said,
                                             command))
    except SLACK_FAILURES:
        log.warning("Saved a click, but could not update the message it came from",
                    exc_info=True)
        warn(f"Saved: {as_mrkdwn(said, command)} (I could not update the message itself.)")
