"""Plan files in and out: YAML (the whole plan), XLSX (the whole plan) and CSV (actions)."""

from __future__ import annotations

from pathlib import Path

from storage.errors import PlanFileError
from storage.planfiles.checking import build_plan
from storage.planfiles.csv_format import read_csv, write_csv
from storage.planfiles.document import PlanDoc
from storage.planfiles.limits import check_size
from storage.planfiles.xlsx_format import read_xlsx, write_xlsx
from storage.planfiles.yaml_format import read_yaml, write_yaml

FORMATS = (".yaml", ".yml", ".csv", ".xlsx")
SAMPLE_PLAN = Path(__file__).resolve().parent.parent / "sample" / "cumbria-lscb-2014-2017.yaml"


def read_plan_file(path: Path, base: PlanDoc | None = None, *,
                   create_owners: bool = False) -> PlanDoc:
    """Read and check a plan file; `base` is the plan a CSV of actions edits; with
    `create_owners`, owners the file names without declaring them are created."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise PlanFileError(str(path), [f"unknown file type “{suffix}”: use "
                                        f"{', '.join(FORMATS)}"])
    if not path.is_file():
        raise PlanFileError(str(path), ["no such file"])
    check_size(path)
    if suffix == ".csv":
        raw: object = read_csv(path, base)
    elif suffix == ".xlsx":
        raw = read_xlsx(path)
    else:
        raw = read_yaml(path)
    return build_plan(raw, str(path), create_owners)


def write_plan_file(doc: PlanDoc, path: Path) -> None:
    """Write `doc` in the format `path`'s extension names."""
    suffix = path.suffix.lower()
    writers = {".yaml": write_yaml, ".yml": write_yaml, ".csv": write_csv, ".xlsx": write_xlsx}
    if suffix not in writers:
        raise PlanFileError(str(path), [f"unknown file type “{suffix}”: use "
                                        f"{', '.join(FORMATS)}"])
    writers[suffix](doc, path)


__all__ = ["FORMATS", "SAMPLE_PLAN", "PlanDoc", "read_plan_file", "write_plan_file"]
