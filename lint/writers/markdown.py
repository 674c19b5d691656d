"""A `Report` as Markdown with YAML front matter: the form writers edit."""

from __future__ import annotations

from typing import Any

from reportlint.document.sources import render_source
from reportlint.schema import CATALOG, Block, Report


def render_markdown(report: Report) -> str:
    out: list[str] = ["---", _front_matter(report), "---", ""]
    _blocks(out, report.preamble)
    meta = report.meta
    slots = {"year": meta.year, "industry": meta.industry, "region": meta.region}
    for spec in CATALOG:
        section = getattr(report, spec.key)
        if section is None:
            continue
        out += [f"## {section.heading or spec.render_heading(**slots)}", ""]
        _blocks(out, section.content)
        for sub in getattr(section, "subsections", []):
            out += [f"### {sub.heading}", ""]
            _blocks(out, sub.content)
        if spec.key == "faq":
            for entry in section.entries:
                out += [f"### {entry.question}", ""]
                _blocks(out, entry.answer)
        if spec.key == "sources":
            for source in section.entries:
                out += [f"[^{source.id}]: {render_source(source)}", ""]
    for extra in report.extra_sections:
        out += [f"## {extra.heading or 'Untitled section'}", ""]
        _blocks(out, extra.content)
        for sub in extra.subsections:
            out += [f"### {sub.heading}", ""]
            _blocks(out, sub.content)
    return "\n".join(out).rstrip("\n") + "\n"


def _front_matter(report: Report) -> str:
    from io import StringIO

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.default_flow_style = False
    stream = StringIO()
    yaml.dump(_meta_data(report), stream)
    return stream.getvalue().rstrip("\n")


def _meta_data(report: Report) -> dict[str, Any]:
    return report.meta.model_dump(mode="python", exclude_defaults=True)


def _blocks(out: list[str], blocks: list[Block]) -> None:
    for block in blocks:
        if isinstance(block, str):
            out += [block, ""]
        elif hasattr(block, "bullets"):
            out += [f"- {_indent(item)}" for item in block.bullets] + [""]
        else:
            table = block.table
            width = len(table.header)
            out.append(_row(table.header))
            out.append(_row(["---"] * width))
            out += [_row(row) for row in table.rows]
            out.append("")


def _indent(text: str) -> str:
    return text.replace("\n", "\n  ")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
