"""`lscb manifest`: the Slack app manifest for this installation.

manifest.yml is the one manifest (tests/test_manifest.py checks its scopes and events
against the code); this prints it with the slash command as the workspace installs it
(`LSCB_COMMAND`, e.g. `/scp`) and, if given, the address where the bot is reachable.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

MANIFEST = Path(__file__).resolve().parent.parent / "manifest.yml"
PLACEHOLDER = "https://YOUR-HOST"
_COMMAND_LINE = re.compile(r"^(\s*- command: )/\S+$", re.M)


class ManifestError(Exception):
    """The manifest cannot be made as asked; the message says why."""


def manifest_for(command: str, base_url: str = "", template: Path = MANIFEST) -> str:
    """The manifest's text, comments kept, for `command` and (if given) `base_url`."""
    text, found = _COMMAND_LINE.subn(lambda m: m.group(1) + command,
                                     template.read_text(encoding="utf-8"))
    if found != 1:
        raise ManifestError(f"{template} should declare exactly one slash command")
    if base_url:
        if not re.fullmatch(r"https://[^\s/]+(/[^\s]*)?", base_url):
            raise ManifestError(f"{base_url!r} is not an https:// address Slack can call")
        text = text.replace(PLACEHOLDER, base_url.rstrip("/"))
    yaml.safe_load(text)  # still a manifest Slack can read
    return text
