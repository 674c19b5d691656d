"""`reportlint init`, `config` and `schema`: starting and inspecting a configuration, and
the JSON Schemas editors read."""

from __future__ import annotations

from pathlib import Path

import click
from reportlint.cli.common import ToolError, config_for, config_option, write_output


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a reportlint.yaml that is there.")
def init(folder: Path | None, force: bool) -> None:
    """Write a reportlint.yaml with every key at its default and every rule option listed."""
    from reportlint.run.configdoc import init_text

    target = (folder or Path(".")) / "reportlint.yaml"
    if target.exists() and not force:
        raise ToolError(f"{target} exists; keep it, or replace it with --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_output(init_text(), target)


@click.command(name="config")
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
        click.echo(effective_text(config_for(config_path, (".",)), rule), nl=False)
    except ValueError as error:
        raise ToolError(str(error)) from None


@click.command()
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
    write_output(report_json_schema_text(), folder / SCHEMA_FILE)
