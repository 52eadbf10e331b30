"""The `lscb` command line, as a business manager would use it."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from bot.cli import main
from tests.fakeslack import FakeSlack

Run = tuple[int, str, str]
Lscb = Callable[..., Run]


@pytest.fixture
def lscb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Lscb]:
    """`lscb ARGS…` in an empty folder (so on a fresh default SQLite file there), no Slack
    credentials, 15 Oct 2014."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "LSCB_ADMINS",
                 "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LSCB_TODAY", "2014-10-15")
    monkeypatch.chdir(tmp_path)

    def run(*args: str, stdin: str = "") -> Run:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def test_import_the_sample_and_export_all_44_actions(lscb: Lscb, tmp_path: Path) -> None:
    assert lscb("plan", "import", "--sample")[1].startswith(
        "Imported plan cumbria-lscb-2014-2017: 44 new"
    )
    code, out, _ = lscb("plan", "export", "plan.csv")
    assert code == 0 and "Exported cumbria-lscb-2014-2017" in out
    rows = list(csv.DictReader((tmp_path / "plan.csv").open(newline="")))
    assert len(rows) == 44
    assert {r["ref"]: r["due_date"] for r in rows}["6.1"] == "2015-03-31"
    assert all(r["owners"] and r["when"] for r in rows)


def test_a_bad_file_is_refused_naming_row_and_field_and_nothing_changes(
    lscb: Lscb, tmp_path: Path
) -> None:
    lscb("plan", "import", "--sample")
    lscb("plan", "export", "before.yaml")
    raw = yaml.safe_load((tmp_path / "before.yaml").read_text())
    raw["themes"][1]["actions"][2]["owners"] = ["Fire Brigade"]
    raw["themes"][0]["actions"][0]["text"] = "changed"
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(raw))
    code, _, err = lscb("plan", "import", "bad.yaml")
    assert code == 2
    assert "bad.yaml: refused, nothing was changed" in err
    assert "theme 2, entry 3 (action 2.3): field “owners”: “Fire Brigade”" in err
    lscb("plan", "export", "after.yaml")
    assert (tmp_path / "after.yaml").read_text() == (tmp_path / "before.yaml").read_text()


def test_links_from_the_command_line(lscb: Lscb) -> None:
    lscb("plan", "import", "--sample")
    code, out, _ = lscb("link", "U0123ABCD", "case", "review")
    assert code == 0 and "<@U0123ABCD> is now linked to Case Review Subgroup" in out.replace(
        "@U0123ABCD", "<@U0123ABCD>"
    )
    code, out, _ = lscb("channel", "C0PMQA", "pmqa")
    assert code == 0 and "#C0PMQA" in out
    code, out, _ = lscb("link", "U0123ABCD", "lscb")
    assert code == 1 and "could be any of" in out and "LSCB Senior Manager" in out
    code, out, _ = lscb("unlink", "U0123ABCD", "case review")
    assert code == 0 and "no longer linked" in out
    code, out, _ = lscb("ask", "--as", "U0123ABCD", "/lscb mine")
    assert "not linked" in out


def test_ask_answers_once_as_an_owner(lscb: Lscb) -> None:
    code, out, _ = lscb("ask", "--as", "Chair", "/lscb my-actions")
    assert code == 0 and "Loaded the sample plan" in out
    assert "Your actions (6)" in out and "1.1 Governance arrangements" in out


def test_no_credentials_opens_the_console(lscb: Lscb) -> None:
    code, out, _ = lscb(
        stdin="overdue chair\nas Chair\nmine\ntoday 2014-06-15\nmine\nfrobnicate\nquit\n"
    )
    assert code == 0
    assert "lscb console" in out and "Overdue for Chair on 15 Oct 2014: 6 items" in out
    assert "Now speaking as Chair." in out and "Today is Sunday 15 June 2014." in out
    assert "Did you mean" not in out.split("frobnicate")[0]
    assert "I don't know `frobnicate`" in out


def test_db_upgrade(lscb: Lscb) -> None:
    code, out, _ = lscb("db", "upgrade")
    assert code == 0 and "is up to date" in out


def test_plans_and_workspaces(lscb: Lscb) -> None:
    lscb("plan", "import", "--sample")
    assert lscb("plan", "use", "cumbria-lscb-2014-2017", "--team", "T1")[0] == 0
    assert "44 actions" in lscb("plan", "list")[1] and "used by T1" in lscb("plan", "list")[1]
    code, _, err = lscb("plan", "use", "nope", "--team", "T1")
    assert code == 2 and "There is no plan “nope”" in err


def test_preview_shows_the_planner_on_working_days(lscb: Lscb) -> None:
    lscb("plan", "import", "--sample")
    lscb("channel", "C0CASE", "case review")
    code, out, _ = lscb("nudges", "preview", "--from", "2014-04-01", "--to", "2015-03-31")
    assert code == 0
    scr = re.findall(r"^(\w{3}) (\S+) 09:00 \S+  #C0CASE  \[report:scr-updates\]", out, re.M)
    assert [d for _, d in scr] == [
        "2014-04-01",
        "2014-06-02",
        "2014-08-01",
        "2014-10-01",
        "2014-12-01",
        "2015-02-02",
    ]
    assert all(weekday in ("Mon", "Tue", "Wed", "Thu", "Fri") for weekday, _ in scr)
    assert "NOBODY WILL HEAR THIS  [report:s11-annual]" in out


def test_nudges_run_sends_through_slack_once(lscb: Lscb, monkeypatch: pytest.MonkeyPatch) -> None:
    lscb("plan", "import", "--sample")
    lscb("channel", "C0CASE", "case review")
    with FakeSlack() as fake:
        fake.add_channel("C0CASE", "case-review")  # the bot joins it to post
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.base_url)
        monkeypatch.setenv("LSCB_TODAY", "2014-10-01")
        code, out, _ = lscb("nudges", "run")
        assert code == 0 and "sent 2014-10-01 C0CASE report:scr-updates" in out
        again = lscb("nudges", "run")[1]
        assert "sent 0" in again
        assert len([m for m in fake.messages("C0CASE") if "SCR update" in m["text"]]) == 1


def test_the_board_pack_files_open_and_hold_the_report(lscb: Lscb, tmp_path: Path) -> None:
    lscb("plan", "import", "--sample")
    lscb("ask", "/lscb update 2.3 at-risk two returns late")
    for name in ("pack.md", "pack.csv", "pack.xlsx", "pack.docx"):
        code, out, _ = lscb("report", "--out", name, "--quarter", "Q3 2014/15")
        assert code == 0 and "Q3 2014/15 (Oct–Dec 2014) monitoring report" in out
    markdown = (tmp_path / "pack.md").read_text()
    assert markdown.startswith("# Business plan monitoring report: Q3 2014/15")
    assert "| 2.3 |" in markdown and "two returns late" in markdown
    rows = list(csv.reader((tmp_path / "pack.csv").open(newline="", encoding="utf-8-sig")))
    assert rows[0][:4] == ["section", "ref", "item", "owners"]
    assert rows[[r[1] for r in rows].index("2.3")][:2] == ["Exception", "2.3"]
    sheet = load_workbook(tmp_path / "pack.xlsx")["Exceptions"]
    assert "Q3 2014/15" in sheet["A1"].value
    assert Document(str(tmp_path / "pack.docx")).paragraphs[0].style.name == "Title"


def test_the_format_follows_the_file_name_unless_told(lscb: Lscb, tmp_path: Path) -> None:
    lscb("plan", "import", "--sample")
    assert lscb("report", "--out", "report.xlsx")[0] == 0
    assert zipfile.is_zipfile(tmp_path / "report.xlsx")  # a workbook, not Markdown
    assert lscb("report", "--out", "board.txt", "--format", "md")[0] == 0
    assert (tmp_path / "board.txt").read_text().startswith("# Business plan monitoring")
    code, _, err = lscb("report", "--out", "report.pdf")
    assert code == 2 and "“.pdf” is not a format" in err and ".docx" in err
    assert not (tmp_path / "report.pdf").exists()
    code, _, err = lscb("report", "--out", "year.csv", "--year", "2014/15")
    assert code == 2 and "yearly report" in err
    code, _, err = lscb("report", "--out", "q.md", "--quarter", "Q9 2014")
    assert code == 2 and "can't read" in err


def test_the_yearly_report_is_written(lscb: Lscb, tmp_path: Path) -> None:
    lscb("plan", "import", "--sample")
    lscb("ask", "/lscb done 1.4 membership reviewed")
    code, out, _ = lscb("report", "--year", "2014/15", "--out", "year.docx")
    assert code == 0 and "2014/15 (Apr 2014–Mar 2015) yearly report" in out
    document = Document(str(tmp_path / "year.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Where there has been little or no progress" in headings
    assert "Sign-off by the lead safeguarding partners" in headings
    for name in ("year.md", "year.xlsx"):
        assert lscb("report", "--year", "2014/15", "--out", name)[0] == 0
    assert "Sign-off" in load_workbook(tmp_path / "year.xlsx").sheetnames


def test_the_audit_log_exports(lscb: Lscb, tmp_path: Path) -> None:
    lscb("plan", "import", "--sample")
    lscb("ask", "/lscb done 1.1 agreed")
    assert lscb("audit", "export", "audit.json")[0] == 0
    entries = json.loads((tmp_path / "audit.json").read_text())
    assert [e["verb"] for e in entries] == ["plan.import", "action.status"]
    assert entries[1]["subject"] == "1.1" and entries[1]["actor"] == "UCONSOLE"
    lscb("audit", "export", "audit.csv")
    assert len(list(csv.reader((tmp_path / "audit.csv").open()))) == 3


def test_a_bad_setting_is_a_clear_error(lscb: Lscb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LSCB_TODAY", "15/10/2014")
    code, _, err = lscb("ask", "/lscb overdue")
    assert code == 2 and "LSCB_TODAY='15/10/2014' is not a date like 2014-10-15" in err


def test_a_text_too_long_is_refused_from_the_command_line(lscb: Lscb) -> None:
    lscb("plan", "import", "--sample")
    code, out, err = lscb("ask", "/lscb challenge 2.3 " + "x" * 2001)
    assert code != 0 and "Keep the challenge under 2,000 characters" in out + err
    assert "x" * 50 not in lscb("ask", "/lscb challenges 2.3")[1]
