"""Programs of compiled regular expressions kept between runs: a pattern built from a
kept program matches exactly as `re.compile` does, and anything odd about the kept file
means compiling afresh, never a wrong answer or a failure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.config import Config
from reportlint.language.claims.detector import claim_detector
from reportlint.language.data import patterns
from reportlint.language.data.patterns import remembered_pattern


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    patterns._folder.cache_clear()
    yield
    patterns._folder.cache_clear()


def _same(one: re.Pattern[str], other: re.Pattern[str], texts: list[str]) -> None:
    assert (one.pattern, one.flags, one.groups, one.groupindex) == (
        other.pattern, other.flags, other.groups, other.groupindex)
    for text in texts:
        assert [m.span() for m in one.finditer(text)] == [m.span() for m in other.finditer(text)]
        assert [m.groups() for m in one.finditer(text)] == [
            m.groups() for m in other.finditer(text)]


_TEXTS = ["Median pay rose 12% to $95,000 in 2025, according to the survey.",
          "TODO: add the [ROLE] figures {{ region }} here.", "", "ſ K é straße ÉCOLE",
          "Most employers expect SQL; many ask for dbt (analytics engineering)."]


def test_the_claim_cues_match_as_compiled(imported_example: Path) -> None:
    lines = imported_example.read_text(encoding="utf-8").splitlines()[:400] + _TEXTS
    cues = [pattern for _, pattern in claim_detector(Config()).cues]
    assert len(cues) > 5
    for cue in cues:
        first = remembered_pattern(cue.pattern, cue.flags)  # compiled, then kept
        again = remembered_pattern(cue.pattern, cue.flags)  # from the kept program
        _same(first, re.compile(cue.pattern, cue.flags), lines)
        _same(again, re.compile(cue.pattern, cue.flags), lines)
    assert len(list(patterns._folder().iterdir())) >= len({c.pattern for c in cues})


@pytest.mark.filterwarnings("ignore::FutureWarning")  # "[[" and the like, on purpose
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "a", "b", "ab", r"\d", r"\w+", "(?P<name>x)", "(y)", r"(?<!q)z", "[a-c]", "é", "ſ",
    r"\b", "|", "*", "?", "(", ")", "[", "]", r"\s", "(?i:k)", "$", "^"]), max_size=8),
    st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.IGNORECASE | re.DOTALL]))
def test_any_pattern_is_kept_and_matches_the_same(parts: list[str], flags: int) -> None:
    pattern = "".join(parts)
    try:
        expected = re.compile(pattern, flags)
    except re.error:
        with pytest.raises(re.error):
            remembered_pattern(pattern, flags)
        return
    texts = ["abc", "xyz 12 ſK é", "aab\nqz bz", "", "(y) name x"]
    _same(remembered_pattern(pattern, flags), expected, texts)
    _same(remembered_pattern(pattern, flags), expected, texts)


def test_a_damaged_kept_program_is_compiled_afresh() -> None:
    pattern = r"(?<![\w-])(?:median|average) (?:pay|salary)"
    remembered_pattern(pattern, re.IGNORECASE)
    [kept] = list(patterns._folder().iterdir())
    for damage in (b"", b"not a pickle", kept.read_bytes()[:20]):
        kept.write_bytes(damage)
        found = remembered_pattern(pattern, re.IGNORECASE)
        assert found.search("The Median Pay is") is not None
    assert kept.read_bytes()[:20] != b"not a pickle"[:20]  # written anew


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocked))
    patterns._folder.cache_clear()
    assert remembered_pattern("to(day|morrow)").fullmatch("tomorrow") is not None


def test_a_second_run_finds_every_pattern_it_needs(tmp_path: Path) -> None:
    """The patterns built from the data files are the same text in every process, so a
    second run (another string hash seed) compiles nothing: one built from a set in its
    iteration order missed the kept program every run, and added a file each time."""
    import os
    import subprocess
    import sys

    from conftest import CONTENT

    cache = tmp_path / "kept"
    folder = cache / "patterns"

    def run(seed: str) -> set[str]:
        env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed}
        for report in sorted(CONTENT.iterdir()):
            subprocess.run([sys.executable, "-m", "reportlint", "check", str(report),
                            "--no-cache", "--exit-zero"], env=env, check=True,
                           capture_output=True)
        return {path.name for path in folder.rglob("*") if path.is_file()}

    first = run("1")
    assert len(first) > 20
    assert run("2") == first
