"""The commands over a whole folder: `gate` (release), `report` (the HTML page),
`duplicates` and `clean`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from reportlint.cli.common import (
    ToolError,
    cache_root_for,
    config_for,
    config_option,
    executor_for_options,
    executor_option,
    fail_on_option,
    jobs_option,
    no_cache_option,
    refuse_writing_over_inputs,
    scheduler_option,
    write_output,
)


@click.command()
@click.argument("content_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--manifest", "manifest_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the release manifest (JSON, see docs/manifest.md) here.")
@click.option("--since", "revision", help="Gate only reports added or changed since this git "
              "revision (a commit, tag or branch).")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Ignore the known findings recorded in this baseline file.")
@fail_on_option
@config_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@jobs_option
@executor_option
@scheduler_option
@no_cache_option
def gate(content_dir: Path, manifest_path: Path | None, revision: str | None,
         baseline: Path | None, fail_on: str | None, config_path: Path | None,
         quiet: bool, jobs: int | None, executor: str, scheduler: str | None,
         no_cache: bool) -> None:
    """Release gate: exit 1 if any report under CONTENT_DIR fails, and write a manifest."""
    from reportlint.cli.progress import ProgressBar
    from reportlint.findings import Severity
    from reportlint.run.gate import GateError, failure_summary, manifest_text, run_gate

    config = config_for(config_path, (str(content_dir),))
    refuse_writing_over_inputs([manifest_path], (str(content_dir),), config, extra=[baseline])
    runner = executor_for_options(executor, scheduler)
    try:
        with ProgressBar("Checking reports", quiet) as bar:
            result = run_gate(content_dir, config, fail_on=Severity(fail_on) if fail_on else None,
                              since=revision, baseline=baseline, progress=bar.advance,
                              on_targets=bar.start, jobs=jobs, executor=runner,
                              cache_root=cache_root_for(no_cache, content_dir, config))
    except GateError as error:
        raise ToolError(str(error)) from None
    if manifest_path is not None:
        write_output(manifest_text(result), manifest_path, quiet)
    if not quiet:
        click.echo(failure_summary(result), nl=False, err=True)
    sys.exit(0 if result.passed else 1)


@click.command()
@click.argument("content_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.html"), show_default=True, help="Where to write the page.")
@click.option("--title", help="The page's heading (default: the folder's name).")
@fail_on_option
@config_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no message.")
@jobs_option
@no_cache_option
def report(content_dir: Path, output: Path, title: str | None, fail_on: str | None,
           config_path: Path | None, quiet: bool, jobs: int | None, no_cache: bool) -> None:
    """Write one self-contained HTML page on the state of the reports under CONTENT_DIR."""
    from reportlint.cli.progress import ProgressBar
    from reportlint.findings import Severity
    from reportlint.reporters.corpuspage import build_corpus_page
    from reportlint.reporters.corpuspage.facts import ReportError

    config = config_for(config_path, (str(content_dir),))
    refuse_writing_over_inputs([output], (str(content_dir),), config)
    try:
        with ProgressBar("Checking reports", quiet) as bar:
            page = build_corpus_page(content_dir, config, title=title,
                                     fail_on=Severity(fail_on) if fail_on else None,
                                     progress=bar.advance, on_targets=bar.start, jobs=jobs,
                                     cache_root=cache_root_for(no_cache, content_dir, config))
    except ReportError as error:
        raise ToolError(str(error)) from None
    write_output(page, output, quiet)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@config_option
def clean(paths: tuple[str, ...], config_path: Path | None) -> None:
    """Remove the .reportlint_cache folder that `check PATHS` uses.

    The cache only makes runs faster; each edit of a report adds an entry and old ones
    are not pruned, so clear it now and then (the next run fills it again)."""
    from reportlint.run.cache import CACHE_FOLDER, clear, default_root

    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise ToolError(f"no such file or folder: {missing[0]}")
    root = default_root(paths or (".",), config_for(config_path, paths))
    if clear(root):
        click.echo(f"removed {root / CACHE_FOLDER}")
    else:
        click.echo(f"no reportlint cache in {root}")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1),
              help="How many passages to list.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@config_option
@jobs_option
def duplicates(paths: tuple[str, ...], top: int, output_format: str,
               config_path: Path | None, jobs: int | None) -> None:
    """The passages most widely shared across the reports under PATHS, and where."""
    from reportlint.reporters.passages import render_shared_passages
    from reportlint.run.duplicates import find_shared_passages

    found = find_shared_passages(paths, config_for(config_path, paths), top, jobs=jobs)
    click.echo(render_shared_passages(found, output_format), nl=False)
