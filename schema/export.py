"""The JSON Schema of the YAML form, as checked in at schema/report.schema.json."""

from __future__ import annotations

import json
from typing import Any

from .report import Report

# A name, not an address: no site serves the schema, so editors are pointed at a file
# (`reportlint schema --write FOLDER` puts one beside the reports).
SCHEMA_ID = "urn:reportlint:schema:report"
SCHEMA_FILE = "report.schema.json"


def report_json_schema() -> dict[str, Any]:
    schema = Report.model_json_schema()
    # SourcesSection also accepts a plain list of sources (the contract's form); the
    # validator that allows it is invisible to pydantic's schema generation.
    schema["properties"]["sources"]["anyOf"].insert(
        1, {"type": "array", "items": {"$ref": "#/$defs/Source"}})
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Career market-analysis report (reportlint YAML form)"
    return schema


def report_json_schema_text() -> str:
    return json.dumps(report_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
