"""Plan files as tests edit them: YAML read into plain data, changed, and written back.

With libyaml's loader and dumper (the bot reads plan files with the same loader), and the
sample parsed once per process: in pure Python each parse of it took 30 ms, and the suite
parsed it some two hundred times.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from storage.planfiles import SAMPLE_PLAN
from storage.planfiles.yaml_format import SAFE_DUMPER, SAFE_LOADER


def read_raw(path: Path) -> Any:
    """What the YAML file at `path` holds, as plain data."""
    if path == SAMPLE_PLAN:
        return sample_raw()
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def sample_raw() -> dict[str, Any]:
    """The sample plan as plain data, a copy of its own for the caller to change."""
    return copy.deepcopy(_sample())


@cache
def _sample() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.load(SAMPLE_PLAN.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return raw


def dump_raw(data: Any, **options: Any) -> str:
    """`yaml.safe_dump(data, **options)`, through libyaml."""
    text: str = yaml.dump(data, Dumper=SAFE_DUMPER, **options)
    return text
