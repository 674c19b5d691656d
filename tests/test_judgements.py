"""Every rule's precision and recall on the judgement sets (tests/judgements/): labelled
cases written by us, the findings an editor agrees with on the real career pages in
../shared/realpages, and the clean reports. `python bench/judgement.py` prints the table;
these floors keep a change from quietly trading false alarms for misses or back."""

from __future__ import annotations

import pytest
from judgements.judge import REALPAGES, Tally, judge_all, load_cases

# Measured when set (see the closing notes of the "Judge like an editor" issues); a rule
# not named here has no labelled cases of its own yet and must simply stay quiet on them.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
FLOORS: dict[str, tuple[float, float]] = {  # code: (precision, recall)
    "E001": (0.90, 0.90),
    # A known miss is kept in the set, not relabelled: two checklist bullets that differ
    # by a synonym ("at night" / "overnight") share fewer words than D003 asks for.
    "D003": (0.95, 0.90),
}


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    if not REALPAGES.is_dir():
        pytest.fail(f"the real pages are read from {REALPAGES}; lay ../shared beside the repo")
    return judge_all()


def test_the_set_is_large_and_varied() -> None:
    cases = load_cases()
    assert len(cases) >= 300
    roles = {case.front["role"] for case in cases}
    assert len(roles) >= 8, roles
    flagged = {code for case in cases for code in case.flag}
    assert {"C002", "C004", "D002", "H002", "H005", "E007", "E001"} <= flagged


def test_each_rule_meets_its_floors(tallies: dict[str, Tally]) -> None:
    below = []
    for code, tally in sorted(tallies.items()):
        precision, recall = FLOORS.get(code, (PRECISION_FLOOR, RECALL_FLOOR))
        if tally.precision < precision or tally.recall < recall:
            below.append(f"{code}: precision {tally.precision:.3f} recall {tally.recall:.3f}; "
                         f"false alarms {tally.false_alarms[:5]} misses {tally.misses[:5]}")
    assert not below, "\n".join(below)
