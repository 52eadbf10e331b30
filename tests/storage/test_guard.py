from __future__ import annotations

import re
from datetime import date
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from storage.guard import (
    PATTERNS,
    Finding,
    is_valid_nhs_number,
    personal_data_in,
    refusal_message,
)

TODAY = date(2014, 10, 15)

# Widely published test numbers, and two more this checksum accepts (checked by hand: the
# weighted sums 299, 92, 177 and 160 leave remainders 2, 4, 1 and 6).
VALID_NHS = ["9434765919", "4010232137", "3740681241", "2914177763"]


def kind(text: str, known_words: frozenset[str] = frozenset(),
         today: date | None = None) -> str | None:
    finding = personal_data_in(text, known_words, today)
    return None if finding is None else finding.kind


# --- the checksum ------------------------------------------------------------------------------


@pytest.mark.parametrize("digits", VALID_NHS)
def test_valid_nhs_numbers_pass_the_checksum(digits: str) -> None:
    assert is_valid_nhs_number(digits)


@pytest.mark.parametrize(
    "digits",
    [
        "9434765918",  # check digit changed
        "9434765929",  # ninth digit changed
        "4934765919",  # first two digits transposed
        "9437465919",  # middle digits transposed
        "4010232173",  # last two digits transposed
        "943476591",  # nine digits
        "94347659190",  # eleven digits
        "943 476 5919",  # separators are not digits
        "",
        "０１２３４５６７８９",  # full-width digits are not ASCII
    ],
)
def test_near_misses_fail_the_checksum(digits: str) -> None:
    assert not is_valid_nhs_number(digits)


def test_a_check_digit_of_ten_is_never_valid() -> None:
    prefix = "000000006"  # weighted sum 6 * 2 = 12, remainder 1, so the check digit is 10
    assert not any(is_valid_nhs_number(prefix + str(last)) for last in range(10))


# --- NHS numbers in text -----------------------------------------------------------------------


@pytest.mark.parametrize("digits", VALID_NHS)
@pytest.mark.parametrize(
    "template",
    [
        "{0}",
        "NHS no {0} seen today",
        "nhs:{0}.",
        "{0[0]}{0[1]}{0[2]} {0[3]}{0[4]}{0[5]} {0[6]}{0[7]}{0[8]}{0[9]}",
        "ref {0[0]}{0[1]}{0[2]}-{0[3]}{0[4]}{0[5]}-{0[6]}{0[7]}{0[8]}{0[9]} noted",
        "{0[0]}{0[1]}{0[2]}.{0[3]}{0[4]}{0[5]}.{0[6]}{0[7]}{0[8]}{0[9]}",
        "{0[0]}{0[1]}{0[2]} {0[3]}{0[4]}{0[5]}\n{0[6]}{0[7]}{0[8]}{0[9]}",  # a line break
        "{0[0]}{0[1]}{0[2]}\u00a0{0[3]}{0[4]}{0[5]}\u00a0{0[6]}{0[7]}{0[8]}{0[9]}",  # NBSP
        "{0[0]}{0[1]}{0[2]} {0[3]}{0[4]}{0[5]}-{0[6]}{0[7]}{0[8]}{0[9]}",  # mixed separators
        "12 cases, {0[0]}{0[1]}{0[2]}{0[3]} {0[4]}{0[5]}{0[6]} {0[7]}{0[8]}{0[9]}",  # 4-3-3
        "{0[0]}{0[1]}{0[2]}{0[3]}{0[4]}\n{0[5]}{0[6]}{0[7]}{0[8]}{0[9]}",  # broken by a line
        "{0[0]}{0[1]}{0[2]}\u00ad{0[3]}{0[4]}{0[5]}\u00ad{0[6]}{0[7]}{0[8]}{0[9]}",  # soft hyphen
        "NHS {0[0]}{0[1]}{0[2]} {0[3]}{0[4]}{0[5]} {0[6]}{0[7]}{0[8]}{0[9]} 2 visits",
        "DOB 12.03.09 {0}",  # beside other digits
    ],
)
def test_valid_nhs_numbers_are_refused_plain_or_grouped(digits: str, template: str) -> None:
    finding = personal_data_in(template.format(digits))
    assert finding == Finding("nhs-number", "it contains what looks like a valid NHS number")


@pytest.mark.parametrize(
    "text",
    [
        "NHS no 9434765918",  # one digit changed
        "NHS no 4934765919",  # transposed
        "NHS no 943476591",  # nine digits
        "ref 94347659190",  # eleven digits
        "ref 19434765919",  # a valid number inside a longer run
        "ref 94347659191",
        "call 01228 606060",  # a phone number
        "call 0800606060 or 800-555-0199",  # ten-digit phone-like numbers failing the check
        "dial 1 943 476 5919",  # a longer grouped run
        "943 476 5919 0",
        "tel 9434765919",  # ten digits after a phone prefix
        "Invoice 9434765919",
        "+44 (0)9434765919",
        "0470214554",  # passes the check, but starts with 0 like a UK phone number
    ],
)
def test_near_miss_numbers_are_allowed(text: str) -> None:
    assert kind(text) is None


# --- dates of birth ----------------------------------------------------------------------------

DATES = [
    "12/03/2009",
    "12-03-2009",
    "12.03.09",
    "2009-03-12",
    "12 March 2009",
    "March 12, 2009",
    "12th Mar 2009",
    "3 sept 2010",
    "1st of June 2011",
    "03/12/2009",  # month first is refused too
]


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize(
    "template",
    [
        "child DOB {date}",
        "D.O.B. {date} – seen at clinic",
        "d.o.b: {date}",
        "date of birth {date}",
        "Date Of Birth: {date}",
        "born {date}",
        "{date} (dob)",
    ],
)
def test_a_full_date_with_a_birth_marker_is_refused(date: str, template: str) -> None:
    finding = personal_data_in(template.format(date=date))
    assert finding == Finding("date-of-birth", "it contains what looks like a date of birth")


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize(
    "template",
    [
        "Jamie Smith {date}",
        "Jamie Smith, {date}",
        "{date} Jamie Smith",
        "Amy-Leigh O'Brien was seen with her mum on {date}",
        "case of Liam O’Connor-Hughes ({date})",
        "Smith's: Kayden Smith's birthday party {date}",
    ],
)
def test_a_full_date_beside_a_name_is_refused(date: str, template: str) -> None:
    assert kind(template.format(date=date)) == "date-of-birth"


@pytest.mark.parametrize(
    "text",
    [
        "presented to the Board on 12 March 2015",
        "Report due 31/03/2015",
        "Annual Report presented to the LSCB on 2015-03-12",
        "Section 11 audit returns due 12th Mar 2015",
        "Deadline moved to March 12, 2015 by the Chair",
        "Learning and Improvement Subgroup met 12.03.15; 2 actions for partners",
        "The Local Safeguarding Children Board agreed the Neglect Strategy on 1 April 2015",
        "Serious Case Review published 30/06/2015 – Independent Chair to brief Ofsted",
        "Multi-Agency Case Audit Group met 14 January 2015",
        "PMQAG dashboard to the Board in March 2015",  # no day: not a full date
        "Jamie Smith to bring the dashboard in March",  # a name with no full date
        "Report due 31/03/2015. Case audit of 12 files completed, 2 actions for partners",
        "Version 1.2.3 released",  # not a plausible date
        "see 45/13/2015",
    ],
)
def test_plan_level_dates_are_allowed(text: str) -> None:
    assert kind(text) is None


def test_a_name_far_from_the_date_is_allowed() -> None:
    text = "Jamie Smith " + "x" * 60 + " report due 31/03/2015"
    assert kind(text) is None
    assert kind("Jamie Smith " + "x" * 30 + " 31/03/2015") == "date-of-birth"


def test_a_word_opening_a_sentence_is_not_a_name_by_itself() -> None:
    assert kind("Noted. Westgate 12/03/2009") is None  # any word opening a sentence is capitalised
    assert kind("Noted: Westgate Smith 12/03/2009") == "date-of-birth"  # two of them are a name
    assert kind("Noted. Jamie 12/03/2009") == "date-of-birth"  # so is a given name


def test_a_name_broken_by_a_pasted_line_break_is_still_a_name() -> None:
    assert kind("Jamie\nSmith 12/03/2009") == "date-of-birth"
    assert kind("Westgate\n\nSmith 12/03/2009") is None  # a blank line ends the run


@pytest.mark.parametrize("text", ["Smith J (12/03/2009)", "T. Brennan 04-11-2010",
                                  "E.Lowther 12/12/2008", "J Smith, 12/03/2009"])
def test_an_initial_makes_a_name(text: str) -> None:
    assert kind(text, today=TODAY) == "date-of-birth"
    assert kind("Appendix C, J. K.", today=TODAY) is None  # initials alone, and no date


def test_a_babys_due_date_is_its_date_of_birth_not_a_deadline() -> None:
    assert kind("unborn baby due 12/12/2014, mum Kirsty Allen", today=TODAY) == "date-of-birth"
    assert kind("she is pregnant, due 12/12/2014", today=TODAY) == "date-of-birth"
    assert kind("EDD 02/01/2015", today=TODAY) == "date-of-birth"
    assert kind("Baby C review due 31/05/2015", today=TODAY) is None


def test_a_name_after_a_staff_title_is_staff() -> None:
    assert kind("Dr Patel, 12/03/2009", today=TODAY) is None
    assert kind("DCI Moran 12/03/2009", today=TODAY) is None
    assert kind("Ms Moran 12/03/2009", today=TODAY) == "date-of-birth"  # not a staff title


# --- dates in time ----------------------------------------------------------------------------


def test_with_today_a_date_after_it_or_this_year_is_a_plan_date() -> None:
    assert kind("Spoke to Helen Brown 12/03/2015", today=TODAY) is None
    assert kind("Spoke to Helen Brown 14/10/2014", today=TODAY) is None
    assert kind("Spoke to Helen Brown 12/03/2015") == "date-of-birth"  # no today, no deadline


def test_with_today_a_childs_age_is_a_birth_date_whatever_word_comes_before() -> None:
    assert kind("Saw Jamie Lee Smith on 12/03/2009", today=TODAY) == "date-of-birth"
    assert kind("Jamie Smith due 12.03.09", today=TODAY) == "date-of-birth"
    # Without today "on" reads as a plan date: the known limit of not knowing the day.
    assert kind("Saw Jamie Lee Smith on 12/03/2009") is None


def test_an_adults_date_is_not_a_childs_unless_marked() -> None:
    assert kind("Helen Brown 12/03/1975", today=TODAY) is None
    assert kind("Helen Brown DOB 12/03/1975", today=TODAY) == "date-of-birth"


def test_a_two_digit_year_is_this_century_unless_far_ahead() -> None:
    assert kind("Helen Brown 12.03.15", today=TODAY) is None  # 2015
    assert kind("Helen Brown 12.03.98", today=TODAY) == "date-of-birth"  # 1998: sixteen
    assert kind("Helen Brown 12.03.45", today=TODAY) is None  # 1945, not 2045


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child A b. 12/03/2009", "date-of-birth"),
        ("(b.11/05/2011)", "date-of-birth"),
        ("Plan b 12/03/2015", None),  # "b" without its full stop is a letter
        ("Born in Bradford findings presented 12/03/2015", None),  # a deadline word between
        ("born on 12/03/2009", "date-of-birth"),  # "on" does not excuse a birth marker
        ("Costs borne by partners from 01/04/2015", None),  # "borne" is not "born"
        ("Dates of birth: 12/03/2009", "date-of-birth"),
        ("Jamie Smith born March 2009", "date-of-birth"),  # half a date after a marker
        ("DOB: 03/2009", "date-of-birth"),
        ("born in Sept. '09", "date-of-birth"),
        ("Born in Bradford cohort, March 2015 report", None),
    ],
)
def test_birth_markers(text: str, expected: str | None) -> None:
    assert kind(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baby B 03/08/2014", "date-of-birth"),  # this year, beside a child's pseudonym
        ("Baby B practice review to report by 31/05/2015", None),  # a deadline
        ("the twins 09.09.2013", "date-of-birth"),
        ("Sibling D (4 yrs) 18/02/2010", "date-of-birth"),
        ("aged 7 (3/4/2007)", "date-of-birth"),
        ("Children Death Overview Panel 03/08/2014", None),  # "Child D..." is not a pseudonym
    ],
)
def test_a_childs_details_beside_a_date(text: str, expected: str | None) -> None:
    assert kind(text, today=TODAY) == expected


# --- postcodes ---------------------------------------------------------------------------------

POSTCODES = [
    "CA1 1AA",
    "LA14 2LH",
    "M1 1AE",
    "B33 8TH",
    "CR2 6XH",
    "DN55 1PT",
    "W1A 0AX",
    "EC1A 1BB",
]


@pytest.mark.parametrize("postcode", POSTCODES)
@pytest.mark.parametrize(
    "template",
    [
        "Jamie Smith, {postcode}",
        "Amy-Leigh O'Brien, 4 Brook Street, Carlisle {postcode}",
        "{postcode} – Jamie Smith",
        "Jamie Smith {lower}",
        "Jamie Smith {nospace}",
    ],
)
def test_a_postcode_beside_a_name_is_refused(postcode: str, template: str) -> None:
    text = template.format(
        postcode=postcode, lower=postcode.lower(), nospace=postcode.replace(" ", "")
    )
    finding = personal_data_in(text)
    assert finding == Finding(
        "postcode", "it contains a full postcode beside what looks like a person's name"
    )


@pytest.mark.parametrize(
    "text",
    [
        "lives at 4 brook st, ca11aa",
        "Lives at 12 the lane, Ca1 1aA",
        "home address: flat 2, la14 2lh",
        "Address – 3 station rd, M1 1AE",
        "living in a flat at B33 8TH",
    ],
)
def test_a_postcode_after_an_address_marker_is_refused(text: str) -> None:
    assert personal_data_in(text) == Finding(
        "postcode", "it contains what looks like a home address with a full postcode"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Meeting at Cumbria House, CA1 1RD",
        "Board at Cumbria House CA1 1RD on Tuesday",
        "Venue: Carlisle Civic Centre, CA3 8QG",
        "Police HQ, Carleton Hall, Penrith CA10 2AU",
        "Jamie Smith to visit schools in CA1",  # a district alone
        "Jamie Smith: CA14 audit",
        "Group met in M1",
        "held at the Town Hall, LA14 2LD",
        "Q3 4th quarter figures",  # not a postcode: no Q area
        "CA1 1AA",  # a postcode alone, no name and no marker
        "address the gaps by Q2; " + "y" * 90 + " venue CA1 1RD",  # marker too far away
    ],
)
def test_postcodes_alone_or_beside_organisations_are_allowed(text: str) -> None:
    assert kind(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jamie Smith CA1-1RD", "postcode"),  # a hyphen for the space
        ("Jamie Smith CA1\n1RD", "postcode"),
        ("Jamie CA1 1RD", "postcode"),  # a given name alone
        ("Westgate CA1 1RD", None),  # an unknown word alone: a street, an office
        ("Helen Brown, Craven House, LA14 2GE", None),  # a building between: her office
        ("Helen Brown, 4 Brook Street, LA14 2GE", "postcode"),
        ("The office moved to Craven House, LA14 2GE", None),
        ("The family moved to 22 Elm Road, LA9 7AB", "postcode"),  # a house number and street
        ("lives at Flat 2, Eden House, CA1 2XX", "postcode"),  # a strong marker is not excused
        ("Child A, CA28 6PJ", "postcode"),
    ],
)
def test_postcodes_in_context(text: str, expected: str | None) -> None:
    assert kind(text) == expected


# --- the plan's own words ----------------------------------------------------------------------


def test_the_plans_words_are_not_names() -> None:
    text = "Drop-in at Kirkby Stephen Grammar, CA17 4HA"  # a Cumbrian town: Stephen is a name
    assert kind(text) == "postcode"
    assert kind(text, frozenset({"kirkby", "stephen"})) is None
    assert kind(text, frozenset({"KIRKBY", "Stephen"})) is None  # compared case-insensitively


def test_place_names_are_not_built_in() -> None:
    assert kind("Whitehaven Carlisle 12/03/2009") == "date-of-birth"
    assert kind("Whitehaven Carlisle 12/03/2009", frozenset({"whitehaven", "carlisle"})) is None


def test_the_plans_words_do_not_excuse_a_birth_marker_or_a_childs_details() -> None:
    known = frozenset({"jamie", "smith"})
    assert kind("Jamie Smith DOB 12/03/2009", known) == "date-of-birth"
    assert kind("Child A, Jamie Smith, 12/03/2009", known, TODAY) == "date-of-birth"


# --- what Word and Outlook paste ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Olivia\u00a0Bell\u00a012/03/2009",  # no-break spaces
        "Olivia\u202fBell 12/03/2009",  # a narrow no-break space
        "Olivia\u2003Bell\t12/03/2009",  # an em space and a tab
        "Olivia Bell\r\n12/03/2009",  # Windows line ending
        "Olivia Bell\u2028１２/０３/２００９",  # a Unicode line separator and full-width digits
        "Olivia Bell 12\u201303\u20132009",  # en dashes
        "Olivia B\u00adell 12/03/2009",  # a soft hyphen inside the name
        "Liam O\u2019Connor 12/03/2009",  # a smart apostrophe
        "Ol\u200bivia Bell 12/03/2009",  # a zero-width space
    ],
)
def test_what_word_and_outlook_paste_is_read_as_typed(text: str) -> None:
    assert kind(text) == "date-of-birth"


# --- mixed case and vocabulary -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jamie smith dob 12/03/2009", "date-of-birth"),  # the marker works lower-case
        ("JAMIE SMITH D.O.B 12 MARCH 2009", "date-of-birth"),
        ("Jamie Smith 12 MARCH 2009", "date-of-birth"),
        ("jamie smith 12/03/2009", "date-of-birth"),  # a given name in any case, and its surname
        ("LIAM O'CONNOR 12.03.2009", "date-of-birth"),
        ("kacper nowak 12.03.2009", "date-of-birth"),
        ("returns smith 12/03/2009", None),  # lower-case words are not names by themselves
        ("Jamie Smith ca1 1aa", "postcode"),
        ("Jamie Smith Ca1 1Aa", "postcode"),
        ("CUMBRIA HOUSE CA1 1RD", None),
        ("Nhs No 943 476 5919", "nhs-number"),
    ],
)
def test_case_is_ignored_where_it_should_be(text: str, expected: str | None) -> None:
    assert kind(text) == expected


def test_nhs_numbers_are_checked_first() -> None:
    assert kind("Jamie Smith DOB 12/03/2009 CA1 1AA NHS 9434765919") == "nhs-number"
    assert kind("Jamie Smith DOB 12/03/2009 CA1 1AA") == "date-of-birth"


# --- the refusal -------------------------------------------------------------------------------

REFUSED = [
    ("NHS 943 476 5919 seen", ["943 476 5919", "9434765919", "5919"]),
    ("Jamie Smith DOB 17/08/2009", ["Jamie", "Smith", "17/08/2009", "2009"]),
    ("Kayden Moore 17 August 2009", ["Kayden", "Moore", "August", "2009"]),
    ("Amy-Leigh O'Brien, 4 Brook Street, LA14 2LH", ["Amy", "Brien", "Brook", "LA14", "2LH"]),
    ("lives at 4 brook st, ca3 8qg", ["brook", "ca3", "CA3", "8qg", "8QG"]),
]


@pytest.mark.parametrize(("text", "data"), REFUSED)
def test_the_refusal_never_repeats_the_data(text: str, data: list[str]) -> None:
    finding = personal_data_in(text)
    assert finding is not None
    message = refusal_message(finding)
    for piece in data:
        assert piece not in finding.reason
        assert piece not in message
        assert piece not in repr(finding)


@pytest.mark.parametrize(("text", "_data"), REFUSED)
def test_the_refusal_says_why_that_nothing_was_stored_and_what_to_write(
    text: str, _data: list[str]
) -> None:
    finding = personal_data_in(text)
    assert finding is not None
    message = refusal_message(finding)
    assert finding.reason in message
    assert "Nothing was stored" in message
    assert "The plan is public: record plan-level progress only" in message
    assert "never a child's name, date of birth, address or NHS number." in message
    assert personal_data_in(message) is None  # the advice itself would pass the guard


def test_a_finding_is_immutable() -> None:
    finding = Finding("postcode", "why")
    with pytest.raises(AttributeError):
        finding.kind = "nhs-number"  # type: ignore[misc]


# --- robustness --------------------------------------------------------------------------------


def _unbounded_repeats(node: Any) -> list[str]:
    """Every `*`, `+` or `{n,}` in a parsed pattern (repeats whose maximum is unbounded)."""
    found: list[str] = []
    if isinstance(node, sre_parser.SubPattern):
        for op, av in node:
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and (
                av[1] == sre_constants.MAXREPEAT
            ):
                found.append(str(op))
            found += _unbounded_repeats(av)
    elif isinstance(node, list | tuple):
        for item in node:
            found += _unbounded_repeats(item)
    return found


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_every_pattern_repeats_a_bounded_number_of_times(pattern: re.Pattern[str]) -> None:
    # With no unbounded repeat, the work at each starting position is bounded by a constant,
    # so no input can make matching backtrack catastrophically: scanning stays linear.
    assert _unbounded_repeats(sre_parser.parse(pattern.pattern, pattern.flags)) == []


def test_the_bound_check_would_catch_a_dangerous_pattern() -> None:
    assert _unbounded_repeats(sre_parser.parse(r"(a+)+b")) != []
    assert _unbounded_repeats(sre_parser.parse(r"x{2,}")) != []
    assert _unbounded_repeats(sre_parser.parse(r"(?:a{1,3}){0,4}")) == []


@pytest.mark.parametrize(
    "chunk",
    [
        "Jamie Smith 12/03/2009 ",  # refused at once
        "Aa Bb ",  # names everywhere, no dates
        "12/03/2015 x" + "y" * 50,  # dates everywhere, no names near
        "1" * 9 + " ",
        "a" * 41,
        "Amy-Leigh-O'Brien-" * 3,
        "CA1 1AA " + "z" * 50,
        "address " + "q" * 90,
        "9" * 11,
        "de ",  # particles that would join names, with no names to join
        "mum 12/03/2015 ",  # a child's details and a date everywhere
        "Jamie ",  # one run of names 100 kB long
        "943 ",  # one chain of digit groups 100 kB long
        "1.2.",
        "Helen Brown, Craven House, CA1 1AA ",
        "House Westgate CA1 1RD ",
        "Jamie\n",
        "J. ",  # initials that would join names
        "baby due ",
    ],
)
def test_a_100_kb_text_is_scanned(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    for today in (None, TODAY):
        result = personal_data_in(text, frozenset({"westgate"}), today)
        assert result is None or isinstance(result, Finding)


@given(st.text(), st.none() | st.dates())
@example("Jamie Smith 12/03/2009 CA1 1AA", date.min)
@example("Jamie Smith 12/03/09", date.max)
def test_any_text_is_answered_without_raising(text: str, today: date | None) -> None:
    result = personal_data_in(text, frozenset(text.split()[:3]), today)
    assert result is None or refusal_message(result).startswith("I haven't saved that")


FRAGMENTS = st.sampled_from(
    [
        "Jamie",
        "Smith",
        "O'Brien",
        "Amy-Leigh",
        "Board",
        "House",
        "DOB",
        "born",
        "lives at",
        "address",
        "12",
        "03",
        "2009",
        "March",
        "12th",
        "/",
        "-",
        ".",
        " ",
        "  ",
        ",",
        "\n",
        "943",
        "476",
        "5919",
        "CA1",
        "1AA",
        "la14",
        "2lh",
        "0",
        "9",
    ]
)


@given(st.lists(FRAGMENTS, max_size=40).map("".join), st.none() | st.dates())
def test_near_personal_data_is_answered_without_raising(text: str, today: date | None) -> None:
    result = personal_data_in(text, today=today)
    if result is not None:
        assert result.kind in {"nhs-number", "date-of-birth", "postcode"}
        assert result.reason.startswith("it contains")
