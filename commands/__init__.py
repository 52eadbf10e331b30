"""The bot's logic: services that decide and return values, pages that present them, and
the `/lscb` grammar (`commands.slash`) that reads what people type into service calls."""

from commands.context import Caller, CommandError, Context, NotPermitted

__all__ = ["Caller", "CommandError", "Context", "NotPermitted"]
