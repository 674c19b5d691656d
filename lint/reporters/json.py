"""The contract's JSON: one object, `{"findings": [...]}`, whatever the number of files."""

from __future__ import annotations

import io
import json
from collections.abc import Collection
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters.options import RenderOptions


def render_json(findings: Collection[Finding], options: RenderOptions) -> str:
    out = io.StringIO()
    write_json(findings, options, out)
    return out.getvalue()


def write_json(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """The same text as `json.dumps({"findings": [...]}, indent=2)`, written a finding
    at a time, so a corpus's findings need not be held (nor their text) to print them."""
    if not findings:
        out.write('{\n  "findings": []\n}\n')
        return
    out.write('{\n  "findings": [')
    separator = "\n"
    for finding in findings:
        text = json.dumps(finding.to_json(), indent=2, ensure_ascii=False)
        out.write(separator + "    " + text.replace("\n", "\n    "))
        separator = ",\n"
    out.write("\n  ]\n}\n")
