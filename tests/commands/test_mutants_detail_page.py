"""One action's pages: its detail (parts, fields, milestones, updates, challenges) and its
history, each change described from its audit values."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from commands.detail import (
    ActionDetail,
    ChallengeLine,
    Change,
    History,
    MilestoneLine,
    UpdateLine,
)
from commands.page import Bold, Command, Mention, Paragraph
from commands.pages.detail import action_page, describe, history_page
from tests.commands.page_shape import shape

LONDON = ZoneInfo("Europe/London")
#: 23:30 UTC is half past midnight the next day in London (BST): the day shown is London's.
LATE_EVENING = datetime(2014, 9, 1, 23, 30, tzinfo=UTC)


def detail(part_of: str = "", parts: tuple[str, ...] = (), outcome: str = "Fewer repeats",
           updates: list[UpdateLine] | None = None,
           challenges: list[ChallengeLine] | None = None) -> ActionDetail:
    milestones = [MilestoneLine("Draft", "July", date(2014, 7, 31), True),
                  MilestoneLine("Final", "Sep", date(2014, 9, 30), False)]
    return ActionDetail("1.1", "Audit cases", "1. Leadership", ["Chair", "Board"], "30 Jun 2014",
                        "2 weeks overdue", "🔴 off track", outcome, milestones,
                        updates or [], challenges or [], part_of, parts)


def test_an_action_page_pins_its_fields_milestones_updates_and_challenges() -> None:
    updates = [UpdateLine(LATE_EVENING, "U1", "on-track", "off-track", "staff away"),
               UpdateLine(LATE_EVENING, "U2", "not-started", "on-track", "")]
    challenges = [ChallengeLine(LATE_EVENING + timedelta(days=n), "U3", f"Why {n}?")
                  for n in range(6)]
    assert shape(action_page(detail(updates=updates, challenges=challenges), LONDON)) == [
        ("heading", "Action 1.1"),
        ("paragraph", ("Audit cases",)),
        ("paragraph", (Bold("Theme:"), " 1. Leadership\n", Bold("Owner:"), " Chair / Board\n",
                       Bold("When:"), " 30 Jun 2014", " · ", Bold("2 weeks overdue"), "\n",
                       Bold("Status:"), " 🔴 off track\n",
                       Bold("What we are trying to achieve:"), " Fewer repeats")),
        ("items", "", [(Bold("Milestones"),), ("✅ Draft · July → 31 Jul 2014",),
                       ("⬜ Final · Sep → 30 Sep 2014",)]),
        ("items", "", [(Bold("Latest updates"),),
                       ("02 Sep 2014 ", Mention("U1"), ": on-track → off-track", " · staff away"),
                       ("02 Sep 2014 ", Mention("U2"), ": not-started → on-track")]),
        ("items", "/lscb challenges 1.1", [(Bold("Challenges"),)] + [
            (f"{n + 2:02d} Sep 2014 ", Mention("U3"), f": Why {n}?") for n in range(5)]),
    ]


def test_an_action_with_no_outcome_shows_a_dash() -> None:
    fields = action_page(detail(outcome=""), LONDON).blocks[2]
    assert isinstance(fields, Paragraph)
    assert fields.line[-2:] == (Bold("What we are trying to achieve:"), " —")


def test_an_action_page_says_what_it_is_part_of_and_its_sub_actions() -> None:
    part = Command("action 1")
    assert shape(action_page(detail(part_of="1"), LONDON))[2] == (
        "paragraph", (Bold("Part of:"), " ", part))
    assert shape(action_page(detail(parts=("1.1a", "1.1b")), LONDON))[2] == (
        "paragraph", (Bold("Sub-actions:"), " ", "1.1a, 1.1b"))
    assert shape(action_page(detail(part_of="1", parts=("1.1a",)), LONDON))[2] == (
        "paragraph", (Bold("Part of:"), " ", part, "\n", Bold("Sub-actions:"), " ", "1.1a"))


def test_a_history_page_dates_each_change_in_local_time_and_names_its_verb() -> None:
    changes = [Change(LATE_EVENING, "U1", "action.status", {"from": "on-track", "to": "done"}),
               Change(LATE_EVENING, "U2", "plan.import", {"created": "1.1"})]
    assert shape(history_page(History("1.1", changes), LONDON)) == [
        ("heading", "History of 1.1"),
        ("items", "lscb audit export FILE", [
            ("02 Sep 2014 00:30 ", Mention("U1"), " status: ", "on-track → done"),
            ("02 Sep 2014 00:30 ", Mention("U2"), " plan.import: ", "created: 1.1")]),
    ]
    assert shape(history_page(History("1.2", []), LONDON))[1] == (
        "items", "lscb audit export FILE", [("No changes yet.",)])


def change(verb: str, **values: object) -> Change:
    return Change(LATE_EVENING, "U1", verb, values)


def test_a_status_change_is_described_with_its_note_cut_at_200() -> None:
    assert describe(change("action.status", **{"from": "a", "to": "b"})) == ("a → b",)
    assert describe(change("action.status", **{"from": "a", "to": "b", "note": "late"})) == (
        "a → b · late",)
    long_note = "n" * 201
    assert describe(change("action.status", **{"from": "a", "to": "b", "note": long_note})) == (
        f"a → b · {'n' * 199}…",)


def test_a_due_date_change_is_described_from_to_and_why() -> None:
    moved = {"from": "2014-06-30", "to": "2014-09-30"}
    assert describe(change("action.due", **moved)) == ("2014-06-30 → 2014-09-30",)
    assert describe(change("due.request", **moved, reason="staff away")) == (
        "2014-06-30 → 2014-09-30 · staff away",)
    assert describe(change("action.due", to="2014-09-30")) == ("2014-09-30",)


def test_any_other_change_lists_the_values_it_has() -> None:
    assert describe(change("challenge.answer", text="Why?", answer="", by=None, n=0)) == (
        "text: Why?, n: 0",)
