"""Every section, subsection, bullet, table row, FAQ entry, footnote and sentence maps
back to its line and column, in both forms."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CONTENT, SUPPORT_REPORT
from reportlint.document.model import Document
from reportlint.document.units import Kind
from reportlint.readers import read_document

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")
LINES = GOOD.splitlines()


def where(doc: Document, offset: int) -> tuple[int, int]:
    return doc.position(offset)


def expected(needle: str) -> tuple[int, int]:
    for number, line in enumerate(LINES, 1):
        column = line.find(needle)
        if column != -1:
            return number, column + 1
    raise AssertionError(needle)


def test_markdown_units_map_to_their_line_and_column() -> None:
    doc = read_document(SUPPORT_REPORT)
    assert doc.meta is not None and doc.meta.role == "Production Support Analyst"
    for unit in doc.units:
        line, column = where(doc, unit.offset())
        source_line = LINES[line - 1]
        first_line_of_text = unit.text.split("\n")[0]
        assert source_line[column - 1:].startswith(first_line_of_text), (unit.kind, unit.text)
    kinds = {unit.kind for unit in doc.units}
    assert kinds == {Kind.HEADING, Kind.PARAGRAPH, Kind.BULLET, Kind.CELL, Kind.QUESTION,
                     Kind.FOOTNOTE}


def test_outline_tables_footnotes_and_sentences() -> None:
    doc = read_document(SUPPORT_REPORT)
    sections = [h for h in doc.outline if h.level == 2]
    assert len(sections) == 19 and all(h.key for h in sections)
    assert where(doc, doc.heading_for("faq").offset) == expected("FAQ")  # type: ignore[union-attr]
    table = doc.tables[0]
    assert table.section == "skills_signals" and table.subsection == "Skills & proof map"
    assert where(doc, table.rows[1].offset)[0] == expected("| SQL investigation")[0]
    footnotes = [u for u in doc.units if u.kind is Kind.FOOTNOTE]
    assert footnotes and all(u.section == "sources" for u in footnotes)
    first = footnotes[0]
    assert where(doc, first.offset()) == (expected(f"[^{first.label}]:")[0],
                                          len(f"[^{first.label}]: ") + 1)
    question = next(u for u in doc.units if u.kind is Kind.QUESTION)
    assert question.section == "faq"
    sentence = next(s for s in doc.sentences if s.unit.kind is Kind.PARAGRAPH and s.start > 0)
    assert where(doc, sentence.offset()) == expected(sentence.text[:40])


def test_wrapped_paragraph_maps_each_line(read_text: Callable[..., Document]) -> None:
    text = GOOD.replace("## Demand Drivers\n", "## Demand Drivers\n\nFirst line of a\n"
                        "  wrapped paragraph. Second sentence\n  starts here.\n")
    doc = read_text(text)
    unit = next(u for u in doc.units if u.text.startswith("First line of a"))
    index = unit.text.index("starts here")
    line, column = doc.position(unit.offset(index))
    assert text.splitlines()[line - 1][column - 1:].startswith("starts here")


def test_yaml_units_map_to_their_values() -> None:
    path = CONTENT / "data-engineer-healthcare-uk-2025.yaml"
    doc = read_document(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert not doc.problems
    checked = 0
    for unit in doc.units:
        if unit.kind in (Kind.BULLET, Kind.PARAGRAPH, Kind.CELL, Kind.QUESTION):
            line, column = doc.position(unit.offset())
            assert lines[line - 1][column - 1:].startswith(unit.text[:20]), unit.text
            checked += 1
    assert checked > 100


def test_same_units_in_both_forms(tmp_path: Path) -> None:
    from reportlint.writers import render

    markdown = read_document(SUPPORT_REPORT)
    assert markdown.report is not None
    yaml_path = tmp_path / "report.yaml"
    yaml_path.write_text(render(markdown.report, "yaml"), encoding="utf-8")
    yaml = read_document(yaml_path)
    assert [(u.kind, u.text, u.section, u.subsection) for u in markdown.units] == [
        (u.kind, u.text, u.section, u.subsection) for u in yaml.units]
    assert [(h.level, h.text, h.key) for h in markdown.outline] == [
        (h.level, h.text, h.key) for h in yaml.outline]
