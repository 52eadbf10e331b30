"""Plan files under abuse: bombs, odd shapes, values the database cannot hold, empty tables.

Every file goes through the real import path (`read_plan_file`, then `import_plan` in one
unit of work) on SQLite and, when configured, PostgreSQL; each must be refused with where
and what, as a PlanFileError (never another exception), with the database unchanged.
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storage.database import Database
from storage.errors import PlanFileError
from storage.planfiles import read_plan_file
from storage.planfiles.limits import MAX_FILE_BYTES
from tests.planyaml import dump_raw, sample_raw
from tests.storage.test_planfiles import export, import_file, snapshot

JSON = dict[str, Any]

BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{x}: &{x} [{','.join([f'*{p}'] * 9)}]" for p, x in zip("abcdefgh", "bcdefghi",
                                                                  strict=True)]) + "\n"


def sample() -> JSON:
    return sample_raw()


def action(raw: JSON, theme: int = 0, index: int = 0) -> JSON:
    return raw["themes"][theme]["actions"][index]


def seconds_to_refuse(path: Path) -> float:
    """How long reading `path` takes to end in a refusal (the database not included)."""
    started = time.perf_counter()
    with pytest.raises(PlanFileError):
        read_plan_file(path)
    return time.perf_counter() - started


def refused(database: Database, path: Path, *expected: str) -> str:
    """Import `path`: it must be refused naming each of `expected`, changing nothing."""
    before = snapshot(database)
    with pytest.raises(PlanFileError) as caught:
        import_file(database, path)
    message = str(caught.value)
    for part in expected:
        assert part in message, message
    assert snapshot(database) == before
    return message


def yaml_file(tmp_path: Path, change: Callable[[JSON], object]) -> Path:
    raw = sample()
    change(raw)
    path = tmp_path / "plan.yaml"
    path.write_text(dump_raw(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- YAML: bombs and nesting ----------------------------------------------------------------


def test_a_400_byte_billion_laughs_is_refused_in_well_under_a_second(
        sample_database: Database, tmp_path: Path) -> None:
    assert len(BILLION_LAUGHS) < 400
    path = tmp_path / "lol.yaml"
    path.write_text(BILLION_LAUGHS)
    assert seconds_to_refuse(path) < 0.3
    refused(sample_database, path, "more than 1,000 aliases")


def test_a_bomb_inside_a_real_plan_is_refused_before_anything_prints_it(
        sample_database: Database, tmp_path: Path) -> None:
    text = dump_raw(sample(), allow_unicode=True, sort_keys=False, width=10**6)
    bomb = "lols:\n" + "".join(f"  {line}\n" for line in BILLION_LAUGHS.splitlines())
    path = tmp_path / "plan.yaml"
    path.write_text(bomb + re.sub(r"theme: 1\n", "theme: *i\n", text.replace(
        "  - ref: '1.1'\n", "  - ref: '1.1'\n    theme: *i\n", 1), count=1), encoding="utf-8")
    assert "theme: *i" in path.read_text(encoding="utf-8")
    assert seconds_to_refuse(path) < 0.5
    refused(sample_database, path, "aliases")


@pytest.mark.parametrize(("content", "expected"), [
    ("[" * 20_000 + "]" * 20_000, "not valid YAML"),
    ("plan: " + "[" * 40 + "1" + "]" * 40, "nested more than 16 deep"),
    ("plan: {slug: x, starts: 2014-13-45}", "a value YAML cannot read"),
    ("plan: {slug: 1" + "0" * 5000 + "}", "a value YAML cannot read"),
    ("plan: &p {slug: x, nested: *p}", "nested more than 16 deep"),
])
def test_yaml_too_deep_or_unreadable_is_refused(sample_database: Database, tmp_path: Path,
                                                content: str, expected: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(content)
    refused(sample_database, path, expected)


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_a_file_over_8_mb_is_refused_unread(sample_database: Database, tmp_path: Path,
                                            suffix: str) -> None:
    path = tmp_path / f"big.{suffix}"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    refused(sample_database, path, "a plan file may be at most 8 MB")


# --- YAML: wrong shapes --------------------------------------------------------------------


SHAPES: dict[str, tuple[Callable[[JSON], object], str]] = {
    "theme: [1]": (lambda r: r["themes"][0].update(actions=[{**action(r), "theme": [1]}]),
                   "field “theme” should be a theme number, not a list"),
    "a flat action with theme: {1: x}": (
        lambda r: r.update(actions=[{**action(r), "ref": "1.99", "theme": {1: "x"}}]),
        "actions, entry 1 (action 1.99): field “theme” should be a theme number, "
        "not a mapping"),
    "owners: {a: b}": (lambda r: action(r).update(owners={"a": "b"}),
                       "theme 1, entry 1 (action 1.1): field “owners” should be a list of names"),
    "owners holding a list": (lambda r: action(r).update(owners=[["Chair"]]),
                              "field “owners” should be a list of names"),
    "a title that is a mapping": (lambda r: r["plan"].update(title={"x": "y"}),
                                  "plan: field “title” should be text, not a mapping"),
    "when is a list": (lambda r: action(r).update(when=["May 2014"]),
                       "field “when” should be text, not a list"),
    "themes: 5": (lambda r: r.update(themes=5), "“themes” should be a list of records"),
    "milestones: text": (lambda r: action(r, 5).update(milestones="July 2014"),
                         "“milestones” should be a list of records"),
    "starts: a list": (lambda r: r["plan"].update(starts=[2014]),
                       "field “starts” should be a date like 2014-04-01, not “<list>”"),
    "no actions at all": (lambda r: [t.update(actions=[]) for t in r["themes"]],
                          "the file holds no actions"),
}


@pytest.mark.parametrize("case", list(SHAPES))
def test_a_wrong_shape_is_refused_naming_where(sample_database: Database, tmp_path: Path,
                                               case: str) -> None:
    change, expected = SHAPES[case]
    refused(sample_database, yaml_file(tmp_path, change), expected)


# --- values the database cannot hold --------------------------------------------------------


VALUES: dict[str, tuple[Callable[[JSON], object], str]] = {
    "a 21-character ref": (lambda r: action(r).update(ref="1." + "1" * 19),
                           "field “ref” is 21 characters long; at most 20"),
    "a 201-character owner": (lambda r: r["owners"][0].update(name="C" * 201),
                              "field “name” is 201 characters long; at most 200"),
    "a 121-character slug": (lambda r: r["plan"].update(slug="s" * 121),
                             "plan: field “slug” is 121 characters long; at most 120"),
    "a 101-character milestone date": (
        lambda r: action(r, 5)["milestones"][0].update(when="July 2014 " + "x" * 91),
        "action 6.1, milestone 1: field “when” is 101 characters long; at most 100"),
    "copy_to longer than its column": (
        lambda r: r["reporting"][0]["cadences"][0].update(
            copy_to=[o["name"] for o in r["owners"]] * 3),
        "field “copy_to” is"),
    "an action text of 10,001 characters": (
        lambda r: action(r).update(text="x" * 10_001),
        "action 1.1: field “text” is 10,001 characters long; at most 10,000"),
    "an alias whose key grows past its column": (
        lambda r: r["owners"][0].update(aliases=["ß" * 150]),
        "field “aliases” is 300 characters long; at most 200"),
    "NUL in an action's text": (lambda r: action(r).update(text="Agree\x00 the plan"),
                                "action 1.1: field “text” holds a control character (U+0000)"),
    "an escape sequence in an owner": (
        lambda r: r["owners"][0].update(name="Chair\x1b[2J"),
        "field “name” holds a control character (U+001B)"),
    "DEL in a theme title": (lambda r: r["themes"][0].update(title="Lead\x7fership"),
                             "theme 1: field “title” holds a control character (U+007F)"),
}


@pytest.mark.parametrize("case", list(VALUES))
def test_a_value_its_column_cannot_hold_is_refused_naming_where_and_field(
        sample_database: Database, tmp_path: Path, case: str) -> None:
    change, expected = VALUES[case]
    raw = sample()
    change(raw)
    path = tmp_path / "plan.yaml"
    text = dump_raw(raw, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    message = refused(sample_database, path, expected)
    assert "\x00" not in message and "\x1b" not in message


def test_a_lone_surrogate_escaped_in_yaml_is_refused(sample_database: Database,
                                                     tmp_path: Path) -> None:
    text = dump_raw(sample(), allow_unicode=True, sort_keys=False, width=10**6)
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace("  - ref: '1.1'\n", "  - ref: '1.1'\n    outcome: \"half "
                                 "\\ud800\"\n", 1), encoding="utf-8")
    message = refused(sample_database, path)
    # libyaml refuses the escape itself; PyYAML's own parser decodes it, and the check does
    assert "not valid YAML" in message or "control character (U+D800)" in message


def test_text_at_the_column_limits_imports(sample_database: Database, tmp_path: Path) -> None:
    def change(raw: JSON) -> None:
        action(raw).update(ref="1." + "1" * 18, text="x" * 10_000, outcome="tab\tand\nline")
        r = raw["reporting"][0]
        r["cadences"][0].update(label="l" * 200)
    import_file(sample_database, yaml_file(tmp_path, change))
    assert "1." + "1" * 18 in [a.ref for a in snapshot(sample_database).actions]  # type: ignore


# --- CSV ------------------------------------------------------------------------------------


def test_a_csv_of_only_its_header_is_refused_not_archiving_the_plan(
        sample_database: Database, tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.csv")
    header = (tmp_path / "plan.csv").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "header.csv").write_text(header + "\n", encoding="utf-8")
    refused(sample_database, tmp_path / "header.csv", "the file holds no actions")


def test_a_csv_cell_holding_nul_is_refused_naming_the_action(sample_database: Database,
                                                              tmp_path: Path) -> None:
    export(sample_database, tmp_path / "plan.csv")
    text = (tmp_path / "plan.csv").read_text(encoding="utf-8")
    assert '"Governance arrangements' in text
    (tmp_path / "nul.csv").write_text(text.replace('"Governance', '"Gover\x00nance', 1),
                                      encoding="utf-8")
    refused(sample_database, tmp_path / "nul.csv",
            "action 1.1: field “text” holds a control character (U+0000)")


# --- XLSX -----------------------------------------------------------------------------------


def rewrite_member(source: Path, target: Path, member: str,
                   change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as src, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == member else data)
    return target


ACTIONS_SHEET = "xl/worksheets/sheet4.xml"
ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1
                                                         else b"&lol;") * 10)
                          for i in range(1, 10)) + b"]>")


@pytest.fixture
def workbook(sample_database: Database, tmp_path: Path) -> Path:
    export(sample_database, tmp_path / "plan.xlsx")
    with zipfile.ZipFile(tmp_path / "plan.xlsx") as archive:
        assert b"<t>theme</t>" in archive.read(ACTIONS_SHEET)
    return tmp_path / "plan.xlsx"


def test_an_xml_entity_bomb_in_a_workbook_is_refused_at_once(
        sample_database: Database, workbook: Path) -> None:
    bomb = rewrite_member(workbook, workbook.with_name("bomb.xlsx"), ACTIONS_SHEET,
                          lambda xml: ENTITY_BOMB + xml.replace(b"<t>theme</t>",
                                                                b"<t>&lol9;</t>", 1))
    assert seconds_to_refuse(bomb) < 0.3
    refused(sample_database, bomb, "not a readable XLSX workbook")


def test_a_zip_bomb_is_refused_before_unzipping(sample_database: Database,
                                                workbook: Path) -> None:
    bomb = workbook.with_name("zipbomb.xlsx")
    with zipfile.ZipFile(workbook) as src, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/media/zeros.bin", b"\0" * (65 << 20))
    assert bomb.stat().st_size < 1 << 20
    refused(sample_database, bomb, "the workbook unzips to 65 MB; at most 64 MB")


def test_a_cell_a_million_rows_down_is_refused_without_reading_every_row(
        sample_database: Database, workbook: Path) -> None:
    far = rewrite_member(workbook, workbook.with_name("far.xlsx"), ACTIONS_SHEET, lambda xml: (
        xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is>'
                                     b"<t>x</t></is></c></row></sheetData>")))
    assert seconds_to_refuse(far) < 2
    refused(sample_database, far, "sheet Actions: more than 50,000 rows")


def test_a_workbook_whose_actions_sheet_is_only_its_header_is_refused(
        sample_database: Database, workbook: Path) -> None:
    def header_only(xml: bytes) -> bytes:
        start = xml.index(b'<row r="2"')
        return xml[:start] + xml[xml.index(b"</sheetData>"):]
    empty = rewrite_member(workbook, workbook.with_name("empty.xlsx"), ACTIONS_SHEET,
                           header_only)
    refused(sample_database, empty, "the file holds no actions")


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"",
                                     b"<?xml version='1.0'?><worksheet/>"])
def test_what_is_not_a_workbook_is_refused(sample_database: Database, tmp_path: Path,
                                           content: bytes) -> None:
    (tmp_path / "plan.xlsx").write_bytes(content)
    refused(sample_database, tmp_path / "plan.xlsx", "not a readable XLSX workbook")


def test_a_broken_sheet_inside_a_good_zip_is_refused(sample_database: Database,
                                                     workbook: Path) -> None:
    broken = rewrite_member(workbook, workbook.with_name("broken.xlsx"), ACTIONS_SHEET,
                            lambda xml: xml[: len(xml) // 2])
    refused(sample_database, broken, "not a readable XLSX workbook")
