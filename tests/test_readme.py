import argparse
import re
import shlex
from pathlib import Path

import pytest

from bot.cli import build_parser
from commands.slash import SUBCOMMANDS

ROOT = Path(__file__).resolve().parent.parent


def first_code_lines(text: str) -> list[str]:
    blocks = text.split("```")
    return [line for block in blocks[1::2] for line in block.splitlines()[1:] if line.strip()]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = first_code_lines((ROOT / "README.md").read_text())
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    test_command = readme[1]
    assert "pytest" in test_command
    assert test_command in ci


def test_the_readme_opens_with_the_run_and_test_commands() -> None:
    readme = first_code_lines((ROOT / "README.md").read_text())
    assert readme[0].startswith("python3 -m venv .venv") and readme[0].endswith("lscb")


# --- every command the README shows exists -----------------------------------------------

SHOWN = re.compile(r"^(?:[A-Z_]+=\S+\s+)*(?:[A-Za-z]+=)?(?:\S*bin/)?lscb ([^`#]*)")
"""A command line or code span that is `lscb …` (after settings such as `DATABASE_URL=…`, or
as `…/bin/lscb …`); not `/lscb …`, which is Slack's command."""


def code_lines(text: str) -> list[str]:
    blocks = text.split("```")
    return [line for block in blocks[1::2] for line in block.splitlines()[1:]]


def inline_code(text: str) -> list[str]:
    prose = "".join(text.split("```")[0::2])
    return re.findall(r"`([^`\n]+)`", prose)


def shown_commands() -> list[tuple[str, bool]]:
    """Each `lscb …` command the README shows, and whether it is shown whole (a code line:
    every argument given) rather than named in passing (`lscb restore`)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = [(m.strip(), True) for line in code_lines(readme)
             for m in SHOWN.findall(line.strip())]
    found += [(m.strip(), False) for span in inline_code(readme) for m in SHOWN.findall(span)]
    return [(words, whole) for words, whole in found if words.strip("…")]  # not `lscb …`


def as_arguments(words: str) -> list[str]:
    """Shell words, without the README's [optional] parts and |alternatives."""
    words = re.sub(r"\s*\[[^\]]*\]", "", words)
    words = re.sub(r"\|\S*", "", words)
    return shlex.split(words)


def subcommand_chain_exists(parser: argparse.ArgumentParser, words: list[str]) -> bool:
    for word in words:
        actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not actions:
            return True
        if word not in actions[0].choices:
            return False
        parser = actions[0].choices[word]
    return True


def test_every_lscb_command_the_readme_shows_exists() -> None:
    shown = shown_commands()
    assert len(shown) > 30 and ("status", True) in shown and ("backup FILE", False) in shown
    for words, whole in shown:
        arguments = as_arguments(words)
        assert subcommand_chain_exists(build_parser(), arguments), words
        if whole:
            try:
                build_parser().parse_args(arguments)
            except SystemExit:
                pytest.fail(f"the README shows `lscb {words}`, which lscb refuses")


def test_every_slash_command_the_readme_names_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    known = {name for entry in SUBCOMMANDS.values() for name in (entry.name, *entry.aliases)}
    typed = [line.strip() for line in code_lines(readme)] + inline_code(readme)
    named = {m[1] for text in typed if (m := re.match(r"/lscb ([a-z][a-z-]*)", text))}
    assert {"link", "who", "channel", "overdue"} <= named
    assert named <= known | {"help"}, named - known
