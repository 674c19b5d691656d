"""Fix safety as a property, on every report we have and on generated variants: a fix
touches only the lines of the findings it repairs, keeps every other byte, and fixing
twice is fixing once."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES
from reportlint.config import Config
from reportlint.run.fixes import plan_fixes, write_fixes
from reportlint.run.pipeline import lint_paths

REPORTS = sorted([*CONTENT.glob("*.md"), *CONTENT.glob("*.yaml"), *FIXTURES.rglob("*.md"),
                  *FIXTURES.rglob("*.yaml")])
TYPOS = [("## Market Snapshot", "## Market Snapshto"),
         ("### Signals to watch", "### Signals to wacth"),
         ("## Demand Drivers", "## demand drivers"), ("## FAQ", "## Faq"),
         ("## Action Plan", "## Action  Plan")]


def fix_once(path: Path) -> set[int]:
    """Fix the file as `--fix` does, a round at a time (one fix can reveal the next);
    the lines (1-based) of every finding whose fix was applied."""
    lines: set[int] = set()
    for _ in range(10):
        findings = lint_paths([str(path)], Config()).findings
        plans = plan_fixes(findings, None)  # one round, without looking again
        if not plans:
            break
        lines |= {f.line for f in findings if f.fix is not None and f.fix.safe}
        write_fixes(plans)
    return lines


def variants(source: Path, rng: random.Random) -> str:
    text = source.read_text(encoding="utf-8")
    for old, new in rng.sample(TYPOS, k=2):
        text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize("source", REPORTS, ids=lambda p: p.name)
def test_fixes_touch_only_their_lines_and_settle_in_one_go(source: Path,
                                                           tmp_path: Path) -> None:
    path = tmp_path / source.name
    shutil.copy(source, path)
    path.write_text(variants(source, random.Random(source.name)), encoding="utf-8")
    before = path.read_text(encoding="utf-8").split("\n")
    fixed_lines = fix_once(path)
    after = path.read_text(encoding="utf-8").split("\n")
    if len(before) == len(after):  # heading fixes keep the line count
        changed = {n for n, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b}
        assert changed <= fixed_lines, (changed - fixed_lines, source.name)
    again = path.read_bytes()
    fix_once(path)
    assert path.read_bytes() == again  # fixing twice is fixing once


def test_the_example_page_fixes_only_its_own_lines(imported_example: Path,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "example.md"
    shutil.copy(imported_example, path)
    before = path.read_text(encoding="utf-8").split("\n")
    fixed_lines = fix_once(path)
    after = path.read_text(encoding="utf-8").split("\n")
    assert len(before) == len(after)
    changed = {n for n, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b}
    assert changed <= fixed_lines
