"""The `/lscb` grammar: what people type in Slack or the console, read into service calls.

Importing this package registers every subcommand.
"""

from commands.slash import admin, board, changes, lists  # noqa: F401
from commands.slash.arguments import Args, Part
from commands.slash.registry import SUBCOMMANDS, dispatch, only_reads

__all__ = ["SUBCOMMANDS", "Args", "Part", "dispatch", "only_reads"]
