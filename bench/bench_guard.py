"""The data guard measured on its labelled corpus (tests/storage/guard_corpus.py).

Goal (issue 8): recall 100% on the child-data half, false refusals under 5% on the board
notes. Each case is read as the bot reads it: with its plan's own words (board, title,
owners, themes, places) and the day it is typed. For comparison it also prints the figures
without the plan's words, without today, and with neither (what `refuse_personal_data`
does while its callers pass nothing); the goal is checked on the first.

Prints the number of cases, true and false positives and negatives, precision, recall on the
child-data half, the false-refusal rate, each case it gets wrong, and the time per case;
exits 1 when the goal is missed.

Run: `.venv/bin/python bench/bench_guard.py [--all-modes-must-pass]`
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python bench/...`: make storage/ and tests/ importable
    sys.path.insert(0, str(ROOT))

from tests.storage.guard_corpus import CASES, Case, judge, vocabulary  # noqa: E402

RECALL_GOAL = 1.0
FALSE_REFUSAL_GOAL = 0.05
MODES = {
    "plan words and today": (True, True),
    "today, no plan words": (False, True),
    "plan words, no today": (True, False),
    "neither": (False, False),
}


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    true_neg: int = 0
    false_neg: int = 0
    wrong: list[tuple[Case, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        refused = self.true_pos + self.false_pos
        return self.true_pos / refused if refused else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg)

    @property
    def false_refusals(self) -> float:
        return self.false_pos / (self.false_pos + self.true_neg)

    @property
    def meets_goal(self) -> bool:
        return self.recall >= RECALL_GOAL and self.false_refusals < FALSE_REFUSAL_GOAL


def score(with_words: bool, with_today: bool) -> Score:
    result = Score()
    for plan in {case.plan for case in CASES}:
        vocabulary(plan)  # read each plan file once, before the clock starts
    started = time.perf_counter()
    for case in CASES:
        finding = judge(case, with_words, with_today)
        refused = finding is not None
        if case.child and refused:
            result.true_pos += 1
        elif case.child:
            result.false_neg += 1
            result.wrong.append((case, "missed"))
        elif refused:
            result.false_pos += 1
            result.wrong.append((case, f"refused ({finding.kind})"))
        else:
            result.true_neg += 1
    result.seconds = time.perf_counter() - started
    return result


def report(mode: str, result: Score) -> None:
    children = result.true_pos + result.false_neg
    notes = result.false_pos + result.true_neg
    verdict = "PASS" if result.meets_goal else "FAIL"
    print(f"\n== {mode}: {verdict}")
    print(f"cases {len(CASES)} ({children} child data, {notes} board notes)")
    print(f"true positives {result.true_pos}, false positives {result.false_pos}, "
          f"true negatives {result.true_neg}, false negatives {result.false_neg}")
    print(f"precision {result.precision:.1%}")
    print(f"recall on the child-data half {result.recall:.1%} (goal {RECALL_GOAL:.0%})")
    print(f"false refusals {result.false_refusals:.1%} (goal under {FALSE_REFUSAL_GOAL:.0%})")
    print(f"time per case {result.seconds / len(CASES) * 1e6:.0f} µs")
    for case, what in result.wrong:
        label = "child" if case.child else "board"
        print(f"  wrong: {what:22} {label} [{case.plan}] {case.text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-modes-must-pass", action="store_true",
                        help="exit 1 if any mode misses the goal, not only the first")
    args = parser.parse_args(argv)
    results = {mode: score(*flags) for mode, flags in MODES.items()}
    for mode, result in results.items():
        report(mode, result)
    checked = results.values() if args.all_modes_must_pass else [results[next(iter(MODES))]]
    return 0 if all(result.meets_goal for result in checked) else 1


if __name__ == "__main__":
    sys.exit(main())
