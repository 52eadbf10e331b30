"""The readable plan file: YAML, themes holding their actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from storage.errors import PlanFileError
from storage.planfiles.document import ActionDoc, CadenceDoc, PlanDoc, ReportingDoc
from storage.planfiles.limits import check_tree, shown

#: libyaml's loader and dumper when PyYAML was built with it: the same safe ones, about
#: ten times faster (and for the sample, the same text byte for byte).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_yaml(path: Path) -> object:
    """The raw contents of a YAML plan file, refused if deeper or (through aliases) larger
    than any plan (`limits.check_tree`)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "somewhere"
        raise PlanFileError(str(path), [f"{where}: not valid YAML ({shown(error)})"]) from error
    except UnicodeDecodeError as error:
        raise PlanFileError(str(path), ["not a text file (expected UTF-8 YAML)"]) from error
    except RecursionError as error:
        raise PlanFileError(str(path), ["not a plan: nested too deeply"]) from error
    except (ValueError, OverflowError) as error:  # 2014-13-45, a 5,000-digit number
        raise PlanFileError(str(path), [f"a value YAML cannot read ({shown(error)})"]) from error
    check_tree(raw, path)
    return raw


def write_yaml(doc: PlanDoc, path: Path) -> None:
    """Write `doc` as a YAML plan file that `read_yaml` reads back to the same plan."""
    path.write_text(yaml.dump(plan_as_dict(doc), Dumper=SAFE_DUMPER, sort_keys=False,
                              allow_unicode=True, width=100), encoding="utf-8")


def plan_as_dict(doc: PlanDoc) -> dict[str, Any]:
    labels = dict(doc.theme_labels)
    return {
        "plan": {"slug": doc.slug, "title": doc.title, "board": doc.board,
                 "starts": doc.starts.isoformat(), "ends": doc.ends.isoformat(),
                 "places": list(doc.places), **_words(doc)},
        "owners": [{"name": o.name, "kind": o.kind, "aliases": list(o.aliases),
                    **({"members": list(o.members)} if o.members else {})}
                   for o in doc.owners],
        "themes": [{"number": n, "title": title,
                    **({"label": labels[n]} if n in labels else {}),
                    "actions": [_action(a) for a in doc.actions if a.theme == n]}
                   for n, title in doc.themes],
        "reporting": [_reporting_row(r) for r in doc.reporting],
    }


def _words(doc: PlanDoc) -> dict[str, Any]:
    said = {k: v for k, v in (("board", doc.words.board), ("theme", doc.words.theme)) if v}
    return {"words": said} if said else {}


def _action(action: ActionDoc) -> dict[str, Any]:
    record: dict[str, Any] = {"ref": action.ref, "text": action.text,
                              "owners": list(action.owners), "when": action.when,
                              "outcome": action.outcome, "status": action.status}
    if action.milestones:
        record["milestones"] = [{"label": m.label, "when": m.when} for m in action.milestones]
    return record


def _reporting_row(row: ReportingDoc) -> dict[str, Any]:
    return {"key": row.key, "what": row.what, "by": list(row.by), "activity": row.activity,
            "tells": row.tells, "when": row.when,
            "cadences": [_cadence(c) for c in row.cadences]}


def _cadence(cadence: CadenceDoc) -> dict[str, Any]:
    record: dict[str, Any] = {"key": cadence.key, "label": cadence.label,
                              "audience": cadence.audience, "rule": cadence.rule}
    if cadence.carries_report:
        record["report"] = True
    if cadence.copy_to:
        record["copy_to"] = list(cadence.copy_to)
    return record
