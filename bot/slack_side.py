"""What services may ask of Slack (`commands.context.SlackSide`), answered with the bot's
own client."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.channels import UNREACHABLE, prepare_channel
from bot.slack_errors import CONNECTION_ERRORS, cause_group
from commands.context import FoundUser
from commands.page import Line

log = logging.getLogger("lscb.slack")


@dataclass(frozen=True)
class WorkspaceSlack:
    client: WebClient

    def check_channel(self, channel_id: str) -> Line:
        """Join the channel if it is public; say what stops the bot otherwise."""
        return prepare_channel(self.client, channel_id).sentence

    def find_user(self, email: str) -> FoundUser:
        """users.lookupByEmail (scope users:read.email): ``users_not_found`` when nobody in
        the workspace has the address; a deactivated account is found, marked deleted
        (https://api.slack.com/methods/users.lookupByEmail)."""
        try:
            user = self.client.users_lookupByEmail(email=email)["user"]
        except SlackApiError as error:
            return FoundUser(problem=cause_group(str(error.response.get("error", ""))
                                                 or UNREACHABLE))
        except CONNECTION_ERRORS as error:
            log.warning("Could not look up a user by email address: %s", type(error).__name__)
            return FoundUser(problem=UNREACHABLE)
        if user.get("deleted"):
            return FoundUser(problem="deleted")
        return FoundUser(user_id=str(user["id"]))
