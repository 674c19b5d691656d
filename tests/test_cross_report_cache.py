"""The cross-report findings through the cache: after a report changed, was added or was
removed, a warm run compares again only the reports the change can reach, and finds
exactly what a cold run finds."""

from __future__ import annotations

import shutil
from collections.abc import Collection
from pathlib import Path

import pytest
from conftest import mixed_corpus
from reportlint.config import Config
from reportlint.corpus import shared as shared_findings
from reportlint.findings import Finding
from reportlint.run.pipeline import lint_paths

# Few enough that the reports sharing a template get the "… and N more" finding too.
CONFIG = Config(rules={"D004": {"max_per_report": 3}})
SHARING = {"account-executive-saas-us-2025.md", "last-year-of-first.md",
           "repeated-paragraph.md"}


def run(folder: Path, config: Config = CONFIG) -> list[Finding]:
    return lint_paths([folder], config, cache_root=folder).findings


def cold(folder: Path, config: Config = CONFIG) -> list[Finding]:
    return lint_paths([folder], config).findings


def warm_equals_cold(folder: Path, compared: list[set[str] | None],
                     config: Config = CONFIG) -> list[set[str] | None]:
    """Which reports a warm run compared again (see `compared`), once it is checked that
    it found what a cold run finds."""
    compared.clear()
    warm = run(folder, config)
    again = list(compared)
    assert warm == cold(folder, config)
    return again


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[set[str] | None]:
    """For every D004 comparison: the names of the reports compared (None: all)."""
    seen: list[set[str] | None] = []
    original = shared_findings.shared_passage_hits

    def recording(entries: object, config: object = None,
                  only: Collection[str] | None = None) -> object:
        seen.append(None if only is None else {Path(p).name for p in only})
        return original(entries, config, only)  # type: ignore[arg-type]

    monkeypatch.setattr(shared_findings, "shared_passage_hits", recording)
    return seen


def test_the_sharing_reports_are_capped_with_a_count_of_the_rest(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    findings = [f for f in cold(folder) if f.rule == "D004"]
    every = [f for f in lint_paths([folder], Config(rules={"D004": {"max_per_report": 0}})
                                   ).findings if f.rule == "D004"]
    assert {Path(f.path).name for f in findings} == SHARING
    for name in SHARING:
        mine = [f for f in findings if Path(f.path).name == name]
        rest = [f for f in mine if "more passages shared" in f.message]
        assert len(mine) == 4 and len(rest) == 1
        total = len([f for f in every if Path(f.path).name == name])
        assert dict(rest[0].data)["more"] == total - 3
        assert rest[0].line == min(f.line for f in mine)


def test_a_warm_run_after_each_kind_of_change_finds_what_a_cold_run_finds(
        tmp_path: Path, compared: list[set[str] | None]) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    assert warm_equals_cold(folder, compared) == [None]

    # A bullet no other report has, at the end of a report that shares a template.
    first = folder / "account-executive-saas-us-2025.md"
    first.write_text(first.read_text(encoding="utf-8") + "\n- Keep notes after each call.\n",
                     encoding="utf-8")
    assert warm_equals_cold(folder, compared) == [{first.name}]

    # A shared paragraph rewritten: every report holding it is compared again.
    text = first.read_text(encoding="utf-8")
    paragraph = next(block for block in text.split("\n\n")[3:]
                     if not block.startswith(("#", "-")))
    first.write_text(text.replace(paragraph, "A paragraph of our own about this market, "
                                  "written for this report and no other one at all."),
                     encoding="utf-8")
    assert warm_equals_cold(folder, compared) == [SHARING]

    # A report removed, and a copy of one added under a new name.
    (folder / "last-year-of-first.md").unlink()
    assert warm_equals_cold(folder, compared) == [SHARING - {"last-year-of-first.md"}]
    shutil.copy(folder / "repeated-paragraph.md", folder / "another-copy.md")
    assert warm_equals_cold(folder, compared) == [{
        "account-executive-saas-us-2025.md", "repeated-paragraph.md", "another-copy.md"}]

    # A report that shares nothing, changed: it alone is compared again.
    placeholder = folder / "placeholder.md"
    placeholder.write_text(placeholder.read_text(encoding="utf-8").replace("TODO", "Todo"),
                           encoding="utf-8")
    assert warm_equals_cold(folder, compared) == [{"placeholder.md"}]


@pytest.mark.parametrize("added", [
    "",  # a blank line: every line below moves
    "A paragraph of our own, written for {} about the market it covers and for no "
    "other report, placed above every passage it shares.\n\n",  # and every passage too
])
def test_passages_moved_down_send_back_only_the_reports_naming_them(
        tmp_path: Path, compared: list[set[str] | None], added: str) -> None:
    # Each finding names one other report: the first in file order.
    config = Config(rules={"D004": {"max_per_report": 3, "max_names": 1}})
    folder = mixed_corpus(tmp_path / "reports")
    run(folder, config)
    for name, named in (("repeated-paragraph.md", set()),
                        ("account-executive-saas-us-2025.md", {"last-year-of-first.md"})):
        report = folder / name
        text = report.read_text(encoding="utf-8")
        start = text.index("\n## ") + 1  # under the title
        own = added.format(name)
        report.write_text(f"{text[:start]}\n{own}{text[start:]}", encoding="utf-8")
        assert warm_equals_cold(folder, compared, config) == [{name} | named]


def test_nothing_changed_compares_nothing(tmp_path: Path,
                                          compared: list[set[str] | None]) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    first = run(folder)
    compared.clear()
    assert run(folder) == first
    assert compared == []


def test_jobs_1_and_2_keep_the_same_cross_report_findings(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    lint_paths([folder], CONFIG, cache_root=folder, jobs=2)
    changed = folder / "repeated-paragraph.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n- One more bullet of ours.\n",
                       encoding="utf-8")
    assert lint_paths([folder], CONFIG, cache_root=folder, jobs=2).findings == cold(folder)
    assert lint_paths([folder], CONFIG, cache_root=folder, jobs=1).findings == cold(folder)


def test_a_limit_of_zero_lists_every_passage_and_a_wrong_one_is_unset(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")

    def shared(limit: object) -> list[Finding]:
        config = Config(rules={"D004": {"max_per_report": limit}})
        return [f for f in lint_paths([folder], config).findings if f.rule == "D004"]

    every = shared(0)
    assert not any("more passages shared" in f.message for f in every)
    assert len(every) > 3 * 11
    default = [f for f in lint_paths([folder], Config()).findings if f.rule == "D004"]
    for wrong in (-1, "many", None, True):
        assert shared(wrong) == default


def test_a_run_of_edits_to_the_sharing_reports_keeps_warm_equal_to_cold(
        tmp_path: Path, compared: list[set[str] | None]) -> None:
    import random

    config = Config(rules={"D004": {"max_per_report": 3, "max_names": 1}})
    folder = mixed_corpus(tmp_path / "reports")
    run(folder, config)
    chance = random.Random(7)
    for step in range(5):
        report = folder / sorted(SHARING)[step % len(SHARING)]
        blocks = report.read_text(encoding="utf-8").split("\n\n")
        at, other = chance.sample(range(3, len(blocks)), 2)
        edit = step % 4
        if edit == 0:  # a passage dropped
            del blocks[at]
        elif edit == 1:  # two passages swapped
            blocks[at], blocks[other] = blocks[other], blocks[at]
        elif edit == 2:  # a passage copied further down
            blocks.insert(max(at, other), blocks[min(at, other)])
        else:  # a passage of its own added
            blocks.insert(at, f"Step {step} added this paragraph of its own to one report.")
        report.write_text("\n\n".join(blocks), encoding="utf-8")
        warm_equals_cold(folder, compared, config)
