"""Apply the safe fixes rules offer: only where the file still reads what the rule saw,
never two overlapping edits, and written atomically with the file's own newlines."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.findings import Finding, Fix

if TYPE_CHECKING:
    from reportlint.config import Config


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


def plan_fixes(findings: Sequence[Finding], config: Config | None = None,
               passes: int = 10, *, unsafe: bool = False) -> list[FileFix]:
    """What fixing each file would change, file by file (nothing is written).

    With `config`, fixing goes on until nothing more is fixable (at most `passes` rounds),
    as ruff's does: one fix can reveal the next (a misspelt section hides the typos of its
    subsections), and `--fix` must leave nothing a second run would fix."""
    by_path: dict[str, list[Fix]] = defaultdict(list)
    for finding in findings:
        if finding.fix is not None and (finding.fix.safe or unsafe):
            by_path[finding.path].append(finding.fix)
    plans = []
    for path, fixes in sorted(by_path.items()):
        raw = Path(path).read_bytes().decode("utf-8-sig")
        plan = fix_text(path, raw, fixes, config, passes, unsafe=unsafe)
        if plan is not None:
            plans.append(plan)
    return plans


def fix_text(path: str, raw: str, fixes: Sequence[Fix], config: Config | None = None,
             passes: int = 10, *, unsafe: bool = False) -> FileFix | None:
    """What the fixes make of `raw`, the text of the file at `path` (which need not
    exist: standard input has a name only); None when nothing changes."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")  # as the reader reads it
    fixed, applied = _apply(path, text, fixes)
    for _ in range(passes - 1):
        more = _fixes_in(path, fixed, config, unsafe) if config is not None and applied else []
        fixed, extra = _apply(path, fixed, more) if more else (fixed, 0)
        if not extra:
            break
        applied += extra
    if applied and fixed != text:
        return FileFix(path, raw, _restore(raw, text, fixed), applied)
    return None


def _apply(path: str, text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    fixed, applied = apply_fixes(text, fixes)
    if applied and Path(path).suffix.lower() in (".yaml", ".yml") and not _yaml_keeps(
            fixed, fixes):
        fixed, applied = _apply_yaml_safe(text, fixes)
    return fixed, applied


def _fixes_in(path: str, text: str, config: Config, unsafe: bool) -> list[Fix]:
    """The fixes the per-file rules offer on `text` as if it were the file at `path`."""
    import tempfile

    from reportlint.readers import read_document
    from reportlint.run.engine import RuleSet, lint_document

    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / f"draft{Path(path).suffix}"
        draft.write_text(text, encoding="utf-8")
        doc = read_document(draft, display=path, max_bytes=config.max_file_size)
        return [f.fix for f in lint_document(doc, RuleSet(config))
                if f.fix is not None and (f.fix.safe or unsafe)]


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


def _restore(raw: str, text: str, fixed: str) -> str:
    """`fixed` with each line ending as the file had it: a file that mixes LF and CRLF
    keeps the mix, line by line. `text` is `raw` with its line endings made LF, the text
    the fixes were made on; a line a fix added takes the file's most common ending."""
    import re

    if "\r" not in raw:
        return fixed
    endings = re.findall(r"\r\n|\r|\n", raw)
    common = max(set(endings), key=endings.count)
    before, after = text.split("\n"), fixed.split("\n")
    ending_of = [common] * (len(after) - 1)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
            for offset in range(i2 - i1):
                if j1 + offset < len(ending_of) and i1 + offset < len(endings):
                    ending_of[j1 + offset] = endings[i1 + offset]
    return "".join(line + ending for line, ending in zip(after, [*ending_of, ""], strict=True))


def write_fixes(plans: Sequence[FileFix]) -> None:
    from reportlint.writers import write_atomic

    for plan in plans:
        with open(plan.path, "rb") as handle:
            bom = handle.read(3) == b"\xef\xbb\xbf"
        write_atomic(Path(plan.path), ("\ufeff" if bom else "") + plan.after)
