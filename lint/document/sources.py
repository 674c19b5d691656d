"""A footnote definition's text <-> the fields of a `Source`.

The house form is `Publisher. "Title", Published. URL (accessed YYYY-MM-DD)`; any part
may be missing. `render_source` writes what `parse_source` reads, so a report converts
between Markdown and YAML without loss.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_ACCESSED = re.compile(r"\s*\(accessed:?\s+(\d{4}-\d{2}-\d{2})\)\s*\.?\s*$", re.IGNORECASE)
_URL = re.compile(r"<?(https?://[^\s<>]+?)>?(?=[\s.,;)]*$|\s)")
_TITLE = re.compile(r"[\"“](.+?)[\"”]")


def parse_source(text: str) -> dict[str, Any]:
    """Split a footnote definition into title, publisher, url, published and accessed."""
    fields: dict[str, Any] = {}
    rest = text.strip()
    accessed = _ACCESSED.search(rest)
    if accessed:
        try:
            fields["accessed"] = dt.date.fromisoformat(accessed.group(1))
            rest = rest[: accessed.start()]
        except ValueError:
            pass
    urls = list(_URL.finditer(rest))
    if urls:
        url = urls[-1]
        fields["url"] = url.group(1).rstrip(".,;")
        rest = (rest[: url.start()] + rest[url.end():]).strip()
    rest = rest.strip().rstrip(".").strip()
    title = _TITLE.search(rest)
    if title:
        fields["title"] = title.group(1).strip()
        publisher = rest[: title.start()].strip().rstrip(".,").strip()
        published = rest[title.end():].strip().lstrip(",.").strip().rstrip(".").strip()
        if publisher:
            fields["publisher"] = publisher
        if published:
            fields["published"] = published
    elif rest:
        fields["title"] = rest
    return fields


def render_source(source: Any) -> str:
    """The footnote definition text for a Source (without the `[^id]: ` label)."""
    parts: list[str] = []
    quoted = bool(source.publisher or source.published)
    if source.publisher:
        parts.append(f"{source.publisher}.")
    if source.title:
        title = f'"{source.title}"' if quoted else source.title
        parts.append(f"{title}," if source.published else (f"{title}." if quoted else title))
    if source.published:
        parts.append(f"{source.published}.")
    if source.url:
        parts.append(source.url)
    if source.accessed:
        parts.append(f"(accessed {source.accessed.isoformat()})")
    return " ".join(parts)
