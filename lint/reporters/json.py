"""The contract's JSON: one object, `{"findings": [...]}`, whatever the number of files."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import indented_items


def write_json(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """The same text as `json.dumps({"findings": [...]}, indent=2)`, written a finding
    at a time, so a corpus's findings need not be held (nor their text) to print them."""
    if not findings:
        out.write('{\n  "findings": []\n}\n')
        return
    out.write('{\n  "findings": [')
    out.writelines(indented_items(
        (json.dumps(finding.to_json(), indent=2, ensure_ascii=False) for finding in findings),
        "    "))
    out.write("\n  ]\n}\n")
