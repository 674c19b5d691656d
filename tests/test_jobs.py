"""Parallel runs: any number of worker processes prints exactly what one process prints,
and a single file never pays for a process pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import mixed_corpus
from reportlint.cli import main
from reportlint.config import Config
from reportlint.run import parallel
from reportlint.run.pipeline import lint_paths


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of workers of every process pool the engine starts."""
    started: list[int] = []
    original = parallel._pool

    def counting(workers: int, *args: object) -> object:
        started.append(workers)
        return original(workers, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_pool", counting)
    return started


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_jobs_1_and_jobs_2_print_the_same(tmp_path: Path, pools: list[int],
                                          output_format: str) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["check", str(folder), "--no-cache", "--jobs", jobs,
                                      "--format", output_format])
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert pools == [2]
    assert outputs[0] == outputs[1]
    assert "D004" in outputs[0] and "S001" in outputs[0]


def test_workers_fill_the_cache_that_one_process_reads(tmp_path: Path,
                                                        pools: list[int]) -> None:
    folder = mixed_corpus(tmp_path / "reports")
    cold = lint_paths([folder], Config(), jobs=2, cache_root=folder).findings
    warm = lint_paths([folder], Config(), jobs=1, cache_root=folder).findings
    assert pools == [2]
    assert warm == cold == lint_paths([folder], Config(), jobs=1).findings


def test_one_file_is_checked_without_a_pool(tmp_path: Path, pools: list[int]) -> None:
    report = mixed_corpus(tmp_path / "reports") / "placeholder.md"
    lint_paths([report], Config(), jobs=8)
    lint_paths([report.parent], Config(), jobs=8, cache_root=report.parent)
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    lint_paths([report.parent], Config(), jobs=8, cache_root=report.parent)  # one change
    assert len(pools) == 1  # only for the cold folder run (4 files per worker at least)


def test_a_dead_worker_leaves_its_files_to_the_main_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    folder = mixed_corpus(tmp_path / "reports")

    class DeadPool:
        def map(self, *args: object, **kwargs: object) -> object:
            raise BrokenProcessPool("a worker died")

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(parallel, "_pool", lambda *args: DeadPool())
    assert lint_paths([folder], Config(), jobs=2).findings == lint_paths(
        [folder], Config()).findings
