"""End-to-end fixtures: the real bot behind waitress on 127.0.0.1, talking to FakeSlack.

Every test gets its own copy of a SQLite database prepared once per session (migrated, sample
plan imported), its own bolt App and its own HTTP server on an ephemeral port, so tests can
change the plan freely. Requests are signed exactly as Slack signs them (`tests.fakeslack`).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from slack_sdk.models.blocks import Block

from storage.database import Database
from tests.conftest import prepare_database
from tests.fakeslack import MESSAGE_BLOCKS_MAX, FakeSlack, check_blocks, signed_slash_command
from tests.planyaml import dump_raw, sample_raw
from tests.slackapp import ADMIN, app_settings, serving
from tests.slackapp import SIGNING_SECRET as SECRET

TODAY = date(2014, 10, 15)
BIG_PLAN_ACTIONS = 500
BIG_THEME_ONE = 340  # theme 1 alone is too long for one message; the 8 others share the rest

JSON = dict[str, Any]


# --- checking replies -----------------------------------------------------------------------


def block_texts(blocks: list[JSON]) -> list[str]:
    """Every piece of text a reader sees in `blocks`: sections, headers, context elements."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            texts.append(block["text"]["text"])
        texts += [f["text"] for f in block.get("fields") or []]
        texts += [e["text"] for e in block.get("elements") or [] if "text" in e
                  and isinstance(e["text"], str)]
    return texts


def section_texts(reply: JSON) -> list[str]:
    return [b["text"]["text"] for b in reply["blocks"] if b["type"] == "section"]


def assert_well_formed(reply: JSON) -> None:
    """What Slack itself would check of an ack body holding a message."""
    assert reply["response_type"] in ("ephemeral", "in_channel")
    assert isinstance(reply["text"], str) and reply["text"].strip()
    blocks = reply["blocks"]
    assert isinstance(blocks, list) and 1 <= len(blocks) <= MESSAGE_BLOCKS_MAX
    assert check_blocks(blocks, MESSAGE_BLOCKS_MAX) == []
    for block in blocks:
        assert Block.parse(block) is not None, block
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert 0 < len(block["text"]["text"]) <= 150


# --- the bot over HTTP ----------------------------------------------------------------------


@dataclass
class Bot:
    """A running bot: its /slack/events URL, its database file, and ways to talk to it."""

    url: str
    db_path: Path
    database: Database

    @property
    def base(self) -> str:
        return self.url.removesuffix("/slack/events")

    def send(self, text: str, user: str = ADMIN, **options: Any) -> tuple[int, JSON | str]:
        """POST `/lscb text` signed like Slack; the raw (status, body)."""
        return signed_slash_command(self.url, SECRET, text=text, user_id=user, **options)

    def ask(self, text: str, user: str = ADMIN) -> JSON:
        """`/lscb text` as `user`: the reply, checked to be a message Slack would accept."""
        status, body = self.send(text, user)
        assert status == 200, body
        assert isinstance(body, dict), body
        assert_well_formed(body)
        return body

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urlopen(Request(self.base + path), timeout=5) as response:
                return response.status, response.read().decode()
        except HTTPError as error:
            return error.code, error.read().decode()


@contextmanager
def serve(db_path: Path, fake: FakeSlack) -> Iterator[Bot]:
    """The real app on an ephemeral port, on the database file `db_path`."""
    database = Database(f"sqlite:///{db_path}")
    try:
        with serving(database, app_settings(database, fake, TODAY)) as url:
            yield Bot(url, db_path, database)
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def bot(sample_file: Path, tmp_path: Path, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot on a fresh copy of the sample plan, today being 15 Oct 2014."""
    copy = Path(shutil.copyfile(sample_file, tmp_path / "lscb.sqlite3"))
    with serve(copy, fake_slack) as running:
        yield running


@pytest.fixture
def undated_bot(undated_file: Path, tmp_path: Path, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot on a copy of the sample plan with two actions it has no date for
    (`tests.conftest.UNDATED_WORDINGS`)."""
    copy = Path(shutil.copyfile(undated_file, tmp_path / "undated.sqlite3"))
    with serve(copy, fake_slack) as running:
        yield running


# --- a plan of 500 actions ------------------------------------------------------------------


def big_plan_dict() -> JSON:
    """The sample plan's owners, themes and reporting with 500 synthetic actions instead.

    All are the Chair's and were due in May 2014, so all are overdue on 15 Oct 2014; each has
    one milestone in March 2016, so `due 3650 days` has 500 items too. Their texts are full of
    `&`, which escaping multiplies by five: lines are long, and none of the lists fit.
    """
    raw = sample_raw()
    themes = raw["themes"]
    counts = [BIG_THEME_ONE] + [(BIG_PLAN_ACTIONS - BIG_THEME_ONE) // (len(themes) - 1)] * (
        len(themes) - 1)
    assert sum(counts) == BIG_PLAN_ACTIONS
    for theme, count in zip(themes, counts, strict=True):
        number = theme["number"]
        theme["actions"] = [{
            "ref": f"{number}.{i}",
            "text": f"Synthetic action {number}.{i}: S&C " + "&" * 200,
            "owners": ["Chair"],
            "when": "May 2014",
            "outcome": "Q&A " * 20,
            "milestones": [{"label": f"Milestone of {number}.{i} " + "&" * 200,
                            "when": "March 2016"}],
        } for i in range(1, count + 1)]
    return raw


@pytest.fixture(scope="session")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e-big")
    plan = folder / "big-plan.yaml"
    plan.write_text(dump_raw(big_plan_dict(), sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return prepare_database(folder / "big.sqlite3", plan)


@pytest.fixture
def big_bot(big_file: Path, tmp_path: Path, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot on a fresh copy of the 500-action plan, with UCHAIR linked to the Chair."""
    copy = Path(shutil.copyfile(big_file, tmp_path / "big.sqlite3"))
    with serve(copy, fake_slack) as running:
        assert "now linked to Chair" in running.ask("link <@UCHAIR> chair")["text"]
        yield running
