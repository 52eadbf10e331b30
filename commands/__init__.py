"""The bot's logic: parse `/lscb` text, decide, and build the reply.

Importing this package registers every subcommand.
"""

from commands import admin, challenges, detail, listing, planner, progress  # noqa: F401
from commands.context import Caller, CommandError, Context, Reply
from commands.registry import SUBCOMMANDS, dispatch

__all__ = ["SUBCOMMANDS", "Caller", "CommandError", "Context", "Reply", "dispatch"]
