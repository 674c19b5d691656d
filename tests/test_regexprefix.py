"""start_prefixes: every match starts with one of the strings it gives, or it gives none;
StartScan: trying a pattern only where its matches can start finds what a plain scan finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.config import Config
from reportlint.language.claims.detector import claim_detector
from reportlint.language.data import load_data
from reportlint.language.regexprefix import SAFE_TEXT, StartScan, start_prefixes


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    ("abc|abd", 0, {"abc", "abd"}),
    ("ab", 0, {"ab"}),  # a match may be shorter than three characters
    ("(?i)Data", 0, {"dat"}),
    ("Data", re.IGNORECASE, {"dat"}),
    ("a+b", 0, {"a"}),  # after a repetition what follows is unknown
    ("colou?r", 0, {"col"}),
    ("x?yz", 0, {"xyz", "yz"}),
    (r"\bwill\b", 0, {"wil"}),
    (r"(?<!you )will(?! you)", 0, {"wil"}),
    (r"[$€]\s?\d", 0, {"$", "€", *(c + d for c in "$€" for d in "0123456789")}),
    (r"\d{2}", 0, {str(a) + str(b) for a in range(10) for b in range(10)}),
    ("[A-C]x", 0, {"ax", "bx", "cx"}),
])
def test_prefixes(pattern: str, flags: int, expected: set[str]) -> None:
    assert start_prefixes(pattern, flags) == expected


@pytest.mark.parametrize("pattern", [".x", r"\w+ing", "[^a]b", r"\s+x", "a|", "(a)\\1", "",
                                     "[a-z]{2,}"])
def test_no_answer_when_a_match_may_start_anywhere(pattern: str) -> None:
    prefixes = start_prefixes(pattern)
    assert prefixes is None or all(len(p) == 1 for p in prefixes) or pattern == "[a-z]{2,}"


_CUES = [pattern for _, pattern in claim_detector().cues]
_FRAGMENTS = st.sampled_from([
    " ", ", ", ". ", "-", "’", "(", "$", "€", "£", "US$", "R$", "%", "1", "12", "2026",
    "1,200", "3.5", "by", "will", "won't", "more", "most", "than", "rise", "rising",
    "median", "average", "the", "The", "in", "next", "year", "Q1", "expected", "to",
    "grow", "per", "cent", "percent", "AB", "NHS", "data", "shows", "Many", "many",
    "employers", "every", "all", "half", "record", "fell", "Increasing", "demand"])


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(range(len(_CUES))), st.lists(_FRAGMENTS, max_size=14))
def test_every_cue_match_starts_with_a_prefix(which: int, fragments: list[str]) -> None:
    pattern = _CUES[which]
    text = "".join(fragments)
    prefixes = start_prefixes(pattern.pattern, pattern.flags)
    if prefixes is None:
        return
    assert SAFE_TEXT.fullmatch(text)
    for match in pattern.finditer(text):
        start = text.lower()[match.start():]
        assert any(start.startswith(prefix) for prefix in prefixes), (text, match)


def _placeholder_forms() -> re.Pattern[str]:
    entries = load_data("placeholders", Config())["placeholders"]
    return re.compile("|".join(f"(?:{entry})" for entry in entries), re.IGNORECASE)


_SCANNED = [_placeholder_forms(), *_CUES[:8], re.compile(r"(?<!\w)(?:ab|a\[|\[\[)"),
            re.compile("x|xy"), re.compile(".b")]  # the last has no known starts
_SLOT_FRAGMENTS = st.sampled_from([
    " ", "[", "]", "[[", "{", "}", "{{", "<", ">", "(", ")", "$", "`", '"', "“", "TODO",
    "todo", "TBD", "XX", "XXX", ",", "k", "ROLE", "Role", "insert", "here", "to be", "added",
    "word ", "coming soon", "lorem ipsum", "é", "ſ", "a", "ab", "x", "y", "-", "TK", "FIXME"])


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(range(len(_SCANNED))), st.lists(_SLOT_FRAGMENTS, max_size=16))
def test_start_scan_finds_what_a_plain_scan_finds(which: int, fragments: list[str]) -> None:
    pattern = _SCANNED[which]
    text = "".join(fragments)
    scan = StartScan(pattern)
    expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
    assert [(m.start(), m.end()) for m in scan.finditer(text)] == expected


def test_start_scan_on_real_pages(imported_example: Path) -> None:
    """The placeholder forms, over every line of the example page, our reports and the
    real pages by other writers (when they are beside the clone)."""
    here = Path(__file__).resolve().parent
    pages = [imported_example, *sorted((here.parent / "content").glob("*.md")),
             *sorted((here.parent.parent / "shared" / "realpages").glob("*.md"))]
    scan = StartScan(_placeholder_forms())
    lines = [line for page in pages
             for line in page.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1000
    for line in lines:
        assert ([m.span() for m in scan.finditer(line)]
                == [m.span() for m in scan.pattern.finditer(line)]), line
