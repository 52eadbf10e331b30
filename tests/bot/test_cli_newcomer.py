"""Ordinary mistakes at the command line get one line saying what to do, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings, SettingsError
from bot.entrypoints import serve
from tests.bot.conftest import Lscb
from tests.fakeslack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(("args", "said"), [
    (("report", "--out", "r.md", "--quarter", "Q9"), "can't read “Q9” as a quarter"),
    (("report", "--out", "no/such/folder/r.md"), "no/such/folder/r.md: No such file"),
    (("plan", "export", "no/such/folder/plan.csv"), "No such file or directory"),
])
def test_a_mistake_in_the_arguments(lscb: Lscb, args: tuple[str, ...],
                                    said: str) -> None:
    lscb("plan", "import", "--sample")
    code, _, err = lscb(*args)
    assert code == 2 and said in one_line(err)


@pytest.mark.parametrize(("url", "said"), [
    ("nonsense", "is not a database URL: use sqlite:///FILE or postgresql://"),
    ("mysql+nodriver://h/db", "is not a database URL"),
    ("postgresql://lscb:secret@127.0.0.1:9/lscb", "check DATABASE_URL and that the database"),
    ("sqlite:////no/such/folder/lscb.sqlite3", "unable to open database file"),
])
def test_a_database_url_that_cannot_be_used(lscb: Lscb, monkeypatch: pytest.MonkeyPatch,
                                            url: str, said: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    code, _, err = lscb("plan", "list")
    assert code == 2 and said in one_line(err) and "secret" not in err


def test_postgresql_without_its_driver_says_which_extra(lscb: Lscb,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if never installed
    monkeypatch.setenv("DATABASE_URL", "postgresql://h/db")
    code, _, err = lscb("plan", "list")
    assert code == 2 and "pip install '.[postgres]'" in one_line(err)


def test_a_switch_that_is_neither_on_nor_off_is_an_error() -> None:
    with pytest.raises(SettingsError, match="LSCB_SCHEDULER='disabled' is neither on nor off"):
        Settings.from_env({"LSCB_SCHEDULER": "disabled"})
    assert not Settings.from_env({"LSCB_SCHEDULER": "Off"}).scheduler
    assert Settings.from_env({"LSCB_SCHEDULER": "yes"}).scheduler
    assert Settings.from_env({}).scheduler


def test_output_closed_early_ends_quietly(tmp_path: Path) -> None:
    """`lscb ask … | head`: the reader is gone before the answer is written."""
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "LSCB_TODAY": "2014-10-15"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "/lscb overdue"],
                          cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, stdout=write,
                          stderr=subprocess.PIPE, text=True, timeout=60)
    os.close(write)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "Broken pipe" not in done.stderr


def test_ctrl_c_stops_with_one_line(lscb: Lscb, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(settings: Settings) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.entrypoints.run_scheduler", interrupted)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    assert main(["scheduler"]) == 130
    assert one_line(capsys.readouterr().err) == "lscb: stopped."


def test_serve_with_a_token_slack_refuses(tmp_path: Path) -> None:
    with FakeSlack(token="xoxb-right") as fake:
        settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
                            bot_token="xoxb-wrong", signing_secret="s",
                            slack_api_url=fake.base_url, scheduler=False)
        with pytest.raises(SettingsError, match=r"refuses SLACK_BOT_TOKEN \(invalid_auth\)"):
            serve(settings)


def test_serve_in_socket_mode_when_slack_has_it_off(tmp_path: Path) -> None:
    with FakeSlack() as fake:  # no socket_url: Socket Mode is not on for the app
        settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
                            bot_token="xoxb-test", app_token="xapp-1",
                            slack_api_url=fake.base_url, scheduler=False)
        with pytest.raises(SettingsError, match="turn Socket Mode on"):
            serve(settings)


@pytest.fixture
def two_plans(lscb: Lscb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              database_url: str) -> Lscb:
    """The sample plan, and a copy of it imported after as `other-plan`."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    lscb("plan", "import", "--sample")
    lscb("plan", "export", "plan.yaml")
    text = (tmp_path / "plan.yaml").read_text()
    (tmp_path / "other.yaml").write_text(text.replace("slug: cumbria-lscb-2014-2017",
                                                      "slug: other-plan", 1))
    assert lscb("plan", "import", "other.yaml")[0] == 0
    return lscb


def test_removing_a_plan_asks_for_yes_then_takes_all_of_it(two_plans: Lscb) -> None:
    two_plans("ask", "--plan", "other-plan", "/lscb challenge 2.3 why late?")
    two_plans("channel", "C1", "policy", "--plan", "other-plan")
    code, _, err = two_plans("plan", "remove", "other-plan")
    assert code == 2 and "To go ahead: lscb plan remove other-plan --yes" in one_line(err)
    assert "other-plan" in two_plans("plan", "list")[1]
    code, out, _ = two_plans("plan", "remove", "other-plan", "--yes")
    assert code == 0 and out.strip() == "Removed plan other-plan."
    assert "other-plan" not in two_plans("plan", "list")[1]
    assert "No challenges" in two_plans("ask", "/lscb challenges")[1]
    code, _, err = two_plans("plan", "remove", "nope", "--yes")
    assert code == 2 and "There is no plan “nope”" in one_line(err)


@pytest.mark.parametrize(("args", "which"), [
    (("ask", "/lscb overdue chair"), "the plan the console works from"),
    (("report", "--out", "report.md"), "the plan imported last"),
    (("link", "U5", "chair"), "the plan imported last"),
])
def test_with_several_plans_a_command_says_which_it_used(two_plans: Lscb, args: tuple[str, ...],
                                                         which: str) -> None:
    code, _, err = two_plans(*args)
    assert code == 0
    assert one_line(err) == (f"lscb: working on other-plan, {which} (also here: "
                             "cumbria-lscb-2014-2017; choose one with --plan SLUG).")
    code, _, err = two_plans(*args, "--plan", "cumbria-lscb-2014-2017")
    assert code == 0 and err == ""


def test_the_plan_chosen_is_the_one_changed(two_plans: Lscb) -> None:
    two_plans("ask", "--plan", "cumbria-lscb-2014-2017", "/lscb done 1.1")
    assert "complete" in two_plans("ask", "--plan", "cumbria-lscb-2014-2017",
                                   "/lscb action 1.1")[1]
    assert "complete" not in two_plans("ask", "/lscb action 1.1")[1]
