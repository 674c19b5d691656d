"""Structure rules for content that has a shape of its own: the proof-map table and the
FAQ's questions and answers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reportlint.document.model import Document
from reportlint.document.text import fold
from reportlint.findings import Category, Hit, Severity
from reportlint.rules.registry import Context, Rule, register
from reportlint.schema import (
    PROOF_MAP_COLUMNS,
    has_text,
)

_RUN_TOGETHER = re.compile(r"(?<=[a-z0-9)”\"'])(?=[A-Z])")


def split_run_together(cell: str, columns: int) -> list[str] | None:
    """Split a cell whose column texts were pasted together ("ToolingUses CRM wellWorkflow
    notes") at lower-to-upper case joins, if that gives exactly `columns` parts."""
    parts = [part.strip() for part in _RUN_TOGETHER.split(cell) if part.strip()]
    return parts if len(parts) == columns else None


@register
class ProofMapTable(Rule):
    """The skills proof-map table missing, with the wrong columns, or with ragged rows.

    **What it does.** Checks that "Skills & Signals" holds one pipe table whose header is
    `Skill / Signal | What "good" looks like | How to prove it` and whose every row has
    those three cells; recognises rows whose cells were run together when the page was
    scraped and shows how they split.

    **Why is this bad?** The proof map renders as a grid; a row with one cell or four
    breaks the grid and hides which proof goes with which skill.

    **Example.** `| TroubleshootingReproduces and isolates issuesCase walkthrough |` gives
    `S007 proof-map row has 1 cell, expected 3; its cells look run together:
    "Troubleshooting" | "Reproduces and isolates issues" | "Case walkthrough"`.
    """

    code = "S007"
    name = "proof-map-table"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        tables = [t for t in doc.tables if t.section == "skills_signals"]
        heading = doc.heading_for("skills_signals")
        if not tables:
            if heading is not None:
                yield Hit('"Skills & Signals" has no proof-map table (columns: '
                          + " | ".join(PROOF_MAP_COLUMNS) + ")", offset=heading.offset)
            return
        expected = [fold(c).casefold() for c in PROOF_MAP_COLUMNS]
        for table in tables:
            header = [fold(cell.text).casefold().strip() for cell in table.header.cells]
            if table.header.raw_cell_count != len(expected) or header != expected:
                yield self._row_hit(table.header, "proof-map header", '; expected "'
                                    + " | ".join(PROOF_MAP_COLUMNS) + '"')
            for row in table.rows:
                if row.raw_cell_count != len(expected):
                    yield self._row_hit(row, "proof-map row", "")

    @staticmethod
    def _row_hit(row: Any, what: str, expected_text: str) -> Hit:
        count = row.raw_cell_count
        message = f"{what} has {count} cell{'s' if count != 1 else ''}, expected 3"
        if count == 3:
            message = f"{what} does not match{expected_text}"
        elif row.cells and count == 1:
            split = split_run_together(row.cells[0].text, 3)
            if split:
                message += "; its cells look run together: " + " | ".join(
                    f'"{part}"' for part in split)
        offset = row.cells[0].offset() if row.cells else row.offset
        return Hit(message, offset=offset)


@register
class UnansweredQuestion(Rule):
    """A FAQ question with no answer under it.

    **What it does.** Reports each FAQ question (a level-3 heading under "FAQ") followed
    directly by the next question or section.

    **Why is this bad?** A question with no answer is worse than no question; search
    engines show it as a broken FAQ entry.

    **Example.** "### What metrics matter most?" followed by "### Is remote common?" gives
    `S008 FAQ question "What metrics matter most?" has no answer`.
    """

    code = "S008"
    name = "unanswered-question"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        faq = getattr(doc.report, "faq", None)
        if faq is None:
            return
        questions = iter(h for h in doc.outline if h.level >= 3 and h.parent == "faq")
        for entry, heading in zip(faq.entries, questions, strict=False):
            if not has_text(entry.answer):
                yield Hit(f'FAQ question "{entry.question}" has no answer', offset=heading.offset)
