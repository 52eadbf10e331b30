"""The `lscb` command line, as a business manager would use it."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from alembic import command
from docx import Document
from openpyxl import load_workbook

from storage.database import alembic_config, head_revision, make_engine
from tests.bot.conftest import Lscb
from tests.fakeslack import FakeSlack
from tests.planyaml import dump_raw, read_raw


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
    raw = read_raw(tmp_path / "before.yaml")
    raw["themes"][1]["actions"][2]["owners"] = ["Fire Brigade"]
    raw["themes"][0]["actions"][0]["text"] = "changed"
    (tmp_path / "bad.yaml").write_text(dump_raw(raw))
    code, _, err = lscb("plan", "import", "bad.yaml")
    assert code == 2
    assert "bad.yaml: refused, nothing was changed" in err
    assert "does not declare: “Fire Brigade” (theme 2, entry 3 (action 2.3))" in err
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


def test_links_by_email_address_through_slack(lscb: Lscb,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    lscb("plan", "import", "--sample")
    code, out, _ = lscb("link", "sam.jones@council.gov.uk", "pmqa")
    assert code == 1 and "needs Slack: set SLACK_BOT_TOKEN" in out
    with FakeSlack() as fake:
        fake.add_user("U0SAM", "sam.jones", email="sam.jones@council.gov.uk")
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.base_url)
        code, out, _ = lscb("link", "sam.jones@council.gov.uk", "pmqa")
        assert code == 0 and "(sam.jones@council.gov.uk) is now linked to Performance" in out
        code, out, _ = lscb("link", "sam.jone@council.gov.uk", "pmqa")
        assert code == 1 and "Nobody in this Slack workspace has the email address" in out
    code, out, _ = lscb("ask", "--as", "U0SAM", "/lscb who pmqa")
    assert "@U0SAM" in out


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


def test_db_upgrade_says_the_revision_before_and_after(lscb: Lscb) -> None:
    head = head_revision()
    code, out, _ = lscb("db", "upgrade")
    assert (code, out) == (0, f"Upgraded sqlite:///lscb.sqlite3 from revision none (empty) "
                              f"to {head}.\n")
    code, out, _ = lscb("db", "upgrade")
    assert (code, out) == (0, f"sqlite:///lscb.sqlite3 is up to date (revision {head}).\n")


def test_db_upgrade_from_an_older_revision(lscb: Lscb, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'lscb.sqlite3'}")
    command.upgrade(alembic_config(engine), "0002")
    engine.dispose()
    code, out, _ = lscb("db", "upgrade")
    assert code == 0 and f"from revision 0002 to {head_revision()}." in out


def test_status_tells_a_person_what_the_bot_holds_and_whether_it_runs(
        lscb: Lscb, monkeypatch: pytest.MonkeyPatch) -> None:
    lscb("plan", "import", "--sample")
    code, out, _ = lscb("status")
    out = " ".join(out.split())
    assert code == 1 and "no cycle has ever finished: is the scheduler running" in out
    assert "cumbria-lscb-2014-2017: Cumbria LSCB Business Plan 2014-2017, 44 actions" in out
    assert "0 channels linked; nobody is linked to " in out and "Chair" in out
    assert "None recorded yet." in out
    lscb("link", "U0CHAIR", "chair")
    lscb("channel", "C0CASE", "case review")
    with FakeSlack() as fake:
        fake.add_channel("C0CASE", "case-review")
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.base_url)
        monkeypatch.setenv("LSCB_TODAY", "2014-10-01")
        lscb("nudges", "run")
    code, out, _ = lscb("status")
    out = " ".join(out.split())  # the text is wrapped at 80 columns
    assert code == 0 and "Scheduler: OK. The last cycle finished " in out
    assert "less than a minute ago" in out and ", finished." in out
    assert "1 channel linked" in out and "Chair," not in out.split("nobody is linked to")[1]
    assert re.search(r"\d+ sent", out) and "unrouted" in out


def test_backup_and_restore_from_the_command_line(lscb: Lscb, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    lscb("plan", "import", "--sample")
    lscb("link", "U0CHAIR", "chair")
    code, out, _ = lscb("backup", "backup.sqlite3")
    assert code == 0 and out.startswith("Backed up sqlite:///lscb.sqlite3 to backup.sqlite3 (")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    code, out, _ = lscb("restore", "backup.sqlite3")
    assert code == 0 and "restored.sqlite3:" in out and "rows in" in out
    code, out, _ = lscb("ask", "--as", "U0CHAIR", "/lscb mine")
    assert code == 0 and "Your actions (6)" in out
    code, _, err = lscb("restore", "backup.sqlite3")
    assert code == 2 and "is not empty" in err
    monkeypatch.setenv("DATABASE_URL", "postgresql://lscb@127.0.0.1:1/lscb")
    code, _, err = lscb("backup", "pg.dump")
    assert code == 2 and "back it up with pg_dump" in err


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


def test_links_prints_urls_and_rotating_replaces_them(
        lscb: Lscb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LSCB_PUBLIC_URL", "https://lscb.example.org")
    monkeypatch.setenv("LSCB_LINK_SECRET", "a key")
    lscb("plan", "import", "--sample")
    code, out, _ = lscb("links")
    urls = re.findall(r"https://lscb\.example\.org/board/[\w-]{43}", out)
    assert code == 0 and "the whole plan" in out and "Chair" in out and len(urls) > 10
    code, chair, _ = lscb("links", "--owner", "chair")
    chair_url = re.findall(r"https://\S+/board/[\w-]{43}", chair)
    assert code == 0 and chair_url and chair_url[0] in urls  # the same link, asked again
    code, rotated, _ = lscb("links", "--rotate")
    assert code == 0 and not set(re.findall(r"https://\S+/board/[\w-]{43}", rotated)) & set(urls)


def test_links_without_a_public_address_say_what_to_set(lscb: Lscb,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LSCB_LINK_SECRET", "a key")
    monkeypatch.delenv("LSCB_PUBLIC_URL", raising=False)
    lscb("plan", "import", "--sample")
    code, _, err = lscb("links")
    assert code == 1 and "LSCB_PUBLIC_URL" in err


def test_the_command_line_gives_an_address(lscb: Lscb) -> None:
    lscb("plan", "import", "--sample")
    code, out, _ = lscb("email", "case", "review", "cr@example.org", "--also")
    assert code == 0 and "cr@example.org" in out
    code, out, _ = lscb("email", "pmqa", "not-an-address")
    assert code == 1 and "is not an email address" in out
    code, out, _ = lscb("nudges", "preview", "--from", "2014-06-02", "--to", "2014-06-02")
    assert "email cr@example.org  [overdue:5.1]" in out  # no channel here: by email
    code, out, _ = lscb("email", "case", "review", "")
    assert code == 0 and "gets no email" in out
    assert "email cr@example.org" not in lscb("nudges", "preview", "--from", "2014-06-02",
                                              "--to", "2014-06-02")[1]


def test_a_text_too_long_is_refused_from_the_command_line(lscb: Lscb) -> None:
    lscb("plan", "import", "--sample")
    code, out, err = lscb("ask", "/lscb challenge 2.3 " + "x" * 2001)
    assert code != 0 and "Keep the challenge under 2,000 characters" in out + err
    assert "x" * 50 not in lscb("ask", "/lscb challenges 2.3")[1]
