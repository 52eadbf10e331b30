"""Every case of the labelled corpus keeps its label, so a regression in the guard fails CI."""

from __future__ import annotations

import pytest

from storage.guard import refusal_message
from tests.storage.guard_corpus import CASES, Case, judge


def _id(case: Case) -> str:
    return f"{CASES.index(case):03}-{'child' if case.child else 'board'}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_guard_keeps_each_case_to_its_label(case: Case) -> None:
    finding = judge(case)
    assert (finding is not None) == case.child, case.note or case.text


@pytest.mark.parametrize("case", [c for c in CASES if c.child], ids=_id)
def test_a_refusal_never_repeats_the_childs_data(case: Case) -> None:
    finding = judge(case)
    assert finding is not None
    message = refusal_message(finding)
    for piece in case.text.replace(",", " ").split():
        if len(piece) > 3 and (any(ch.isdigit() for ch in piece) or piece[:1].isupper()):
            assert piece not in finding.reason and piece not in message, piece


def test_the_corpus_is_large_and_about_half_child_data() -> None:
    children = sum(case.child for case in CASES)
    assert len(CASES) >= 120
    assert 0.45 <= children / len(CASES) <= 0.55
    assert len({(case.text, case.plan) for case in CASES}) == len(CASES)
    assert {case.plan for case in CASES} == {"cumbria", "severn"}


ISSUE_EXAMPLES = {
    "Jamie (12/03/2009)": True,
    "jamie smith 12/03/2009": True,
    "Child A b. 12/03/2009": True,
    "DOB 12.03.09": True,
    "Jamie Smith CA1 1RD": True,
    "Jamie Smith CA11RD": True,
    "Jamie Smith CA1-1RD": True,
    "Agreed with Helen Brown, returns due 31/03/2015": False,
    "Awaiting report from Dr Patel, due 01/11/2014": False,
    "Costs to be borne by partners": False,
}


def test_the_issues_own_examples_are_in_the_corpus_with_their_labels() -> None:
    labels = {case.text: case.child for case in CASES}
    assert {text: labels.get(text) for text in ISSUE_EXAMPLES} == ISSUE_EXAMPLES
    spaced = [case for case in CASES if case.child and "NHS" in case.text.upper()]
    for separator in ("\u00a0", ".", "-", "\n", " "):
        assert any(separator in case.text for case in spaced), repr(separator)
