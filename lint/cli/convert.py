"""`reportlint import` and `reportlint convert`: a page dump into a report, and a report
from one form into the other."""

from __future__ import annotations

import os
from pathlib import Path

import click
from reportlint.cli.common import ToolError, write_output


@click.command(name="import")
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
    write_output(render_markdown(report), output)


@click.command()
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
    write_output(render(doc.report, target), output)
    if target == "yaml" and output is not None:
        from reportlint.schema.export import SCHEMA_FILE

        if not (output.parent / SCHEMA_FILE).exists():
            click.echo(f"note: editors check {output} against {SCHEMA_FILE} beside it; "
                       f"write it with `reportlint schema --write {output.parent}`", err=True)
