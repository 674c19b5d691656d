"""Markdown -> YAML -> Markdown gives back the same report, for every report we keep."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import FIXTURES, clean_reports
from hypothesis import given
from hypothesis import strategies as st
from reportlint.document.sources import parse_source, render_source
from reportlint.readers import read_document
from reportlint.schema import Report, Source
from reportlint.writers import render

ALL_REPORTS = sorted({*clean_reports(), *FIXTURES.rglob("*.md"), *FIXTURES.rglob("*.yaml")})


def model(path: Path) -> Report:
    doc = read_document(path)
    assert doc.report is not None and doc.meta is not None, doc.problems
    return doc.report


@pytest.mark.parametrize("path", ALL_REPORTS, ids=lambda p: p.name)
def test_markdown_yaml_markdown_keeps_the_model(path: Path, tmp_path: Path) -> None:
    original = model(path)
    if read_document(path).problems:
        pytest.skip("a fixture that is invalid on purpose has no faithful model to compare")
    other = "yaml" if path.suffix == ".md" else "markdown"
    first = tmp_path / ("a.yaml" if other == "yaml" else "a.md")
    first.write_text(render(original, other), encoding="utf-8")
    back = tmp_path / ("b" + path.suffix)
    back.write_text(render(model(first), "markdown" if other == "yaml" else "yaml"),
                    encoding="utf-8")
    assert model(first) == original
    assert model(back) == original


def test_markdown_roundtrip_is_textually_stable(tmp_path: Path) -> None:
    for path in clean_reports():
        if path.suffix != ".md":
            continue
        once = render(model(path), "markdown")
        again_path = tmp_path / path.name
        again_path.write_text(once, encoding="utf-8")
        assert render(model(again_path), "markdown") == once


_text = st.text(st.characters(whitelist_categories=("L", "N", "Zs"),
                              whitelist_characters="&-/:'"), min_size=1, max_size=30).map(
    lambda s: " ".join(s.split())).filter(bool)


@given(publisher=st.none() | _text, title=_text, published=st.none() | _text,
       url=st.none() | st.from_regex(r"https://[a-z]{1,10}\.(org|gov)/[a-z0-9/-]{0,20}",
                                     fullmatch=True),
       accessed=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_source_text_roundtrip(publisher: str | None, title: str, published: str | None,
                               url: str | None, accessed: dt.date | None) -> None:
    source = Source(id="x", publisher=publisher, title=title.rstrip(".").strip() or "T",
                    published=published, url=url, accessed=accessed)
    if source.published:
        source = source.model_copy(update={"published": source.published.rstrip(".").strip()
                                           or None})
    if source.publisher:
        source = source.model_copy(update={"publisher": source.publisher.rstrip(".,").strip()
                                           or None})
    assert Source(id="x", **parse_source(render_source(source))) == source


def test_house_source_format_is_parsed() -> None:
    fields = parse_source('U.S. Bureau of Labor Statistics. "Occupational Employment and Wage '
                          'Statistics", May 2024. https://www.bls.gov/oes/ (accessed 2025-11-30)')
    assert fields == {"publisher": "U.S. Bureau of Labor Statistics",
                      "title": "Occupational Employment and Wage Statistics",
                      "published": "May 2024", "url": "https://www.bls.gov/oes/",
                      "accessed": dt.date(2025, 11, 30)}
