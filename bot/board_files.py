"""Files for the board: the monitoring report and the audit log."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import Workbook

from bot.answers import Asker, in_context
from bot.config import Settings
from commands import Context
from commands.quarters import read_quarter
from commands.report import build_report
from commands.report_files import HEADER, report_markdown, report_rows
from storage.audit import COLUMNS as AUDIT_COLUMNS
from storage.audit import every_entry
from storage.database import Database


def write_report(database: Database, settings: Settings, fmt: str, out: Path,
                 quarter: str) -> str:
    def build(ctx: Context) -> str:
        report = build_report(ctx, read_quarter(quarter, ctx.today, ctx.repo.plan.starts))
        if fmt == "md":
            out.write_text(report_markdown(report), encoding="utf-8")
        else:
            _write_table(out, fmt, HEADER, report_rows(report), "Report")
        return report.quarter.label

    label = in_context(database, settings, Asker("cli", is_admin=True), build)
    return f"Wrote the {label} monitoring report to {out}."


def export_audit(database: Database, out: Path) -> int:
    with database.unit_of_work() as session:
        rows = every_entry(session)
    if out.suffix.lower() == ".json":
        out.write_text(json.dumps([dict(zip(AUDIT_COLUMNS, r, strict=True)) for r in rows],
                                  indent=1), encoding="utf-8")
    else:
        _write_table(out, out.suffix.lower().lstrip(".") or "csv", AUDIT_COLUMNS, rows, "Audit")
    return len(rows)


def _write_table(out: Path, fmt: str, header: list[str], rows: list[list[str]],
                 title: str) -> None:
    if fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = title
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        book.save(out)
        return
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
