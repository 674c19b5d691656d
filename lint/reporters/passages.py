"""`reportlint duplicates` output: the passages shared across reports."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.corpus.passages import SharedPassage


def render_shared_passages(found: Sequence[SharedPassage], output_format: str = "text") -> str:
    """`reportlint duplicates` output: text for people, or JSON ({"passages": [...]})."""
    if output_format == "json":
        import json

        return json.dumps({"passages": [
            {"text": p.text, "reports": p.reports, "exact": p.exact,
             "places": [{"path": path, "line": line} for path, line in p.places]}
            for p in found]}, indent=2, ensure_ascii=False) + "\n"
    if not found:
        return "No passage is shared between reports.\n"
    lines = []
    for passage in found:
        kind = "exact" if passage.exact else "near"
        text = passage.text if len(passage.text) <= 160 else passage.text[:159] + "…"
        lines.append(f"{passage.reports} reports ({kind}): {text}")
        lines.extend(f"    {path}:{line}" for path, line in passage.places)
    return "\n".join(lines) + "\n"
