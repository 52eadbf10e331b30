"""manifest.yml asks for exactly the scopes and events the code uses, no more, no fewer.

The methods are read from the bot's source (every ``client.<method>(`` call); the scope each
needs is the fake Slack's table, which cites Slack's pages. The end-to-end tests run against a
fake granting exactly the manifest's scopes, so a missing one fails there as missing_scope.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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


def test_the_manifest_for_another_command_changes_only_the_command_and_the_host() -> None:
    from bot.manifest import manifest_for

    made = yaml.safe_load(manifest_for("/scp", "https://scp.example.org/"))
    assert [c["command"] for c in made["features"]["slash_commands"]] == ["/scp"]
    assert made["features"]["slash_commands"][0]["url"] == "https://scp.example.org/slack/events"
    assert made["settings"]["interactivity"]["request_url"].startswith("https://scp.example.org/")
    made["features"]["slash_commands"][0].update(command="/lscb", url=MANIFEST["features"][
        "slash_commands"][0]["url"])
    for part in ("oauth_config", "display_information"):
        assert made[part] == MANIFEST[part]
    assert yaml.safe_load(manifest_for("/lscb")) == MANIFEST


def test_lscb_manifest_prints_it_for_lscb_command(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    monkeypatch.setenv("LSCB_COMMAND", "/scp")
    assert main(["manifest"]) == 0
    assert "    - command: /scp\n" in capsys.readouterr().out
    assert main(["manifest", "--url", "http://plain.example.org"]) == 2
    assert "not an https:// address" in capsys.readouterr().err
