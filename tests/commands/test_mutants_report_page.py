"""The quarterly report as a page: each line's fields, cuts and the whole page's lists."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from commands.page import Bold, Italic
from commands.pages.report import (
    challenge_line,
    item_line,
    rag_line,
    report_page,
    risk_line,
    undated_line,
)
from commands.report import QuarterReport, ThemeRag
from commands.snapshot import Commentary, Item
from storage.as_at import ActionAsAt, ChallengeAsAt, RiskAsAt
from storage.periods import Quarter
from tests.commands.page_shape import shape
from tests.commands.rows import action_row

Q2 = Quarter(2, 2014, date(2014, 7, 1), date(2014, 9, 30))
AT = datetime(2014, 9, 1, 9, 0, tzinfo=UTC)
#: Longer than every cut the report makes (80, 150, 160), by one character.
LONG_81, LONG_151, LONG_161 = "n" * 81, "n" * 151, "n" * 161


def cut(limit: int) -> str:
    """What `shorten` makes of a run of n's longer than `limit`."""
    return "n" * (limit - 1) + "…"


def action(ref: str, text: str = "Audit", owners: tuple[str, ...] = ("Chair",),
           when_text: str = "June 2014") -> ActionAsAt:
    row = action_row(ref, when_text, date(2014, 6, 30), text=text, status="off-track",
                     owners=owners)
    return ActionAsAt(row, 1, "Leadership", "")


def test_a_rag_line_counts_every_status_with_zero_for_none() -> None:
    rag = ThemeRag(3, "Neglect", Counter({"off-track": 2, "complete": 1}))
    assert rag_line(rag) == (Bold("3. Neglect"), " · 🔴 2 🟠 0 🟢 0 ✅ 1 ⚪ 0")


def test_an_item_shows_its_date_beside_its_wording_and_the_last_commentary() -> None:
    said = Commentary("waiting on health", date(2014, 9, 12), "U1", "off-track")
    item = Item(action("1.1", owners=("Chair", "Board")), "overdue", "June 2014",
                date(2014, 6, 30), commentary=said)
    assert item_line(item) == (
        Bold("1.1"), " Audit · overdue · Chair / Board · June 2014 → 30 Jun 2014", " · ",
        Italic("waiting on health"), " (12 Sep 2014)")


def test_an_item_whose_wording_is_its_date_or_that_has_no_date_shows_no_arrow() -> None:
    same = Item(action("1.2"), "complete", "30 Jun 2014", date(2014, 6, 30))
    undated = Item(action("1.3"), "complete", "ongoing", None)
    assert item_line(same) == (Bold("1.2"), " Audit · complete · Chair · 30 Jun 2014")
    assert item_line(undated) == (Bold("1.3"), " Audit · complete · Chair · ongoing")


def test_an_item_cuts_its_text_and_owners_at_80_and_its_commentary_at_160() -> None:
    said = Commentary(LONG_161, date(2014, 9, 12), "U1", "off-track")
    item = Item(action("1.4", LONG_81, (LONG_81,)), "overdue", "ongoing", None,
                commentary=said)
    assert item_line(item) == (
        Bold("1.4"), f" {cut(80)} · overdue · {cut(80)} · ongoing", " · ", Italic(cut(160)),
        " (12 Sep 2014)")


def test_an_undated_line_cuts_text_owners_and_wording_at_80() -> None:
    assert undated_line(action("8.1", LONG_81, (LONG_81,), LONG_81)) == (
        Bold("8.1"), f" {cut(80)} · {cut(80)} · “{cut(80)}”")
    assert undated_line(action("8.2", "Triage", ("Chair", "Board"), "when ready")) == (
        Bold("8.2"), " Triage · Chair / Board · “when ready”")
    assert undated_line(action("8.3", "Triage", (), "when ready")) == (
        Bold("8.3"), " Triage · no owner · “when ready”")


def test_a_challenge_line_says_its_answer_or_that_it_has_none_cut_at_150() -> None:
    answered = ChallengeAsAt(1, "2.3", AT, "U1", LONG_151, date(2014, 9, 1), LONG_151)
    waiting = ChallengeAsAt(2, "2.4", AT, "U1", "Why late?", date(2014, 9, 1))
    assert challenge_line(answered) == (Bold("2.3"), f" {cut(150)} · ",
                                        f"answered: {cut(150)}")
    assert challenge_line(waiting) == (Bold("2.4"), " Why late? · ", Bold("not yet answered"))


def test_a_risk_line_scores_it_and_names_its_owner_if_any() -> None:
    owned = RiskAsAt(4, LONG_151, 2, 3, "Chair", date(2014, 9, 1), ())
    nobody = RiskAsAt(5, "Staff leave", 1, 4, "", date(2014, 9, 1), ())
    assert risk_line(owned) == (Bold("R4"), f" {cut(150)} · L2×I3=6", " · Chair")
    assert risk_line(nobody) == (Bold("R5"), " Staff leave · L1×I4=4")


def test_the_report_page_lists_every_section_with_its_narrower_command() -> None:
    late = Item(action("1.1"), "overdue", "30 Jun 2014", date(2014, 6, 30))
    done = Item(action("1.2"), "complete", "30 Jun 2014", date(2014, 6, 30))
    report = QuarterReport(
        "Business plan", "LSCB", Q2, date(2014, 9, 30),
        rag=[ThemeRag(1, "Leadership", Counter({"on-track": 1}))],
        exceptions=[late], highlights=[done],
        silent=[action("3.1", owners=("Chair",)), action("3.2", owners=("Board", "Chair"))],
        challenges=[ChallengeAsAt(1, "2.3", AT, "U1", "Why?", date(2014, 9, 1))],
        risks=[RiskAsAt(4, "Staff leave", 2, 3, "", date(2014, 9, 1), ())],
        undated=[action("8.1", when_text="when ready")])
    page = report_page(report)
    assert not page.shared and report_page(report, shared=True).shared
    assert shape(page) == [
        ("heading", "Business plan monitoring: Q2 2014/15 (Jul–Sep 2014)"),
        ("note", ("Business plan · exceptions and highlights as at 30 Sep 2014",)),
        ("items", "", [
            (Bold("RAG by theme"),
             " (🔴 off track 🟠 at risk 🟢 on track ✅ complete ⚪ not started)"),
            (Bold("1. Leadership"), " · 🔴 0 🟠 0 🟢 1 ✅ 0 ⚪ 0")]),
        ("items", "/lscb overdue OWNER", [
            (Bold("Exceptions (1)"),), (Bold("1.1"), " Audit · overdue · Chair · 30 Jun 2014")]),
        ("items", "/lscb undated", [
            (Bold("No date I can read (1)"), ": never called overdue, so listed here"),
            (Bold("8.1"), " Audit · Chair · “when ready”")]),
        ("items", "", [
            (Bold("Highlights (1)"),), (Bold("1.2"), " Audit · complete · Chair · 30 Jun 2014")]),
        ("items", "/lscb owner NAME", [
            (Bold("No update this quarter (2)"),), (Bold("Board"), ": 3.2"),
            (Bold("Chair"), ": 3.1, 3.2")]),
        ("items", "/lscb challenges", [
            (Bold("Challenges (1)"),), (Bold("2.3"), " Why? · ", Bold("not yet answered"))]),
        ("items", "/lscb risk list", [
            (Bold("Open risks (1)"),), (Bold("R4"), " Staff leave · L2×I3=6")]),
    ]


def test_a_report_with_no_exceptions_says_none_and_leaves_out_the_undated() -> None:
    page = report_page(QuarterReport("Business plan", "LSCB", Q2, date(2014, 9, 30)))
    assert shape(page)[3:5] == [
        ("items", "/lscb overdue OWNER", [(Bold("Exceptions (0)"),), ("None.",)]),
        ("items", "", [(Bold("Highlights (0)"),)]),
    ]
