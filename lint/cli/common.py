"""What the commands share: the exit-2 error, the options several take, finding the config,
and writing output safely."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from reportlint.config import Config


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
executor_option = click.option(
    "--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="Where files are checked: local processes (--jobs), or a Dask cluster (the dask "
         "extra; a LocalCluster unless --scheduler names one).")
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS",
    help="With --executor dask: the scheduler to use, e.g. tcp://10.0.0.5:8786.")
fail_on_option = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that fails: exit status 1 for check, a failing report for gate "
         "(default: the config's, warning).")


def config_for(explicit: Path | None, paths: tuple[str, ...]) -> Config:
    from reportlint.config import ConfigError
    from reportlint.run.configfile import find_config, load_config

    try:
        found = explicit or find_config(Path(paths[0]) if paths else Path.cwd())
        return load_config(found)
    except ConfigError as error:
        raise ToolError(str(error)) from None


def selectors(values: tuple[str, ...]) -> list[str]:
    """Selectors as ruff takes them: repeated, comma-separated, or both."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_colour(choice: str, to_terminal: bool) -> bool:
    """--color always/never, else FORCE_COLOR and NO_COLOR (https://no-color.org), else
    whether the output is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return to_terminal


def refuse_writing_over_inputs(outputs: list[Path | None], paths: tuple[str, ...],
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


def write_output(text: str, output: Path | None, quiet: bool = False) -> None:
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


def cache_root_for(no_cache: bool, content_dir: Path, config: Config) -> Path | None:
    from reportlint.run.cache import default_root

    return None if no_cache or not content_dir.is_dir() else default_root([content_dir], config)


def executor_for_options(executor: str, scheduler: str | None) -> Any:
    """The executor --executor and --scheduler ask for (None: local processes)."""
    if executor == "local" and scheduler is None:
        return None  # the usual run: no need to import the cluster's module
    from reportlint.run.cluster import executor_for

    try:
        return executor_for(executor, scheduler)
    except ValueError as error:
        raise ToolError(str(error)) from None
