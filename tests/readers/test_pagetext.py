"""Importing the scraped example page: headings, bullets, header lines, FAQ and the
proof-map table recognised; nothing dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlint.cli import main
from reportlint.document.text import fold
from reportlint.readers import read_document
from reportlint.readers.pagetext import PageError, import_page_text
from reportlint.schema import CATALOG


def test_header_lines_become_front_matter(example_page: Path) -> None:
    report = import_page_text(example_page.read_bytes())
    meta = report.meta
    assert (meta.role, meta.industry, meta.region, meta.year) == (
        "Production Support Analyst", "Fintech", "US", 2025)
    assert meta.category == "Career" and meta.author.endswith("Team")
    assert str(meta.published) == "2025-12-17"
    assert meta.title.startswith("US Production Support Analyst")
    assert meta.summary and meta.summary.endswith(".")
    assert meta.cover_caption and meta.cover_caption.endswith("report cover")


def test_every_catalog_section_is_recognised(example_page: Path) -> None:
    report = import_page_text(example_page.read_bytes())
    missing = [spec.key for spec in CATALOG if getattr(report, spec.key) is None]
    assert missing == []
    assert report.extra_sections == []
    assert [s.heading for s in report.market_snapshot.subsections] == [  # type: ignore[union-attr]
        "Signals to watch", "Fast scope checks"]
    compensation = report.compensation
    assert compensation is not None
    assert compensation.subsections[0].heading.startswith("Questions that uncover constraints")
    assert len(report.faq.entries) == 4  # type: ignore[union-attr]
    assert all(e.question.endswith("?") and e.answer for e in report.faq.entries)  # type: ignore[union-attr]


def test_proof_map_is_kept_as_a_table_even_run_together(example_page: Path) -> None:
    report = import_page_text(example_page.read_bytes())
    assert report.skills_signals is not None
    proof = next(s for s in report.skills_signals.subsections if s.heading == "Skills & proof map")
    tables = [b for b in proof.content if hasattr(b, "table")]
    assert len(tables) == 1
    table = tables[0].table  # type: ignore[union-attr]
    assert len(table.rows) == 5 and all(len(row) == 1 for row in table.rows)


def test_nothing_is_dropped(example_page: Path, imported_example: Path) -> None:
    imported = fold(imported_example.read_text(encoding="utf-8"))
    for line in example_page.read_text(encoding="utf-8").splitlines():
        text = fold(line.strip().lstrip("•").strip().rstrip(":"))
        if not text or text.startswith("Career December"):
            continue
        assert text in imported, text


def test_import_command_writes_markdown_that_reads_back(example_page: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    result = CliRunner().invoke(main, ["import", str(example_page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = read_document(out)
    assert doc.meta is not None and not doc.problems


def test_a_page_without_a_title_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PageError, match="cannot read role, industry"):
        import_page_text(b"Career December 1, 2025 By Someone\n\nNot a report title\n\n"
                         b"Executive Summary\n\n  \xe2\x80\xa2 A bullet\n")
    page = tmp_path / "x.txt"
    page.write_bytes(b"\xff\xfe garbage")
    result = CliRunner().invoke(main, ["import", str(page)])
    assert result.exit_code == 2 and "x.txt: not UTF-8" in result.output
