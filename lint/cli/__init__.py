"""The command line: parses options and calls the engine, readers and writers."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from reportlint import __version__

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.findings import Finding, Severity
    from reportlint.run.baseline import Entry


class ToolError(click.ClickException):
    """The tool could not run (bad option, unreadable config): exit status 2."""

    exit_code = 2


# Options several commands share, declared once so they read and behave alike.
config_option = click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: reportlint.yaml or pyproject.toml, found upward).")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1),
    help="Processes that read and check files in parallel (default: one per core).")
no_cache_option = click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the .reportlint_cache folder.")
fail_on_option = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that fails: exit status 1 for check, a failing report for gate "
         "(default: the config's, warning).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main() -> None:
    """Lint career market-analysis reports before they ship."""


def _config(explicit: Path | None, paths: tuple[str, ...]) -> Config:
    from reportlint.config import ConfigError
    from reportlint.run.configfile import find_config, load_config

    try:
        found = explicit or find_config(Path(paths[0]) if paths else Path.cwd())
        return load_config(found)
    except ConfigError as error:
        raise ToolError(str(error)) from None


def _selectors(values: tuple[str, ...]) -> list[str]:
    """Selectors as ruff takes them: repeated, comma-separated, or both."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _use_colour(choice: str, to_terminal: bool) -> bool:
    """--color always/never, else FORCE_COLOR and NO_COLOR (https://no-color.org), else
    whether the output is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return to_terminal


@main.command()
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
@no_cache_option
def check(paths: tuple[str, ...], output_format: str, config_path: Path | None,
          select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, exit_zero: bool, fix: bool, unsafe_fixes: bool, show_diff: bool,
          output: Path | None, statistics: bool, quiet: bool, verbose: bool,
          max_per_rule: int | None, show_source: bool, color: str,
          baseline_path: Path | None, new_baseline: Path | None, stdin_filename: str | None,
          jobs: int | None, no_cache: bool, scope: str) -> None:
    """Check reports (.md, .yaml, .yml files and folders of them; '-' reads standard input)."""
    from reportlint.findings import Severity
    from reportlint.run.engine import exit_status, with_options
    from reportlint.run.pipeline import lint_paths

    from_stdin = paths == ("-",)
    if "-" in paths and not from_stdin:
        raise ToolError("'-' (standard input) cannot be mixed with other paths")
    looked_up = (stdin_filename or ".",) if from_stdin else (paths or (".",))
    try:
        config = with_options(_config(config_path, looked_up), select=_selectors(select),
                              extend_select=_selectors(extend_select),
                              ignore=_selectors(ignore), scope=scope,
                              fail_on=Severity(fail_on) if fail_on else None)
    except ValueError as error:
        raise ToolError(str(error)) from None
    if max_per_rule is not None:
        config = config.model_copy(update={"max_per_rule": max_per_rule})
    if from_stdin:
        _check_stdin(config, stdin_filename or "-", output_format, fix, unsafe_fixes,
                     show_diff, quiet, show_source, _use_colour(color, sys.stdout.isatty()),
                     exit_zero)
        return
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise ToolError(f"no such file or folder: {missing[0]}")
    _refuse_writing_over_inputs([output, new_baseline], paths or (".",), config,
                                extra=[baseline_path])
    if statistics and output_format not in ("text", "json"):
        raise ToolError("--statistics prints text or json")
    known = _load_baseline(baseline_path) if baseline_path is not None else None
    if verbose:
        _say_what_was_skipped(paths or (".",), config)
    from reportlint.run.cache import default_root

    cache_root = None if no_cache else default_root(paths or (".",), config)
    result = lint_paths(paths or (".",), config, jobs=jobs, cache_root=cache_root)
    if fix or show_diff:
        from reportlint.run.fixes import plan_fixes, write_fixes

        plans = plan_fixes(result.findings, config, unsafe=unsafe_fixes)
        if show_diff:
            click.echo("".join(plan.diff() for plan in plans), nl=False)
            sys.exit(1 if plans else 0)
        write_fixes(plans)
        if plans:
            fixed = sum(plan.applied for plan in plans)
            if not quiet:
                click.echo(f"Fixed {fixed} finding{'s' if fixed != 1 else ''} in {len(plans)} "
                           f"file{'s' if len(plans) != 1 else ''}.", err=True)
            result = lint_paths(paths or (".",), config, jobs=jobs, cache_root=cache_root)
    findings = result.findings
    if new_baseline is not None:
        from reportlint.run.baseline import write_baseline

        try:
            count = write_baseline(new_baseline, findings)
        except OSError as error:
            raise ToolError(f"cannot write {new_baseline}: {error.strerror}") from None
        if not quiet:
            click.echo(f"wrote {new_baseline}: {count} finding{'s' if count != 1 else ''} "
                       "recorded", err=True)
        sys.exit(0)
    if baseline_path is not None and known is not None:
        from reportlint.run.baseline import compare, describe

        comparison = compare(findings, known, baseline_path.parent)
        if not quiet:
            click.echo(describe(comparison, baseline_path), err=True)
        findings = comparison.new
    colour = output_format == "text" and _use_colour(color, output is None and
                                                     sys.stdout.isatty())
    if statistics:
        from reportlint.reporters.statistics import render_statistics

        text = render_statistics(findings, output_format)
    else:
        from reportlint.run.discovery import collect_targets

        shown = ([t.display for t in collect_targets(paths or (".",), config.exclude,
                                                     config.include)]
                 if output_format == "junit" else [])
        text = _render(output_format, findings, result.files, colour, shown, config.fail_on,
                       quiet, show_source, {}, config.max_per_rule)
    if output is not None:
        _write(text, output, quiet=True)
    else:
        click.echo(text, nl=False, color=colour)
    sys.exit(0 if exit_zero else exit_status(findings, config.fail_on))


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
    from reportlint.reporters import render

    lines = None
    if show_source and output_format == "text":
        from reportlint.readers import read_regular_bytes

        lines = {}
        for path in {f.path for f in findings}:
            raw = texts.get(path)
            if raw is None:
                raw = (read_regular_bytes(Path(path)) or b"").decode("utf-8-sig", "replace")
            lines[path] = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return render(output_format, findings, files=files, colour=colour, paths=shown,
                  fail_on=fail_on, summary=not quiet, source_lines=lines,
                  max_per_rule=max_per_rule)


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


@main.command()
@click.option("--format", "output_format", type=click.Choice(["table", "markdown", "json"]),
              default="table", show_default=True)
def rules(output_format: str) -> None:
    """List every rule: code, name, category, default severity, summary."""
    from reportlint.rules.docs import render_rules

    click.echo(render_rules(output_format), nl=False)


@main.command()
@click.argument("code")
@click.option("--format", "--output-format", "output_format",
              type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="text for a terminal, markdown as written, json for tools.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True)
def explain(code: str, output_format: str, color: str) -> None:
    """Show a rule's documentation and example."""
    from reportlint.rules.registry import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        raise ToolError(f"no rule '{code}' (see `reportlint rules`)")
    from reportlint.rules.docs import render_explanation

    colour = output_format == "text" and _use_colour(color, sys.stdout.isatty())
    click.echo(render_explanation(rule, output_format, colour), color=colour, nl=False)



@main.command()
def server() -> None:
    """Run the language server on standard input and output, for editors (docs/editors.md)."""
    from reportlint.server import INSTALL_HINT, missing_extra

    missing = missing_extra()
    if missing is not None:
        raise ToolError(f"the language server needs the lsp extra ({missing} is not "
                        f"installed): {INSTALL_HINT}")
    from reportlint.server.app import serve

    serve()


@main.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a reportlint.yaml that is there.")
def init(folder: Path | None, force: bool) -> None:
    """Write a reportlint.yaml with every key at its default and every rule option listed."""
    from reportlint.run.configdoc import init_text

    target = (folder or Path(".")) / "reportlint.yaml"
    if target.exists() and not force:
        raise ToolError(f"{target} exists; keep it, or replace it with --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    _write(init_text(), target)


@main.command(name="config")
@click.argument("rule", required=False)
@config_option
@click.option("--reference", is_flag=True,
              help="Print every config key and rule option as Markdown (docs/options.md).")
def show_config(rule: str | None, config_path: Path | None, reference: bool) -> None:
    """Print the configuration in effect here (or for one RULE: runs, severity, options)."""
    from reportlint.run.configdoc import effective_text, options_reference

    if reference:
        click.echo(options_reference(), nl=False)
        return
    try:
        click.echo(effective_text(_config(config_path, (".",)), rule), nl=False)
    except ValueError as error:
        raise ToolError(str(error)) from None


@main.command()
@click.option("--write", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Write report.schema.json into this folder (beside the YAML reports, "
                   "whose first line points editors at it) instead of printing it.")
@click.option("--config", "of_config", is_flag=True,
              help="The JSON Schema of reportlint.yaml instead (every rule's options).")
def schema(folder: Path | None, of_config: bool) -> None:
    """Print the JSON Schema of the YAML form, or write it beside the reports."""
    from reportlint.schema.export import SCHEMA_FILE, report_json_schema_text

    if of_config:
        from reportlint.run.configdoc import config_json_schema_text

        click.echo(config_json_schema_text(), nl=False)
        return
    if folder is None:
        click.echo(report_json_schema_text(), nl=False)
        return
    folder.mkdir(parents=True, exist_ok=True)
    _write(report_json_schema_text(), folder / SCHEMA_FILE)


@main.command(name="import")
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the Markdown report here (default: standard output).")
def import_page(page: Path, output: Path | None) -> None:
    """Import a plain-text page dump as a Markdown report."""
    from reportlint.readers.pagetext import PageError, import_page_text
    from reportlint.writers.markdown import render_markdown

    if output is not None and os.path.realpath(output) == os.path.realpath(page):
        raise ToolError(f"refusing to write to {output}: it is the page being imported")
    from reportlint.readers import sniff_form

    raw = page.read_bytes()
    if sniff_form(raw[:8192]) in ("markdown", "yaml"):
        raise ToolError(f"{page}: this is already a report ({sniff_form(raw[:8192])} form); "
                        "import reads plain-text page dumps. To change its form, use "
                        "`reportlint convert`")
    try:
        report = import_page_text(raw)
    except PageError as error:
        raise ToolError(f"{page}: {error}") from None
    _write(render_markdown(report), output)


@main.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Destination; its suffix (.md, .yaml, .yml) picks the form.")
@click.option("--to", "form", type=click.Choice(["markdown", "yaml"]),
              help="Form to write when printing to standard output.")
def convert(source: Path, output: Path | None, form: str | None) -> None:
    """Convert a report between the Markdown and YAML forms."""
    from reportlint.readers import form_of, read_document
    from reportlint.writers import render

    if output is not None and os.path.realpath(output) == os.path.realpath(source):
        raise ToolError(f"refusing to write to {output}: it is the report being converted")
    if output is not None and form is None and form_of(output) is None:
        raise ToolError(f"{output}: cannot tell the form to write from its suffix: name a "
                        ".md, .yaml or .yml file, or choose one with --to")
    from reportlint.readers import read_regular_bytes, sniff_form

    found = sniff_form((read_regular_bytes(source) or b"")[:8192])
    if found == "page":
        raise ToolError(f"{source}: this looks like a plain-text page dump; turn it into a "
                        "report with `reportlint import`")
    if found is None and form_of(source) is None:
        raise ToolError(f"{source}: cannot tell what this is: convert reads a Markdown "
                        "report (front matter between '---' lines) or a YAML report (a "
                        "'meta:' mapping)")
    doc = read_document(source, form=found)  # None: as its suffix says, to name the problem
    if doc.report is None or doc.meta is None:
        first = doc.problems[0] if doc.problems else None
        where = f":{doc.position(first.offset)[0]}" if first and first.offset is not None else ""
        raise ToolError(f"{source}{where}: cannot convert: "
                        f"{first.message if first else 'unreadable report'}")
    target = form or (form_of(output) if output else None)
    if target is None:
        target = "yaml" if doc.format == "markdown" else "markdown"
    _write(render(doc.report, target), output)
    if target == "yaml" and output is not None:
        from reportlint.schema.export import SCHEMA_FILE

        if not (output.parent / SCHEMA_FILE).exists():
            click.echo(f"note: editors check {output} against {SCHEMA_FILE} beside it; "
                       f"write it with `reportlint schema --write {output.parent}`", err=True)


def _refuse_writing_over_inputs(outputs: list[Path | None], paths: tuple[str, ...],
                                config: Config, extra: list[Path | None] | None = None) -> None:
    """Exit 2 before anything runs when an output path is one of the run's inputs: a
    report it checks, its config or its baseline. Writing findings there would destroy
    what the writer wrote."""
    wanted = [out for out in outputs if out is not None]
    if not wanted:
        return
    from reportlint.run.discovery import collect_targets

    inputs = [t.path for t in collect_targets(paths, config.exclude, config.include)]
    inputs += [Path(p) for p in (config.source, *(extra or ())) if p]
    taken = {os.path.realpath(p): p for p in inputs}
    for out in wanted:
        if os.path.realpath(out) in taken:
            raise ToolError(f"refusing to write to {out}: it is an input of this run "
                            f"({taken[os.path.realpath(out)]}); choose another path")


def _write(text: str, output: Path | None, quiet: bool = False) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from reportlint.writers import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        raise ToolError(f"cannot write {output}: {error.strerror}") from None
    if not quiet:
        click.echo(f"wrote {output}", err=True)


@main.command()
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
@no_cache_option
def gate(content_dir: Path, manifest_path: Path | None, revision: str | None,
         baseline: Path | None, fail_on: str | None, config_path: Path | None,
         quiet: bool, jobs: int | None, no_cache: bool) -> None:
    """Release gate: exit 1 if any report under CONTENT_DIR fails, and write a manifest."""
    from reportlint.cli.progress import ProgressBar
    from reportlint.findings import Severity
    from reportlint.run.gate import GateError, failure_summary, manifest_text, run_gate

    config = _config(config_path, (str(content_dir),))
    _refuse_writing_over_inputs([manifest_path], (str(content_dir),), config, extra=[baseline])
    try:
        with ProgressBar("Checking reports", quiet) as bar:
            result = run_gate(content_dir, config, fail_on=Severity(fail_on) if fail_on else None,
                              since=revision, baseline=baseline, progress=bar.advance,
                              on_targets=bar.start, jobs=jobs,
                              cache_root=_cache_root(no_cache, content_dir, config))
    except GateError as error:
        raise ToolError(str(error)) from None
    if manifest_path is not None:
        _write(manifest_text(result), manifest_path, quiet)
    if not quiet:
        click.echo(failure_summary(result), nl=False, err=True)
    sys.exit(0 if result.passed else 1)


@main.command()
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

    config = _config(config_path, (str(content_dir),))
    _refuse_writing_over_inputs([output], (str(content_dir),), config)
    try:
        with ProgressBar("Checking reports", quiet) as bar:
            page = build_corpus_page(content_dir, config, title=title,
                                     fail_on=Severity(fail_on) if fail_on else None,
                                     progress=bar.advance, on_targets=bar.start, jobs=jobs,
                                     cache_root=_cache_root(no_cache, content_dir, config))
    except ReportError as error:
        raise ToolError(str(error)) from None
    _write(page, output, quiet)


def _cache_root(no_cache: bool, content_dir: Path, config: Config) -> Path | None:
    from reportlint.run.cache import default_root

    return None if no_cache or not content_dir.is_dir() else default_root([content_dir], config)


@main.command()
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
    root = default_root(paths or (".",), _config(config_path, paths))
    if clear(root):
        click.echo(f"removed {root / CACHE_FOLDER}")
    else:
        click.echo(f"no reportlint cache in {root}")


@main.command()
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

    found = find_shared_passages(paths, _config(config_path, paths), top, jobs=jobs)
    click.echo(render_shared_passages(found, output_format), nl=False)
