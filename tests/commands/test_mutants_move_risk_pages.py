"""Due-date moves and the risk log, pinned whole: what is said when there was no date
before or the date is back where the plan had it, who asked and why, the approve/reject
commands, and every part of a risk's line."""

from __future__ import annotations

from datetime import date

from commands.page import Bold, Command, Heading, Items, Mention, Note, Paragraph
from commands.pages.rebaseline import approvals_page, decision_page, move_requested_page
from commands.pages.risks import risk_added_page, risk_line, risk_list_page
from commands.rebaseline import MoveRequest
from commands.risks import ADD_USAGE, RiskEntry

FROM, TO = date(2014, 9, 30), date(2014, 12, 31)
RAISED = date(2014, 10, 1)


def _move(from_date: date | None, status: str, original: date | None = None) -> MoveRequest:
    return MoveRequest(3, "1.1", from_date, TO, "U1", "waiting on data", status, original)


def test_an_approved_move_names_the_plans_first_date_only_when_it_differs() -> None:
    assert [move_requested_page(_move(FROM, "approved", original)).blocks for original in
            (None, TO, FROM)] == [
        [Paragraph((Bold("1.1"), " is now due 31 Dec 2014."))],
        [Paragraph((Bold("1.1"), " is now due 31 Dec 2014."))],
        [Paragraph((Bold("1.1"), " is now due 31 Dec 2014 (originally 30 Sep 2014)."))]]


def test_a_move_from_no_date_says_so() -> None:
    assert move_requested_page(_move(None, "pending")).blocks == [Paragraph((
        "Request #3: move ", Bold("1.1"),
        " from no date to 31 Dec 2014. It waits for an admin's approval."))]


def test_a_rejected_move_from_no_date_stays_as_before() -> None:
    assert decision_page(_move(None, "rejected")).blocks == [Paragraph((
        "Request #3 for ", Bold("1.1"), " rejected: it stays due as before."))]


def test_waiting_moves_show_who_asked_and_why_and_how_to_decide() -> None:
    heading, items, note = approvals_page([_move(None, "pending"), _move(FROM, "pending")]).blocks
    assert isinstance(items, Items)
    assert (heading, [items.render(m) for m in items.entries], note) == (
        Heading("Waiting for approval: 2"),
        [(Bold("#3"), " ", Bold("1.1"), " no date → 31 Dec 2014 · ", Mention("U1"),
          ": waiting on data"),
         (Bold("#3"), " ", Bold("1.1"), " 30 Sep 2014 → 31 Dec 2014 · ", Mention("U1"),
          ": waiting on data")],
        Note((Command("approve N"), " or ", Command("reject N"))))


def test_a_risk_line_shows_its_score_owner_threatened_actions_and_day_raised() -> None:
    assert risk_line(RiskEntry(2, "Late S11 returns", 4, 3, "PMQA", ["2.3", "2.4"], RAISED)) == (
        Bold("R2"), " Late S11 returns · L4×I3=", Bold("12"), " · PMQA",
        " · threatens 2.3, 2.4", " · raised 1 Oct 2014")
    assert risk_line(RiskEntry(5, "Staff turnover", 2, 2, "", [], RAISED)) == (
        Bold("R5"), " Staff turnover · L2×I2=", Bold("4"), " · raised 1 Oct 2014")


def test_a_risk_with_no_actions_is_logged_without_a_threatens_part() -> None:
    assert risk_added_page(RiskEntry(5, "Staff turnover", 2, 2, "", [], RAISED)).blocks == [
        Paragraph(("Risk R5 logged: Staff turnover · L2×I2=4",))]


def test_the_risk_log_says_how_to_add_one_and_narrows_to_the_report() -> None:
    assert risk_list_page([]).blocks == [
        Paragraph(("The risk log has no open risks. Add one: ", ADD_USAGE))]
    items = risk_list_page([RiskEntry(5, "Staff turnover", 2, 2, "", [], RAISED)]).blocks[1]
    assert isinstance(items, Items)
    assert items.narrower == "/lscb report"
