"""The bot's logic: parse `/lscb` text, decide, and build the reply.

Importing this package registers every subcommand.
"""

from commands import (  # noqa: F401
    admin,
    challenges,
    detail,
    history,
    listing,
    planner,
    progress,
    rebaseline,
    report,
    risks,
)
from commands.context import Caller, CommandError, Context, Reply
from commands.registry import SUBCOMMANDS, dispatch

__all__ = ["SUBCOMMANDS", "Caller", "CommandError", "Context", "Reply", "dispatch"]
