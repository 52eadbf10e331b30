"""`lscb plan template FILE.xlsx`: a blank plan workbook to fill in.

The plan workbook the bot exports, with a Guide sheet first (how to fill each column,
with due wordings the bot reads), drop-down lists for status, priority and owners (Excel
data validation, which a user may override by typing), two example rows, and the three
statutory partners as owners to start from. Every text cell is inert (`storage.cells`).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from storage.cells import safe_cell
from storage.planfiles.examples import EXAMPLE_MARK, GUIDE_SHEET
from storage.planfiles.table import ACTION_COLUMNS
from storage.planfiles.xlsx_format import SHEETS

ROWS = 500  # how far down the drop-down lists reach
STATUS_CHOICES = ("Not started", "Green", "Amber", "Red", "Complete")
OWNERS = (("Local Authority", "agency", "LA\nCouncil", ""),
          ("Integrated Care Board", "agency", "ICB", ""),
          ("Police", "agency", "Constabulary", ""),
          ("Statutory Partners", "group", "The statutory partners",
           "Local Authority\nIntegrated Care Board\nPolice"))
EXAMPLES = (
    {"theme": 1, "theme_title": "Neglect and early help", "ref": "1.1",
     "text": f"{EXAMPLE_MARK}Agree one neglect assessment tool for every agency",
     "owners": "Local Authority / Integrated Care Board", "when": "Q3 2025/26",
     "outcome": "Neglect is recognised earlier", "status": "Amber"},
    {"theme": 1, "theme_title": "Neglect and early help", "ref": "1.1a",
     "text": f"{EXAMPLE_MARK}Train practitioners in each agency to use the tool",
     "owners": "Statutory Partners", "when": "by the end of March 2026",
     "milestones": "December 2025: half of teams trained", "status": "Not started"},
)
GUIDE = (
    ("How to fill in this plan", ""),
    ("Plan sheet", "slug: a short name without spaces (larkmoor-scp-2025-2028); title; "
     "board (what the partnership is called); starts and ends as dates (2025-04-01)."),
    ("Owners sheet", "Every lead the actions name: an agency, role, post or subgroup, with "
     "other spellings as aliases (one a line). A group (kind “group”) lists its members; "
     "each member sees the group's actions as their own."),
    ("Themes sheet", "Your priorities: a number and a title."),
    ("Actions: theme", "The priority's number (the drop-down lists them)."),
    ("Actions: ref", "1.1, or a sub-action 1.1a or 1.1.2; leave it empty and the bot "
     "gives one in order."),
    ("Actions: owners", "One or more owners (drop-down, or type joint owners "
     "as “A / B” or “A and B”)."),
    ("Actions: when", "As you would write it: 15/06/2026, June 2026, by end of June 2026, "
     "Q2 2025/26, 2026/27, Oct/Nov 2025, by year 2, December 2025 (subject to funding), "
     "September 2025; review by March 2026, Annually, Ongoing. What the bot cannot read it "
     "keeps as written and lists as undated."),
    ("Actions: status", "Not started, Green, Amber, Red or Complete (also R/A/G, blue)."),
    ("Actions: milestones", "Optional, one a line: “December 2025: half of teams trained”."),
    ("Examples", "Rows 2 and 3 of the Actions sheet are examples: write over them or "
     "delete them before importing."),
    ("Import", "lscb plan import FILE.xlsx"),
)


def write_template(path: Path) -> None:
    """Write the blank plan workbook to `path`."""
    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    for topic, how in GUIDE:
        guide.append([safe_cell(topic), safe_cell(how)])
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 22, 110
    tables: dict[str, tuple[list[str], list[list[object]]]] = {
        "Plan": (["field", "value"], [[f, ""] for f in ("slug", "title", "board", "starts",
                                                       "ends", "places")]),
        "Owners": (["name", "kind", "aliases", "members"], [list(o) for o in OWNERS]),
        "Themes": (["number", "title"], [[1, "Neglect and early help"]]),
        "Actions": (list(ACTION_COLUMNS), [[e.get(c, "") for c in ACTION_COLUMNS]
                                           for e in EXAMPLES]),
        "Reporting": (["key", "what", "by", "activity", "tells", "when"], []),
        "Cadences": (["row", "key", "label", "audience", "rule", "report", "copy_to"], []),
    }
    for title in SHEETS:
        header, rows = tables[title]
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
    _drop_downs(book)
    book.save(path)


def _drop_downs(book: Workbook) -> None:
    actions = book["Actions"]
    column = {name: chr(ord("A") + i) for i, name in enumerate(ACTION_COLUMNS)}
    choices = {
        "status": '"' + ",".join(STATUS_CHOICES) + '"',
        "owners": f"=Owners!$A$2:$A${ROWS}",
        "theme": f"=Themes!$A$2:$A${ROWS}",
    }
    for field, formula in choices.items():
        rule = DataValidation(type="list", formula1=formula, allow_blank=True,
                              showErrorMessage=False)  # a list to pick from; typing is fine
        rule.add(f"{column[field]}2:{column[field]}{ROWS}")
        actions.add_data_validation(rule)
    kinds = DataValidation(type="list", formula1='"agency,role,post,subgroup,group"',
                           allow_blank=True)
    kinds.add(f"B2:B{ROWS}")
    book["Owners"].add_data_validation(kinds)
