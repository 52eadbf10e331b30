"""Plan files in and out: YAML (the whole plan), XLSX (the whole plan) and CSV (actions)."""

from __future__ import annotations

from pathlib import Path

from storage.errors import PlanFileError
from storage.planfiles.checking import build_plan
from storage.planfiles.csv_format import read_csv, write_csv
from storage.planfiles.document import PlanDoc
from storage.planfiles.limits import check_size
from storage.planfiles.new_plan import NewPlan
from storage.planfiles.xlsx_format import read_xlsx, write_xlsx
from storage.planfiles.yaml_format import read_yaml, write_yaml

FORMATS = (".yaml", ".yml", ".csv", ".xlsx")
_SAMPLES = Path(__file__).resolve().parent.parent / "sample"
#: The shipped samples by the name `--sample NAME` takes: Cumbria's 2014 LSCB plan, as
#: published, and a fictional safeguarding children partnership's plan for 2025-2028.
SAMPLES = {"cumbria": _SAMPLES / "cumbria-lscb-2014-2017.yaml",
           "partnership": _SAMPLES / "larkmoor-scp-2025-2028.yaml"}
SAMPLE_PLAN = SAMPLES["cumbria"]


def read_plan_file(path: Path, base: PlanDoc | None = None, *,
                   create_owners: bool = False, new: NewPlan | None = None) -> PlanDoc:
    """Read and check a plan file; `base` is the plan a CSV of actions edits, `new` the
    plan a CSV of actions alone starts (its owners are the names it uses); with
    `create_owners`, owners the file names without declaring them are created."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise PlanFileError(str(path), [f"unknown file type “{suffix}”: use "
                                        f"{', '.join(FORMATS)}"])
    if not path.is_file():
        raise PlanFileError(str(path), ["no such file"])
    check_size(path)
    if new is not None and suffix != ".csv":
        raise PlanFileError(str(path), ["--new starts a plan from a CSV of actions; a YAML "
                                        "or XLSX plan file names its own plan"])
    if suffix == ".csv":
        raw: object = read_csv(path, base, new)
    elif suffix == ".xlsx":
        raw = read_xlsx(path)
    else:
        raw = read_yaml(path)
    return build_plan(raw, str(path), create_owners or new is not None)


def write_plan_file(doc: PlanDoc, path: Path) -> None:
    """Write `doc` in the format `path`'s extension names."""
    suffix = path.suffix.lower()
    writers = {".yaml": write_yaml, ".yml": write_yaml, ".csv": write_csv, ".xlsx": write_xlsx}
    if suffix not in writers:
        raise PlanFileError(str(path), [f"unknown file type “{suffix}”: use "
                                        f"{', '.join(FORMATS)}"])
    writers[suffix](doc, path)


__all__ = ["FORMATS", "SAMPLES", "SAMPLE_PLAN", "NewPlan", "PlanDoc", "read_plan_file",
           "write_plan_file"]
