"""Every answer word for word: both samples through every subcommand, their App Home, a
season of nudges and the board papers, as text and as Block Kit, compared with the
transcripts kept in tests/commands/transcripts/.

The other tests check what an answer means; these check that nothing else in it moved. A
change to what the bot says shows here as a diff: read it, and when it is what you meant,
write the transcripts afresh (`LSCB_WRITE_TRANSCRIPTS=1 pytest tests/commands/
test_transcripts.py`) and commit them with the change.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterator
from contextlib import suppress
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from commands import Caller, Context
from commands import board_view as views
from commands.feeds import plan_feed
from commands.home import home_view
from commands.mail_message import email_parts, is_mail
from commands.nudges import nudges_between
from commands.page import Page
from commands.pages.home import home_page
from commands.quarters import read_quarter
from commands.render_blocks import to_blocks, to_reply
from commands.render_html import Where, action_html, front_html, list_html, missing_html
from commands.render_text import to_text
from commands.report import build_report
from commands.report_files import CSV_HEADER, csv_bytes, paper_markdown, report_rows
from commands.report_paper import quarter_paper
from commands.slash import SUBCOMMANDS
from commands.year_paper import year_paper
from commands.year_report import build_year_report, read_year
from storage.database import Database
from storage.models import Owner
from storage.planfiles import SAMPLES
from storage.repository import PlanRepository
from tests.commands.test_both_samples import LONDON, SETTINGS, answer, askers, every_question

TRANSCRIPTS = Path(__file__).parent / "transcripts"
WRITE = os.environ.get("LSCB_WRITE_TRANSCRIPTS") == "1"
#: The secret in a calendar or board link: random for each link made, by design.
LINK_SECRET = re.compile(r"(?<=/)[A-Za-z0-9_-]{43}(?=\.ics|[>|\s\"]|$)", re.M)


def blocks_json(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(block, sort_keys=True, ensure_ascii=False) for block in blocks)


def shown(title: str, page: Page) -> str:
    reply = to_reply(page)
    return (f"=== {title}\n{to_text(page)}\n--- Slack: {reply.text!r}"
            f"{' (refused)' if reply.is_error else ''}\n{blocks_json(reply.blocks)}\n")


#: What people get wrong, beyond each subcommand asked bare and with words it cannot read.
MISTAKES = ("", "nonsense", "hlep", "over due", "overdue nobody-of-that-name",
            "due 45 parsecs", "due 0 days", "report Q9 2014", "theme 99", "action")


def mistakes(sample: str) -> Iterator[tuple[str, bool, tuple[str, ...] | None]]:
    """Each subcommand asked with no words, with an action the plan does not have and with
    words it cannot read, then MISTAKES: by each of the sample's `askers`."""
    ref = SETTINGS[sample]["ref"]
    asked = [text for name in sorted(SUBCOMMANDS)
             for text in (name, f"{name} 99.9", f"{name} {ref} zz 2099-13-45")]
    for text in [*asked, *MISTAKES]:
        for admin, acting in askers(sample):
            yield text, admin, acting


def emailed(text: str, blocks: list[dict[str, Any]]) -> str:
    mail = email_parts(text, blocks)
    return f"--- as an email: {mail.subject}\n{mail.text}\n--- its HTML\n{mail.html}\n"


def board_pages(ctx: Context, scope: Owner | None, ref: str) -> Iterator[str]:
    """The board's web pages for the whole plan or one owner (`scope`): the front page,
    each theme's and owner's list, action `ref`'s page, a page not there, the feed."""
    name = scope.name if scope else None
    where = Where("/board/TOKEN", "/calendar/TOKEN.ics", ctx.repo.plan.title, ctx.today,
                  name, ctx.tz)
    yield f"=== board for {name or 'the whole plan'}\n{front_html(views.front(ctx, scope), where)}"
    for theme in ctx.repo.themes():
        with suppress(views.OutOfScope):
            yield (f"=== board: theme {theme.number} for {name}\n"
                   f"{list_html(views.theme(ctx, scope, theme.number), where)}")
    for owner in ctx.repo.owners():
        with suppress(views.OutOfScope):
            yield (f"=== board: owner {owner.name} for {name}\n"
                   f"{list_html(views.owner(ctx, scope, owner.id), where)}")
    with suppress(views.OutOfScope):
        page = action_html(views.action(ctx, scope, ref), where)
        yield f"=== board: action {ref} for {name}\n{page}"
    yield f"=== board: a page not there\n{missing_html(where)}"
    feed = plan_feed(ctx, scope, "https://lscb.example.org/board/TOKEN").decode("utf-8")
    yield f"=== calendar feed for {name or 'the whole plan'}\n{feed}"


def transcript(database: Database, sample: str) -> str:
    """What `sample`'s plan answers and sends, in one text: every question of
    `every_question` and of `mistakes`, then the App Home of an admin and of the owner,
    the nudges of the next three months, and the quarter's and the year's board papers."""
    now: datetime = SETTINGS[sample]["now"]
    owner = str(SETTINGS[sample]["as"])
    parts = [shown(f"/lscb {text}  (asked by {'an admin' if admin else owner})",
                   answer(database, text, now, admin, acting))
             for text, admin, acting in [*every_question(sample), *mistakes(sample)]]
    with database.unit_of_work() as session:
        owners = [o.name for o in PlanRepository.for_team(session).owners()]
    for number, name in enumerate(owners):  # those without a channel hear by email
        email = f'email "{name}" owner{number}@example.org'
        parts.append(shown(f"/lscb {email}  (asked by an admin)", answer(database, email, now)))
    with database.unit_of_work() as session:
        repo = PlanRepository.for_team(session)
        for admin, acting in askers(sample):
            ctx = Context(repo, now, Caller("UADMIN", admin, acting))
            page = home_page(home_view(ctx))
            parts.append(f"=== App Home ({'an admin' if admin else owner})\n{to_text(page)}\n"
                         f"{blocks_json(to_blocks(page))}\n")
        first = datetime.combine(now.date(), time.min, tzinfo=LONDON)
        emailed_kinds: set[str] = set()
        for nudge in nudges_between(repo, first, first + timedelta(days=92), LONDON):
            heading = (f"=== nudge {nudge.key} to {nudge.channel or '(nobody)'} at "
                       f"{nudge.send_at.isoformat()} for {nudge.audience}")
            kind = nudge.key.split(":")[0]
            if not is_mail(nudge.channel):
                parts.append(f"{heading}\n{nudge.text}\n{blocks_json(nudge.blocks)}\n")
            elif kind not in emailed_kinds:  # one email of each kind, whole
                emailed_kinds.add(kind)
                parts.append(f"{heading}\n{emailed(nudge.text, nudge.blocks)}")
            else:
                parts.append(f"{heading}: {email_parts(nudge.text, nudge.blocks).subject}\n")
        ctx = Context(repo, now, Caller("board-page"), LONDON)
        for scope in (None, repo.resolve_owner(str(SETTINGS[sample]["owner"]))):
            parts.extend(board_pages(ctx, scope, str(SETTINGS[sample]["ref"])))
        ctx = Context(repo, now, Caller("UADMIN", True, None))
        report = build_report(ctx, read_quarter("", ctx.today, repo.plan.starts))
        parts.append(f"=== the quarter's board paper\n{paper_markdown(quarter_paper(report))}\n")
        parts.append(f"=== the quarter as CSV\n"
                     f"{csv_bytes(CSV_HEADER, report_rows(report)).decode('utf-8-sig')}\n")
        year = build_year_report(ctx, read_year(str(repo.plan.starts.year), repo.plan.starts))
        parts.append(f"=== the year's board paper\n{paper_markdown(year_paper(year))}\n")
    return LINK_SECRET.sub("SECRET", "\n".join(parts))


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_what_each_sample_says_is_as_written(samples: dict[str, Database], sample: str
                                             ) -> None:
    said = transcript(samples[sample], sample)
    kept = TRANSCRIPTS / f"{sample}.txt"
    if WRITE:
        kept.parent.mkdir(exist_ok=True)
        kept.write_bytes(said.encode("utf-8"))
    written = kept.read_bytes().decode("utf-8")  # as written: a "\r" in a plan stays one
    if said != written:
        diff = difflib.unified_diff(written.split("\n"), said.split("\n"), "kept", "said",
                                    lineterm="", n=2)
        pytest.fail("what the bot says has changed (LSCB_WRITE_TRANSCRIPTS=1 to accept):\n"
                    + "\n".join(list(diff)[:120]))
