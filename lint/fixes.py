"""Apply the safe fixes rules offer: only where the file still reads what the rule saw,
never two overlapping edits, and written atomically with the file's own newlines."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlint.findings import Finding, Fix


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """`text` with every applicable fix made, and how many were made. A fix is skipped
    when its span no longer reads `expected` or overlaps one already taken."""
    chosen: list[Fix] = []
    end = -1
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        if fix.start < end or text[fix.start:fix.end] != fix.expected:
            continue
        chosen.append(fix)
        end = max(fix.end, fix.start + 1) if fix.end == fix.start else fix.end
    pieces: list[str] = []
    position = 0
    for fix in chosen:
        pieces += [text[position:fix.start], fix.replacement]
        position = fix.end
    pieces.append(text[position:])
    return "".join(pieces), len(chosen)


@dataclass(frozen=True)
class FileFix:
    path: str
    before: str
    after: str
    applied: int

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def plan_fixes(findings: Sequence[Finding]) -> list[FileFix]:
    """What fixing each file would change, file by file (nothing is written)."""
    by_path: dict[str, list[Fix]] = defaultdict(list)
    for finding in findings:
        if finding.fix is not None:
            by_path[finding.path].append(finding.fix)
    plans = []
    for path, fixes in sorted(by_path.items()):
        raw = Path(path).read_bytes().decode("utf-8-sig")
        text = raw.replace("\r\n", "\n")
        fixed, applied = apply_fixes(text, fixes)
        if applied and Path(path).suffix.lower() in (".yaml", ".yml") and not _yaml_keeps(
                fixed, fixes):
            fixed, applied = _apply_yaml_safe(text, fixes)
        if applied and fixed != text:
            plans.append(FileFix(path, _restore(raw, text), _restore(raw, fixed), applied))
    return plans


def _yaml_keeps(text: str, fixes: Sequence[Fix]) -> bool:
    """Whether fixed YAML still reads, with no replacement turned into a comment (a
    heading "Field note: ..." written into a plain scalar would not)."""
    from reportlint.readers.yamltree import YamlProblem, load_yaml_tree

    if any(" #" in fix.replacement or fix.replacement.startswith("#") for fix in fixes):
        return False
    try:
        load_yaml_tree(text)
    except YamlProblem:
        return False
    return True


def _apply_yaml_safe(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply the fixes one at a time, keeping those after which the YAML still reads."""
    kept: list[Fix] = []
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        candidate, applied = apply_fixes(text, [*kept, fix])
        if applied == len(kept) + 1 and _yaml_keeps(candidate, [fix]):
            kept.append(fix)
    return apply_fixes(text, kept)


def _restore(raw: str, text: str) -> str:
    """Give `text` back the newline style of the file it came from."""
    return text.replace("\n", "\r\n") if "\r\n" in raw else text


def write_fixes(plans: Sequence[FileFix]) -> None:
    from reportlint.writers import write_atomic

    for plan in plans:
        with open(plan.path, "rb") as handle:
            bom = handle.read(3) == b"\xef\xbb\xbf"
        write_atomic(Path(plan.path), ("\ufeff" if bom else "") + plan.after)
