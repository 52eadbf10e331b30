"""The chair's quarter: reasons, re-baselining, risks, the report, history, the App Home."""

from __future__ import annotations

from datetime import UTC, date, datetime

from commands import Caller, Context
from commands.buttons import Snoozed, complete, modal_values, snooze, submit_update, update_modal
from commands.context import CommandError, NotPermitted
from commands.home import HomeView, home_view
from commands.pages.home import home_page
from commands.progress import StatusChanged
from commands.quarters import make_quarter
from commands.rebaseline import decide_move
from commands.render_blocks import MAX_VIEW_BLOCKS, to_blocks
from commands.report import QuarterReport, build_report
from commands.report_files import report_markdown, report_rows
from storage.database import Database
from storage.repository import PlanRepository
from tests.commands.conftest import Ask

JULY = datetime(2014, 7, 10, 11, tzinfo=UTC)
SEPTEMBER = datetime(2014, 9, 20, 11, tzinfo=UTC)
OCTOBER = datetime(2014, 10, 15, 11, tzinfo=UTC)
POLICY = ("policy",)


def test_amber_and_red_need_a_reason(ask: Ask) -> None:
    refused = ask("update 2.3 red", user="U2", admin=False, acting_as=POLICY)
    assert refused.is_error and "Say why 2.3 is off-track" in refused.text
    assert "not started" in ask("action 2.3").text


def test_an_owner_asks_to_move_a_date_and_an_admin_approves(ask: Ask) -> None:
    asked = ask("move 2.5 Jun-2015 survey supplier delayed", user="U2", admin=False,
                acting_as=POLICY)
    assert "Request #1" in asked.text and "waits for an admin" in asked.text
    assert "Feb 2015 → 28 Feb 2015" in ask("action 2.5").text
    assert "#1* *2.5* 28 Feb 2015 → 30 Jun 2015" in ask("approvals").text
    assert "approved: it is now due 30 Jun 2015" in ask("approve 1").text
    detail = ask("action 2.5").text
    assert "30 Jun 2015 (re-baselined; originally 28 Feb 2015)" in detail
    assert "No due-date changes are waiting" in ask("approvals").text
    assert ask("approve 1").is_error


def test_a_rejected_move_keeps_the_date(ask: Ask) -> None:
    ask("move 2.5 2015-06-30 late", user="U2", admin=False, acting_as=POLICY)
    assert "rejected: it stays due 28 Feb 2015" in ask("reject 1").text
    assert "re-baselined" not in ask("action 2.5").text


def test_non_admins_cannot_approve(ask: Ask, sample_database: Database) -> None:
    asked = ask("move 2.5 Jun-2015 survey supplier delayed", user="U2", admin=False,
                acting_as=POLICY)
    assert "Request #1" in asked.text
    refused = ask("approve 1", user="U2", admin=False, acting_as=POLICY)
    assert refused.is_error and "Only an admin can" in refused.text
    for decide in (True, False):  # the service refuses too, whichever surface calls it
        try:
            in_ctx(sample_database, "U2", POLICY, lambda c, d=decide: decide_move(c, 1, d))
            raise AssertionError("a non-admin decided a due-date change")
        except NotPermitted as error:
            assert "Only an admin can" in str(error)
    assert "#1* *2.5* 28 Feb 2015 → 30 Jun 2015" in ask("approvals").text


def test_the_risk_log(ask: Ask) -> None:
    added = ask("risk add likelihood=4 impact=3 owner=pmqa actions=2.3,2.4 Late S11 returns")
    assert "Risk R1 logged: Late S11 returns · L4×I3=12 · threatens 2.3, 2.4" in added.text
    ask("risk add l=2 i=2 Website supplier may not deliver")
    listed = ask("risk list").text
    assert listed.index("*R1*") < listed.index("*R2*")
    assert ask("risk add likelihood=9 impact=1 nonsense").is_error
    assert ask("risk close 1", user="U5", admin=False, acting_as=("chair",)).is_error
    assert "Risk R1 closed" in ask("risk close 1 returns received", user="U6", admin=False,
                                   acting_as=("pmqa",)).text
    assert "*R1*" not in ask("risk list").text


def test_history_shows_every_change_with_who_and_why(ask: Ask) -> None:
    ask("update 2.3 at-risk two agencies late", user="U2", admin=False, acting_as=POLICY,
        now=JULY)
    ask("challenge 2.3 When will the returns be in?", now=JULY)
    ask("move 2.3 2015-06-30 audit cycle changed", now=SEPTEMBER)
    text = ask("history 2.3").text
    assert "<@U2> status: not-started → at-risk · two agencies late" in text
    assert "challenge" in text
    assert "audit cycle changed" in text


def test_challenges_are_answered_by_the_owner(ask: Ask) -> None:
    ask("challenge 2.3 Why late?")
    assert ask("answer 1 Chased", user="U9", admin=False, acting_as=("chair",)).is_error
    assert "answered" in ask("answer 1 Chased; due 30 Nov", user="U2", admin=False,
                             acting_as=POLICY).text
    assert "answered by <@U2>: Chased; due 30 Nov" in ask("challenges").text


def report_for(database: Database, now: datetime, number: int) -> QuarterReport:
    with database.unit_of_work() as session:
        ctx = Context(PlanRepository.for_team(session), now, Caller("UCHAIR", True))
        return build_report(ctx, make_quarter(2014, number, ctx.repo.plan.starts))


def test_the_quarterly_report_on_known_statuses(sample_database: Database, ask: Ask) -> None:
    ask("update 1.1 off-track partners not engaged", now=JULY)
    ask("update 2.3 at-risk returns late", now=JULY)
    ask("done 1.4 membership reviewed", now=JULY)
    ask("update 3.1 at-risk draft late", now=JULY)
    ask("update 3.1 on-track draft agreed", now=SEPTEMBER)
    ask("challenge 2.3 When?", now=SEPTEMBER)
    ask("risk add l=3 i=4 owner=pmqa Capacity in PMQA", now=SEPTEMBER)
    report = report_for(sample_database, OCTOBER, 2)  # Q2 2014/15: Jul-Sep 2014
    assert report.as_of.isoformat() == "2014-09-30"
    theme1 = report.rag[0].counts
    assert (theme1["off-track"], theme1["complete"], theme1["not-started"]) == (1, 1, 13)
    exceptions = {e.ref: e for e in report.exceptions if not e.milestone}
    assert "🔴 off track" in exceptions["1.1"].why and "overdue" in exceptions["1.1"].why
    assert exceptions["1.1"].owners == "Chair" and exceptions["1.1"].wording == "April 2014"
    assert exceptions["2.3"].commentary is not None
    assert exceptions["2.3"].commentary.note == "returns late"
    assert "1.4" not in exceptions
    assert exceptions["3.1"].why == "3 months overdue"  # back on track, but still late
    assert exceptions["3.1"].overdue_days == 92 and exceptions["3.1"].due.isoformat() == \
        "2014-06-30"
    missed = [e for e in report.exceptions if e.milestone]
    assert [(e.ref, e.due.isoformat()) for e in missed] == [("6.1", "2014-07-31")]
    assert {h.ref for h in report.highlights} == {"1.4", "3.1"}
    assert [c.ref for c in report.challenges] == ["2.3"]
    assert [r.text for r in report.risks] == ["Capacity in PMQA"]
    silent = {a.row.ref for a in report.silent}
    assert "2.3" not in silent and "1.2" in silent and "1.4" not in silent
    markdown = report_markdown(report)
    assert "## Exceptions" in markdown
    assert "| 1. Leadership and Governance | 1 | 0 | 0 | 1 | 13 | 15 |" in markdown
    risk = next(r for r in report_rows(report) if r[0] == "Risk")
    assert risk[:4] == ["Risk", "R1", "Capacity in PMQA", "Performance Management and "
                        "Quality Assurance Subgroup"]


def test_a_past_quarter_stands_as_at_its_end(sample_database: Database, ask: Ask) -> None:
    """Changes on 15 October are not in Q2's report, "as at 30 Sep 2014"."""
    ask("update 2.3 at-risk returns late", now=SEPTEMBER)
    ask("challenge 2.3 When will they be in?", now=SEPTEMBER)
    ask("risk add l=3 i=4 Capacity in PMQA", now=SEPTEMBER)
    ask("move 2.5 2015-06-30 supplier late", now=SEPTEMBER)
    ask("update 2.3 off-track three agencies now late", now=OCTOBER)
    ask("answer 1 Chased every agency", now=OCTOBER)
    ask("risk close 1 recruited", now=OCTOBER)
    ask("move 2.5 2014-10-01 brought forward", now=OCTOBER)
    ask("update 1.1 off-track new board", now=OCTOBER)
    report = report_for(sample_database, datetime(2014, 12, 1, tzinfo=UTC), 2)
    e23 = next(e for e in report.exceptions if e.ref == "2.3")
    assert e23.status == "at-risk" and e23.commentary and e23.commentary.note == "returns late"
    assert report.challenges[0].answer == "" and [r.number for r in report.risks] == [1]
    assert "1.1" in {a.row.ref for a in report.silent}
    assert all(e.ref != "2.5" for e in report.exceptions)  # due 30 Jun 2015 then
    q3 = report_for(sample_database, datetime(2014, 12, 1, tzinfo=UTC), 3)
    assert q3.as_of.isoformat() == "2014-12-01" and q3.risks == []
    assert next(e for e in q3.exceptions if e.ref == "2.3").status == "off-track"
    assert q3.challenges[0].answer == "Chased every agency"
    assert next(e for e in q3.exceptions if e.ref == "2.5").overdue_days == 61


def test_report_command_and_share(ask: Ask) -> None:
    private = ask("report Q2 2014/15")
    assert "Q2 2014/15 (Jul–Sep 2014)" in private.text and not private.in_channel
    assert ask("report Q2 2014/15 --share").in_channel
    assert ask("report next year").is_error


def in_ctx(database: Database, user: str, acting_as: tuple[str, ...] | None,
           work: object, admin: bool = False) -> object:
    with database.committed() as session:
        ctx = Context(PlanRepository.for_team(session), OCTOBER, Caller(user, admin, acting_as))
        return work(ctx)  # type: ignore[operator]


def test_buttons_obey_the_same_rules(sample_database: Database, ask: Ask) -> None:
    try:
        in_ctx(sample_database, "U1", ("chair",), lambda c: complete(c, "2.3"))
        raise AssertionError("a non-owner completed 2.3")
    except CommandError as error:
        assert "Only people linked to Policies and Procedures" in str(error)
    done = in_ctx(sample_database, "U2", POLICY, lambda c: complete(c, "2.4"))
    assert done == StatusChanged("2.4", "not-started", "complete")
    try:
        in_ctx(sample_database, "UADMIN", None, lambda c: snooze(c, "2.4"), admin=True)
        raise AssertionError("an admin who is not an owner snoozed")
    except CommandError as error:
        assert "Only the owners" in str(error)
    snoozed = in_ctx(sample_database, "U2", POLICY, lambda c: snooze(c, "2.5"))
    assert snoozed == Snoozed("2.5", date(2014, 10, 22))
    assert "Feb 2015 → 28 Feb 2015" in ask("action 2.5").text


def test_the_update_modal_and_its_submission(sample_database: Database) -> None:
    view = in_ctx(sample_database, "U2", POLICY,
                  lambda c: update_modal(c, ["2.3", "2.4"], {"channel": "C1", "ts": "1.2"}))
    assert view["callback_id"] == "lscb_update_modal" and len(view["blocks"]) == 4
    state = {"values": {"action": {"value": {"selected_option": {"value": "2.3"}}},
                        "status": {"value": {"selected_option": {"value": "at-risk"}}},
                        "note": {"value": {"value": ""}},
                        "evidence": {"value": {"value": "https://example.org/s11"}}}}
    try:
        in_ctx(sample_database, "U2", POLICY, lambda c: submit_update(c, modal_values(state)))
        raise AssertionError("amber without a reason was accepted")
    except CommandError as error:
        assert "Say why" in str(error)
    state["values"]["note"] = {"value": {"value": "two agencies late"}}
    done = in_ctx(sample_database, "U2", POLICY, lambda c: submit_update(c, modal_values(state)))
    assert done == StatusChanged("2.3", "not-started", "at-risk", "two agencies late")


def test_the_app_home_fits_and_shows_the_board_view_to_the_chair(
        sample_database: Database) -> None:
    chair = in_ctx(sample_database, "U1", ("chair",), home_view)
    assert isinstance(chair, HomeView) and chair.board is not None
    assert chair.board.overdue == 31 and chair.board.pending_changes is None
    assert chair.board.overdue_by_owner[0] == ("Chair", 6)
    assert "Chair" in chair.board.unlinked and chair.owners == ["Chair"]
    blocks = to_blocks(home_page(chair), MAX_VIEW_BLOCKS)
    texts = " ".join(b["text"]["text"] for b in blocks if isinstance(b.get("text"), dict))
    assert len(blocks) <= 100 and "Overdue across the plan: 31 items" in texts
    owner = in_ctx(sample_database, "U2", POLICY, home_view)
    assert isinstance(owner, HomeView) and owner.board is None
    assert [a.ref for a in owner.open][:3] == ["1.12", "2.3", "2.5"]
    assert ("S.11 rolling annual programme report", "LSCB", date(2015, 4, 1)) in owner.reporting


CHILD_DATA = [
    "update 2.3 at-risk awaiting info on 943 476 5919",
    "challenge 2.3 Jamie Smith DOB 12/03/2009 was not seen",
    "risk add l=2 i=2 Amy Jones lives at CA1 1AA and may be missed",
    "done 1.1 closed for Tom Brown born 3 May 2010",
]


def test_child_data_is_refused_and_nothing_is_stored(sample_database: Database,
                                                     ask: Ask) -> None:
    from sqlalchemy import text

    for command in CHILD_DATA:
        reply = ask(command)
        assert reply.is_error and "Nothing was stored" in reply.text, command
        assert "9434765919" not in reply.text and "Smith" not in reply.text
    with sample_database.committed() as session:
        for table in ("status_changes", "challenges", "risks", "audit_log"):
            dump = " ".join(str(row) for row in session.execute(text(f"SELECT * FROM {table}")))
            for fragment in ("476 5919", "Smith", "CA1 1AA", "Tom Brown"):
                assert fragment not in dump, (table, fragment)
    assert "not started" in ask("action 1.1").text


def test_plan_level_notes_pass_the_guard(ask: Ask) -> None:
    assert not ask("update 2.3 at-risk 12 audits done; report to Board on 12 March 2015 "
                   "(call 01228 606060)").is_error
