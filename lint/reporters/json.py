"""The contract's JSON: one object, `{"findings": [...]}`, whatever the number of files."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportlint.findings import Finding
from reportlint.reporters.options import RenderOptions


def render_json(findings: Sequence[Finding], options: RenderOptions) -> str:
    return json.dumps({"findings": [f.to_json() for f in findings]}, indent=2,
                      ensure_ascii=False) + "\n"
