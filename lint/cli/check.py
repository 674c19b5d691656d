"""`reportlint check`: the findings on files, folders or standard input, with fixes,
baselines and every output format."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click
from reportlint.cli.common import (
    ToolError,
    config_for,
    config_option,
    executor_for_options,
    executor_option,
    fail_on_option,
    jobs_option,
    no_cache_option,
    refuse_writing_over_inputs,
    scheduler_option,
    selectors,
    use_colour,
)

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.findings import Finding, Severity
    from reportlint.run.baseline import Entry
    from reportlint.run.pipeline import Executor, StreamedResult


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--output-format", "--format", "output_format", default="text",
              show_default=True,
              type=click.Choice(["text", "json", "sarif", "github", "gitlab", "junit"]),
              help="How to print findings (see docs/ci.md for the CI formats).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the findings to this file instead of standard output.")
@click.option("--statistics", is_flag=True, help="Print counts per rule and category "
              "(text or json) instead of the findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings and nothing else.")
@click.option("-v", "--verbose", is_flag=True,
              help="Say on standard error which files in the folders were passed over, why.")
@click.option("--max-per-rule", type=click.IntRange(min=0),
              help="Text and GitHub output: show this many findings of one rule in one file, "
                   "then count the rest (default: the config's max_per_rule, 10; 0: all).")
@click.option("--show-source", is_flag=True,
              help="Show the line of each finding with a caret under the spot (text).")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="Colour the text output (auto: on a terminal, unless NO_COLOR is set; "
                   "FORCE_COLOR forces it).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings this baseline file does not record.")
@click.option("--write-baseline", "new_baseline", type=click.Path(dir_okay=False,
              path_type=Path), help="Record today's findings in this baseline file; exit 0.")
@config_option
@click.option("--select", multiple=True, help="Only these rules: codes, prefixes, names or "
              "categories, comma-separated or repeated (--select S,E001).")
@click.option("--extend-select", multiple=True,
              help="Add these rules to the config's selection.")
@click.option("--ignore", multiple=True, help="Skip these rules (comma-separated or "
              "repeated).")
@click.option("--scope", type=click.Choice(["all", "per-file", "cross-report"]), default="all",
              show_default=True, help="per-file: skip the checks that compare reports (for "
              "hooks on changed files); cross-report: run only those.")
@fail_on_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply the "
              "fixes that may change wording (review them).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff; write nothing.")
@click.option("--stdin-filename", help="With PATH '-': the name of the report read from "
              "standard input (its suffix picks the form; findings show it).")
@jobs_option
@executor_option
@scheduler_option
@no_cache_option
def check(paths: tuple[str, ...], output_format: str, config_path: Path | None,
          select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, exit_zero: bool, fix: bool, unsafe_fixes: bool, show_diff: bool,
          output: Path | None, statistics: bool, quiet: bool, verbose: bool,
          max_per_rule: int | None, show_source: bool, color: str,
          baseline_path: Path | None, new_baseline: Path | None, stdin_filename: str | None,
          jobs: int | None, executor: str, scheduler: str | None, no_cache: bool,
          scope: str) -> None:
    """Check reports (.md, .yaml, .yml files and folders of them; '-' reads standard input)."""
    from reportlint.run.engine import exit_status

    from_stdin = paths == ("-",)
    if "-" in paths and not from_stdin:
        raise ToolError("'-' (standard input) cannot be mixed with other paths")
    config = _check_config(config_path, (stdin_filename or ".",) if from_stdin else paths,
                           select, extend_select, ignore, scope, fail_on, max_per_rule)
    if from_stdin:
        _check_stdin(config, stdin_filename or "-", output_format, fix, unsafe_fixes,
                     show_diff, quiet, show_source, use_colour(color, sys.stdout.isatty()),
                     exit_zero)
        return
    paths = paths or (".",)
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise ToolError(f"no such file or folder: {missing[0]}")
    refuse_writing_over_inputs([output, new_baseline], paths, config, extra=[baseline_path])
    if statistics and output_format not in ("text", "json"):
        raise ToolError("--statistics prints text or json")
    known = _load_baseline(baseline_path) if baseline_path is not None else None
    if verbose:
        _say_what_was_skipped(paths, config)
    runner = executor_for_options(executor, scheduler)
    with _lint(paths, config, jobs, no_cache, fix or show_diff, unsafe_fixes, show_diff,
               quiet, runner) as result:
        findings: Collection[Finding] = result.findings
        if new_baseline is not None:
            _write_baseline(new_baseline, list(findings), quiet)
        if baseline_path is not None and known is not None:
            findings = _new_since_baseline(list(findings), known, baseline_path, quiet)
        colour = output_format == "text" and use_colour(color, output is None and
                                                        sys.stdout.isatty())
        status = exit_status(findings, config.fail_on)
        if output is None:
            _print_findings(sys.stdout, findings, result.files, paths, config, output_format,
                            statistics, colour, quiet, show_source)
        else:
            from reportlint.writers import atomic_writing

            try:
                with atomic_writing(output) as out:
                    _print_findings(out, findings, result.files, paths, config,
                                    output_format, statistics, colour, quiet, show_source)
            except OSError as error:
                raise ToolError(f"cannot write {output}: {error.strerror}") from None
    sys.exit(0 if exit_zero else status)


def _check_config(config_path: Path | None, looked_up: tuple[str, ...],
                  select: tuple[str, ...], extend_select: tuple[str, ...],
                  ignore: tuple[str, ...], scope: str, fail_on: str | None,
                  max_per_rule: int | None) -> Config:
    """The config file's settings with the command line's laid over them."""
    from reportlint.findings import Severity
    from reportlint.run.engine import with_options

    try:
        config = with_options(config_for(config_path, looked_up or (".",)),
                              select=selectors(select), extend_select=selectors(extend_select),
                              ignore=selectors(ignore), scope=scope,
                              fail_on=Severity(fail_on) if fail_on else None)
    except ValueError as error:
        raise ToolError(str(error)) from None
    if max_per_rule is not None:
        config = config.model_copy(update={"max_per_rule": max_per_rule})
    return config


@contextmanager
def _lint(paths: tuple[str, ...], config: Config, jobs: int | None, no_cache: bool,
          fix: bool, unsafe: bool, show_diff: bool, quiet: bool,
          executor: Executor | None = None) -> Iterator[StreamedResult]:
    """The run's result; with `fix`, after applying the fixes (and checking again); with
    `show_diff`, print the fixes as a diff and exit instead."""
    from reportlint.run.cache import default_root
    from reportlint.run.pipeline import lint_paths, stream_paths

    cache_root = None if no_cache else default_root(paths, config)
    if fix:
        from reportlint.run.findingstore import FindingStore
        from reportlint.run.fixes import plan_fixes, write_fixes
        from reportlint.run.pipeline import StreamedResult

        result = lint_paths(paths, config, jobs=jobs, cache_root=cache_root,
                            executor=executor)
        plans = plan_fixes(result.findings, config, unsafe=unsafe)
        if show_diff:
            click.echo("".join(plan.diff() for plan in plans), nl=False)
            sys.exit(1 if plans else 0)
        write_fixes(plans)
        if not plans:
            with FindingStore() as store:
                store.add_all(result.findings)
                yield StreamedResult(store, result.files)
            return
        fixed = sum(plan.applied for plan in plans)
        if not quiet:
            click.echo(f"Fixed {fixed} finding{'s' if fixed != 1 else ''} in {len(plans)} "
                       f"file{'s' if len(plans) != 1 else ''}.", err=True)
    with stream_paths(paths, config, jobs=jobs, cache_root=cache_root,
                      executor=executor) as streamed:
        yield streamed


def _write_baseline(path: Path, findings: list[Finding], quiet: bool) -> NoReturn:
    from reportlint.run.baseline import write_baseline

    try:
        count = write_baseline(path, findings)
    except OSError as error:
        raise ToolError(f"cannot write {path}: {error.strerror}") from None
    if not quiet:
        click.echo(f"wrote {path}: {count} finding{'s' if count != 1 else ''} recorded",
                   err=True)
    sys.exit(0)


def _new_since_baseline(findings: list[Finding], known: list[Entry], baseline: Path,
                        quiet: bool) -> list[Finding]:
    from reportlint.run.baseline import compare, describe

    comparison = compare(findings, known, baseline.parent)
    if not quiet:
        click.echo(describe(comparison, baseline), err=True)
    return comparison.new


def _print_findings(out: TextIO, findings: Collection[Finding], files: int,
                    paths: tuple[str, ...], config: Config, output_format: str,
                    statistics: bool, colour: bool, quiet: bool, show_source: bool) -> None:
    if statistics:
        from reportlint.reporters.statistics import render_statistics

        out.write(render_statistics(findings, output_format))
        return
    from reportlint.run.discovery import collect_targets

    shown = ([t.display for t in collect_targets(paths, config.exclude, config.include)]
             if output_format == "junit" else [])
    _write(out, output_format, findings, files, colour, shown, config.fail_on, quiet,
           show_source, {}, config.max_per_rule)


def _say_what_was_skipped(paths: tuple[str, ...], config: Config) -> None:
    from reportlint.run.discovery import discover

    found = discover(paths, config.exclude, config.include)
    click.echo(f"checking {len(found.targets)} file{'s' if len(found.targets) != 1 else ''}",
               err=True)
    for reason, count in sorted(found.skipped.items()):
        click.echo(f"passed over {count} file{'s' if count != 1 else ''}: {reason}", err=True)


def _render(output_format: str, findings: list[Finding], files: int, colour: bool,
            shown: list[str], fail_on: Severity, quiet: bool, show_source: bool,
            texts: dict[str, str], max_per_rule: int = 0) -> str:
    out = io.StringIO()
    _write(out, output_format, findings, files, colour, shown, fail_on, quiet, show_source,
           texts, max_per_rule)
    return out.getvalue()


def _write(out: TextIO, output_format: str, findings: Collection[Finding], files: int,
           colour: bool, shown: list[str], fail_on: Severity, quiet: bool,
           show_source: bool, texts: dict[str, str], max_per_rule: int = 0) -> None:
    from reportlint.reporters import write
    from reportlint.reporters.options import RenderOptions

    lines = None
    if show_source and output_format == "text":
        from reportlint.readers import read_regular_bytes

        lines = {}
        for path in {f.path for f in findings}:
            raw = texts.get(path)
            if raw is None:
                raw = (read_regular_bytes(Path(path)) or b"").decode("utf-8-sig", "replace")
            lines[path] = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    write(output_format, findings, out, RenderOptions(
        files, colour, shown, fail_on, summary=not quiet, source_lines=lines,
        max_per_rule=max_per_rule))


def _check_stdin(config: Config, name: str, output_format: str, fix: bool, unsafe: bool,
                 show_diff: bool, quiet: bool, show_source: bool, colour: bool,
                 exit_zero: bool) -> None:
    """`check -`: the report on standard input, checked as if it were the file `name`.
    With --fix the fixed text goes to standard output and the findings to standard
    error, as editors and pipes expect."""
    from reportlint.run.engine import exit_status, lint_source

    raw = sys.stdin.buffer.read()
    findings = lint_source(raw, name, config)
    if fix or show_diff:
        from reportlint.run.fixes import fix_text

        text = raw.decode("utf-8-sig", "replace")
        plan = fix_text(name, text, [f.fix for f in findings if f.fix is not None], config,
                        unsafe=unsafe)
        if show_diff:
            click.echo(plan.diff() if plan else "", nl=False)
            sys.exit(1 if plan else 0)
        fixed = plan.after if plan else text
        findings = lint_source(fixed.encode("utf-8"), name, config)
        click.echo(fixed, nl=False)
        report = _render(output_format, findings, 1, colour, [name], config.fail_on, quiet,
                         show_source, {name: fixed}, config.max_per_rule)
        click.echo(report, nl=False, err=True, color=colour)
    else:
        report = _render(output_format, findings, 1, colour, [name], config.fail_on, quiet,
                         show_source, {name: raw.decode("utf-8-sig", "replace")},
                         config.max_per_rule)
        click.echo(report, nl=False, color=colour)
    sys.exit(0 if exit_zero else exit_status(findings, config.fail_on))


def _load_baseline(path: Path) -> list[Entry]:
    from reportlint.run.baseline import load_baseline

    try:
        return load_baseline(path)
    except OSError as error:
        raise ToolError(f"cannot read baseline {path}: {error.strerror}") from None
    except ValueError as error:
        raise ToolError(f"{path}: {error}") from None
