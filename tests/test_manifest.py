"""manifest.yml asks for exactly the scopes and events the code uses, no more, no fewer.

The methods are read from the bot's source (every ``client.<method>(`` call); the scope each
needs is the fake Slack's table, which cites Slack's pages. The end-to-end tests run against a
fake granting exactly the manifest's scopes, so a missing one fails there as missing_scope.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.fakeslack_workspace import HISTORY_SCOPE, INFO_SCOPE, METHOD_SCOPE

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
CALL = re.compile(r"\.(auth|chat|conversations|users|views|apps)_(\w+)\(")
NO_SCOPE = {"auth.test", "views.open", "views.publish", "views.update"}
"""Methods any bot token may call (their pages: "No scope required")."""
READ = {"conversations.history": ("public", "private", "im"),
        "conversations.info": ("public", "private")}
"""Which kinds of conversation the bot reads: history of its channels and of its DMs with
admins (a lost reply is looked for in both); info of the channels admins link."""


def bot_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "bot").rglob("*.py")))


def methods_called() -> set[str]:
    return {f"{group}.{name}" for group, name in CALL.findall(bot_source())}


def scopes_needed(methods: set[str]) -> set[str]:
    needed = {"commands"} if MANIFEST["features"].get("slash_commands") else set()
    for method in methods:
        if method in READ:
            table = HISTORY_SCOPE if method == "conversations.history" else INFO_SCOPE
            needed |= {table[kind] for kind in READ[method]}
        elif method in METHOD_SCOPE:
            needed.add(METHOD_SCOPE[method])
        else:
            assert method in NO_SCOPE, f"{method}: which scope does it need?"
    return needed


def test_the_manifest_requests_exactly_the_scopes_the_code_needs() -> None:
    methods = methods_called()
    assert {"chat.postMessage", "conversations.join", "conversations.open"} <= methods
    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == scopes_needed(methods)


def test_the_manifest_subscribes_to_exactly_the_events_the_app_handles() -> None:
    handled = set(re.findall(r"""app\.event\(["'](\w+)["']\)""", bot_source()))
    assert handled >= {"app_home_opened", "app_uninstalled", "tokens_revoked"}
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == handled
