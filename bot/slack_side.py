"""What services may ask of Slack (`commands.context.SlackSide`), answered with the bot's
own client."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient

from bot.channels import prepare_channel
from commands.page import Line


@dataclass(frozen=True)
class WorkspaceSlack:
    client: WebClient

    def check_channel(self, channel_id: str) -> Line:
        """Join the channel if it is public; say what stops the bot otherwise."""
        return prepare_channel(self.client, channel_id).sentence
