"""A `Report` as YAML: `meta`, then one key per section, with the schema line editors read."""

from __future__ import annotations

from io import StringIO
from typing import Any

from reportlint.schema import CATALOG, Report
from reportlint.schema.export import SCHEMA_FILE


def report_data(report: Report) -> dict[str, Any]:
    """The plain data of the YAML form (empty optional parts left out)."""
    data: dict[str, Any] = report.model_dump(mode="python", exclude_none=True,
                                             exclude_defaults=True)
    meta = report.meta
    data["meta"] = meta.model_dump(mode="python", exclude_defaults=True)
    for spec in CATALOG:
        section = data.get(spec.key)
        if isinstance(section, dict) and section.get("heading") == spec.render_heading(
                year=meta.year, industry=meta.industry, region=meta.region):
            del section["heading"]
    sources = data.get("sources")
    if isinstance(sources, dict) and set(sources) <= {"entries"}:
        data["sources"] = sources.get("entries", [])
    return {"meta": data.pop("meta"), **data}


def render_yaml(report: Report, schema_ref: str = SCHEMA_FILE) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    def literal(value: Any) -> Any:
        if isinstance(value, str) and "\n" in value:
            return LiteralScalarString(value)
        if isinstance(value, dict):
            return {k: literal(v) for k, v in value.items()}
        if isinstance(value, list):
            return [literal(v) for v in value]
        return value

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = StringIO()
    # a file beside the report, which `reportlint schema --write FOLDER` provides
    stream.write(f"# yaml-language-server: $schema={schema_ref}\n")
    yaml.dump(literal(report_data(report)), stream)
    return stream.getvalue()
