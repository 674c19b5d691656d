"""The edits behind the code actions, as plain (start, end, new text) spans of the
buffer's LF text: one finding's fix, every safe fix in the file, and a suppression
comment for one finding. Fixes are planned by `reportlint.run.fixes`, as `--fix` plans them;
nothing here applies a fix its own way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlint.findings import Finding
from reportlint.run.fixes import fix_text
from reportlint.server.checking import Checked
from reportlint.server.positions import normalize_newlines

# What the writer replaces: the contract wants a reason after " -- " in a suppression.
REASON_PLACEHOLDER = "<reason>"


@dataclass(frozen=True)
class Span:
    """Replace [start, end) of the LF text by `text`."""

    start: int
    end: int
    text: str


def fix_edit(checked: Checked, finding: Finding) -> Span | None:
    """The edit of one finding's safe fix, or None when it has none or `--fix` would
    not make it (its span no longer reads what the rule saw; YAML that would no longer
    read)."""
    fix = finding.fix
    if fix is None or not fix.safe:
        return None
    if fix_text(checked.display, checked.text, [fix]) is None:
        return None
    return Span(fix.start, fix.end, fix.replacement)


def fix_all(checked: Checked) -> tuple[str, int] | None:
    """The buffer with every safe fix made, round after round as `--fix` makes them,
    and how many were made; None when there is nothing to fix."""
    fixes = [f.fix for f in checked.findings if f.fix is not None and f.fix.safe]
    if not fixes:
        return None
    config = checked.rules.config
    plan = fix_text(checked.display, checked.text, fixes, config)
    return (plan.after, plan.applied) if plan is not None else None


def suppression_edit(checked: Checked, finding: Finding,
                     recheck: Callable[[str], Sequence[Finding]]) -> Span | None:
    """A comment that suppresses `finding` on its line, with a reason placeholder; None
    when no comment form does it cleanly.

    Where a comment may stand depends on the line (a comment at the end of a heading
    becomes part of the heading; one inside a YAML block scalar is text), so each place
    the contract allows is tried with `recheck` and the first that hides the finding
    and adds nothing (no new finding, no H100) is taken."""
    text = normalize_newlines(checked.text)
    lines = text.split("\n")
    if not 1 <= finding.line <= len(lines):
        return None
    start = sum(len(line) + 1 for line in lines[:finding.line - 1])
    line = lines[finding.line - 1]
    indent = line[:len(line) - len(line.lstrip())]
    end = start + len(line.rstrip())
    code, reason = finding.rule, REASON_PLACEHOLDER
    if checked.doc.format == "yaml":
        candidates = [(Span(end, end, f"  # reportlint: disable={code} -- {reason}"), 0),
                      (Span(start, start, f"{indent}# reportlint: disable={code} -- {reason}\n"),
                       1)]
    else:
        candidates = [
            (Span(end, end, f" <!-- reportlint-disable-line {code} -- {reason} -->"), 0),
            (Span(start, start,
                  f"{indent}<!-- reportlint-disable-next-line {code} -- {reason} -->\n"), 1)]
    # The rules' counts may only fall: a comment that hides this finding and adds one
    # (an unused-suppression H100, a heading no longer recognised) is not a fix.
    allowed = Counter(f.rule for f in checked.findings)
    allowed[code] -= 1
    for span, shift in candidates:
        after = recheck(text[:span.start] + span.text + text[span.end:])
        still = any(f.rule == code and f.line == finding.line + shift
                    and f.message == finding.message for f in after)
        if not still and not Counter(f.rule for f in after) - allowed:
            return span
    return None
