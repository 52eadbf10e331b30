"""The board page and the calendar feeds over real HTTP, as a partner's browser gets them."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from icalendar import Calendar

from storage.links import LinkKeys, issue
from storage.repository import PlanRepository
from tests.slackapp import SIGNING_SECRET
from tests.web.conftest import NOW, Board


class Text(HTMLParser):
    """The words a page shows, its headings and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.links: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3"):
            self._in = tag
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        self.words.append(data)
        if self._in:
            self.headings.append((self._in, data.strip()))

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.words).split())


def read(body: bytes) -> Text:
    parsed = Text()
    parsed.feed(body.decode())
    return parsed


def test_the_summary_shows_themes_overdue_due_soon_and_reporting(board: Board) -> None:
    status, headers, body = board.get(f"/board/{board.plan_token}")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "script-src" not in headers["Content-Security-Policy"]  # default-src 'none'
    page = read(body)
    assert ("h1", "Cumbria LSCB Business Plan 2014-2017") in page.headings
    assert [h for level, h in page.headings if level == "h2"] == [
        "The plan by theme", "Overdue", "Due in the next 30 days", "Reporting schedule"]
    assert "1. Leadership and Governance" in page.text
    assert "31 overdue" in page.text and "Chair" in page.text
    assert "Practice reviews" in page.text
    assert f"/board/{board.plan_token}/theme/1" in page.links
    assert f"/board/{board.plan_token}/action/1.1" in page.links
    assert f"/calendar/{board.plan_token}.ics" in page.links
    assert b"<script" not in body


def test_overdue_groups_run_from_the_oldest(board: Board) -> None:
    body = board.get(f"/board/{board.plan_token}")[2].decode()
    overdue = body[body.index('id="overdue"'):body.index('id="due"')]
    dates = [date.fromisoformat(d) for d in re.findall(r'datetime="([\d-]+)"', overdue)]
    assert dates and dates == sorted(dates)


def test_an_action_page_shows_its_history_and_commentary(board: Board) -> None:
    before = read(board.get(f"/board/{board.plan_token}/action/2.3")[2])
    assert "No updates yet." in before.text  # kept, until the plan changes:
    with board.database.committed() as session:
        repo = PlanRepository.for_team(session)
        action = repo.action("2.3")
        repo.record_status(action, "at-risk", "U123", "Audit <b>delayed</b> & moved", NOW)
        repo.returns.give(action, date(2014, 9, 30), "at-risk", "Two audits still out", "U123",
                          NOW)
    status, _, body = board.get(f"/board/{board.plan_token}/action/2.3")
    page = read(body)
    assert status == 200 and ("h1", "Action 2.3") in page.headings
    assert "Audit <b>delayed</b> & moved" in page.text  # shown as typed…
    assert b"Audit &lt;b&gt;delayed&lt;/b&gt; &amp; moved" in body  # …because escaped once
    assert "at risk" in page.text and "Two audits still out" in page.text
    assert [h for level, h in page.headings if level == "h2"] == [
        "Milestones", "Updates and commentary", "Quarterly returns",
        "Challenges from the board", "History"]


def test_theme_and_owner_pages_list_their_actions(board: Board) -> None:
    theme = read(board.get(f"/board/{board.plan_token}/theme/2")[2])
    assert ("h1", "Theme 2: Quality Assurance and Performance Management") in theme.headings
    assert f"/board/{board.plan_token}/action/2.3" in theme.links
    front = read(board.get(f"/board/{board.plan_token}")[2])
    chair = next(link for link in front.links if "/owner/" in link)
    owner = read(board.get(chair)[2])
    assert ("h1", "Chair") in owner.headings and "6 overdue" not in owner.text
    assert "Overdue actions and missed milestones, oldest first" in owner.text


def test_an_owners_link_opens_only_that_owners_part(board: Board) -> None:
    page = read(board.get(f"/board/{board.chair_token}")[2])
    assert "The part of the plan for Chair" in page.text
    assert "CSE/MFH Subgroup" not in page.text
    mine = board.get(f"/board/{board.chair_token}/action/1.1")
    assert mine[0] == 200
    assert board.get(f"/board/{board.chair_token}/action/7.1")[0] == 404  # the CSE group's


@pytest.mark.parametrize("path", [
    "/board/{bad}", "/board/{bad}/action/1.1", "/calendar/{bad}.ics", "/board/",
    "/board/{short}", "/calendar/{plan}", "/board/{plan}/action/99.99",
    "/board/{plan}/theme/77", "/board/{plan}/owner/999999", "/board/{plan}/nothing/here",
])
def test_a_wrong_token_or_page_answers_404(board: Board, path: str) -> None:
    bad = board.plan_token[:-2] + ("xy" if not board.plan_token.endswith("xy") else "zz")
    url = path.format(bad=bad, short=board.plan_token[:20], plan=board.plan_token)
    assert board.get(url)[0] == 404


def test_a_rotated_link_answers_404_and_the_new_one_works(board: Board) -> None:
    keys = LinkKeys(SIGNING_SECRET)
    with board.database.committed() as session:
        repo = PlanRepository.for_team(session)
        new = issue(session, keys, repo.plan, None, "test", NOW, rotate=True)
    assert board.get(f"/board/{board.plan_token}")[0] == 404
    assert board.get(f"/calendar/{board.plan_token}.ics")[0] == 404
    assert board.get(f"/board/{new}")[0] == 200
    assert board.get(f"/board/{board.chair_token}")[0] == 200  # other links stand


def test_only_get_and_head(board: Board) -> None:
    assert board.get(f"/board/{board.plan_token}", method="POST")[0] == 405
    status, headers, body = board.get(f"/board/{board.plan_token}", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


def test_the_whole_plans_feed_parses_back_with_stable_uids(board: Board) -> None:
    status, headers, body = board.get(f"/calendar/{board.plan_token}.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(body).walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    assert "cumbria-lscb-2014-2017.action.1.1@lscb-bot" in uids
    assert any(".milestone." in uid for uid in uids)
    again = Calendar.from_ical(board.get(f"/calendar/{board.plan_token}.ics")[2])
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids
    first = next(e for e in events if str(e["UID"]).endswith(".action.1.1@lscb-bot"))
    assert first.decoded("DTSTART") == date(2014, 4, 30)
    assert str(first["URL"]) == (f"https://lscb.example.org/board/{board.plan_token}"
                                 f"/action/1.1")


def test_reporting_dates_recur_and_move_off_weekends(board: Board) -> None:
    events = Calendar.from_ical(board.get(f"/calendar/{board.plan_token}.ics")[2])
    cadences = [e for e in events.walk("VEVENT") if ".cadence." in str(e["UID"])]
    assert cadences and all("RRULE" in e for e in cadences)
    scr = next(e for e in cadences if str(e["UID"]).startswith(
        "cumbria-lscb-2014-2017.cadence.scr-updates@"))
    assert scr["RRULE"]["FREQ"] == ["YEARLY"]
    exdates = {d.dt for d in scr["EXDATE"].dts}
    rdates = {d.dt for d in scr["RDATE"].dts}
    assert date(2014, 6, 1) in exdates and date(2014, 6, 2) in rdates  # a Sunday, to Monday


def test_an_owners_feed_holds_only_that_owners_dates(board: Board) -> None:
    whole = Calendar.from_ical(board.get(f"/calendar/{board.plan_token}.ics")[2])
    chair = Calendar.from_ical(board.get(f"/calendar/{board.chair_token}.ics")[2])
    mine = [e for e in chair.walk("VEVENT")]
    assert 0 < len(mine) < len(whole.walk("VEVENT"))
    assert all("Chair" in str(e["DESCRIPTION"]) for e in mine
               if ".cadence." not in str(e["UID"]))
    assert "Chair" in str(chair["X-WR-CALNAME"])
