"""The cache: a warm run gives exactly the cold run's findings without reading the reports
again; a changed file, config or entry is re-checked; a hostile entry is refused."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import mixed_corpus
from reportlint.cli import main
from reportlint.config import Config
from reportlint.findings import Finding, Severity
from reportlint.run.cache import CACHE_FOLDER, Cache, default_root
from reportlint.run.engine import RuleSet
from reportlint.run.pipeline import lint_paths


def run(folder: Path, config: Config | None = None, **options: object) -> list[Finding]:
    return lint_paths([folder], config or Config(), cache_root=folder,
                      **options).findings  # type: ignore[arg-type]


def test_a_warm_run_gives_the_cold_findings_without_parsing(tmp_path: Path,
                                                             reads: list[str]) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    files = len(list(folder.iterdir()))
    uncached = lint_paths([folder], Config()).findings
    reads.clear()
    cold = run(folder)
    assert len(reads) == files
    reads.clear()
    warm = run(folder)
    assert warm == cold == uncached
    assert {f.rule for f in cold} >= {"S001", "S009", "D001", "D004", "H001"}
    assert reads == []


def test_a_changed_report_is_checked_again_and_only_it(tmp_path: Path,
                                                         reads: list[str]) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    run(folder)
    changed = folder / "placeholder.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("- TODO: add the figures.\n",
                                                                    ""), encoding="utf-8")
    reads.clear()
    warm = run(folder)
    assert [Path(p).name for p in reads] == ["placeholder.md"]
    assert warm == lint_paths([folder], Config()).findings


def test_a_config_change_invalidates_the_cache(tmp_path: Path, reads: list[str]) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    files = len(list(folder.iterdir()))
    run(folder)
    stricter = Config(severity={"S001": Severity.INFO}, ignore=["D004"])
    reads.clear()
    findings = run(folder, stricter)
    assert len(reads) == files
    assert findings == lint_paths([folder], stricter).findings
    assert [f.severity for f in findings if f.rule == "S001"] == [Severity.INFO]
    assert not [f for f in findings if f.rule == "D004"]


def test_an_entry_without_summaries_is_not_used_for_cross_report_rules(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    for path in sorted(folder.iterdir()):  # one file at a time: no cross-report summaries
        lint_paths([path], Config(), cache_root=folder)
    assert run(folder) == lint_paths([folder], Config()).findings


def test_damaged_entries_are_misses(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    cold = run(folder)
    entries = [p for p in (folder / CACHE_FOLDER).rglob("*") if p.is_file()
               and not p.name.startswith((".", "CACHEDIR"))]
    assert entries
    for number, entry in enumerate(entries):
        entry.write_bytes(b"" if number % 2 else b"not a pickle")
    assert run(folder) == cold


class _Exploit:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


def test_an_entry_that_would_run_code_is_refused(tmp_path: Path) -> None:
    report = mixed_corpus(tmp_path / "reports") / "placeholder.md"
    config = Config()
    cache = Cache(tmp_path, config, RuleSet(config).rules)
    key = cache.key("x.md", report.read_bytes())
    cache.store(key, [], None)
    entry = next(p for p in (tmp_path / CACHE_FOLDER).rglob(key))
    entry.write_bytes(pickle.dumps(_Exploit()))
    assert cache.load(key) is None
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_the_cache_folder_sits_beside_the_config_or_in_the_checked_folder(
        tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(folder), "--no-cache", "-q"])
    assert result.exit_code == 1, result.output
    assert not (folder / CACHE_FOLDER).exists()
    runner.invoke(main, ["check", str(folder), "-q"])
    assert (folder / CACHE_FOLDER / ".gitignore").read_text().endswith("*\n")
    assert (folder / CACHE_FOLDER / "CACHEDIR.TAG").exists()
    config = tmp_path / "reportlint.yaml"
    config.write_text("ignore: [D004]\n", encoding="utf-8")
    loaded = Config(source=str(config))
    assert default_root([str(folder)], loaded) == tmp_path
    assert default_root([str(folder / "empty.md"), str(folder)], Config()) == folder


def test_two_runs_sharing_the_cache_agree(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    first = run(folder, jobs=2)
    # A stray temporary file from an interrupted writer is never read as an entry.
    stray = next((folder / CACHE_FOLDER).rglob("*")).parent / ".half-written.123.tmp"
    stray.write_bytes(b"\x80")
    assert run(folder, jobs=2) == first == run(folder)


def test_parsed_data_files_are_kept_between_runs(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint.language.data.parsed import remember_parse

    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    parsed: list[str] = []

    def parse(text: str) -> object:
        parsed.append(text)
        return {"min_count": {2: 10, 3: 9}, "terms": ["win rate", "quota"]}

    first = remember_parse("min_count: {2: 10, 3: 9}", parse)
    assert remember_parse("min_count: {2: 10, 3: 9}", parse) == first
    assert len(parsed) == 1
    assert remember_parse("other text", parse) == first and len(parsed) == 2
    # A value that is not plain data is never kept: parsed again each time.
    assert remember_parse("odd", lambda text: _Exploit()) is not None
    assert len(list((tmp_path / "parsed").iterdir())) == 2


def test_packaged_data_through_the_cache_is_what_the_parser_reads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    from reportlint.language.data.parsed import remember_parse
    from reportlint.readers.yamltree import load_yaml_tree

    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    names = [p for p in resources.files("reportlint.language.data").iterdir()
             if p.name.endswith(".yaml")]
    assert names
    for name in names:
        text = name.read_text(encoding="utf-8")
        expected = load_yaml_tree(text).data
        remember_parse(text, lambda source: load_yaml_tree(source).data)
        assert remember_parse(text, lambda source: pytest.fail("parsed again")) == expected


def test_unchanged_files_keep_their_cross_report_findings(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint.run import crossreport

    folder = mixed_corpus(tmp_path / "reports")
    cold = run(folder)
    compared: list[int] = []
    original = crossreport.lint_corpus

    def counting(summaries: list[tuple[str, dict[str, object]]], rules: RuleSet,
                 previous: object = None, compared_elsewhere: object = frozenset()) -> object:
        compared.append(len(summaries))
        return original(summaries, rules, previous, compared_elsewhere)  # type: ignore[arg-type]

    monkeypatch.setattr(crossreport, "lint_corpus", counting)
    assert run(folder) == cold and compared == []
    last_year = folder / "last-year-of-first.md"
    last_year.write_text(last_year.read_text(encoding="utf-8").replace("2024", "2023"),
                         encoding="utf-8")
    changed = run(folder)
    assert len(compared) == 1
    assert changed == lint_paths([folder], Config()).findings
    # Only the last set of files is kept (on a large corpus the entry is big): going back
    # compares again.
    last_year.write_text(last_year.read_text(encoding="utf-8").replace("2023", "2024"),
                         encoding="utf-8")
    assert run(folder) == cold
    assert len(compared) == 3  # the uncached comparison above, and this one


def test_clean_removes_the_cache_a_check_made_and_nothing_else(tmp_path: Path) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    runner = CliRunner()
    runner.invoke(main, ["check", str(folder)])
    assert (folder / CACHE_FOLDER).is_dir()
    result = runner.invoke(main, ["clean", str(folder)])
    assert result.exit_code == 0 and "removed" in result.output
    assert not (folder / CACHE_FOLDER).exists() and list(folder.glob("*.md"))
    again = runner.invoke(main, ["clean", str(folder)])
    assert again.exit_code == 0 and "no reportlint cache" in again.output
    # A folder of that name that reportlint did not make is left alone.
    (folder / CACHE_FOLDER).mkdir()
    (folder / CACHE_FOLDER / "notes.txt").write_text("mine", encoding="utf-8")
    assert "no reportlint cache" in runner.invoke(main, ["clean", str(folder)]).output
    assert (folder / CACHE_FOLDER / "notes.txt").exists()
