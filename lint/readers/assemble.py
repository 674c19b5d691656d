"""Validate report data against the schema, keeping every error as a located problem.

Both readers build plain data shaped like the YAML form, with file offsets for its
paths, then call `assemble`. Front matter and each section are validated on their
own, so one bad section costs only that section and the rules still see the rest.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from reportlint.document.model import Document, Problem
from reportlint.schema import FrontMatter, Report

from .yamltree import Path

_TOP_FIELDS = {name: info for name, info in Report.model_fields.items() if name != "meta"}


def offset_for(path: Path, offsets: dict[Path, int], default: int = 0) -> int:
    """The offset of the deepest known ancestor of `path`."""
    while path:
        if path in offsets:
            return offsets[path]
        path = path[:-1]
    return default


def assemble(doc: Document, data: dict[str, Any], offsets: dict[Path, int],
             meta_default_offset: int = 0) -> None:
    """Fill doc.meta, doc.raw_meta and doc.report from `data`; errors go to doc.problems."""
    raw_meta = data.get("meta")
    doc.raw_meta = dict(raw_meta) if isinstance(raw_meta, dict) else {}
    doc.meta_offsets = {str(p[1]): o for p, o in offsets.items() if len(p) == 2 and p[0] == "meta"}
    meta_offset = offsets.get(("meta",), meta_default_offset)
    if isinstance(raw_meta, dict):
        doc.meta = _validate(FrontMatter, raw_meta, ("meta",), offsets, doc, meta_offset)
        _unknown_meta_keys(doc, raw_meta, offsets, meta_offset)
    elif raw_meta is not None:
        doc.problems.append(Problem("front-matter", "front matter must be a mapping of keys",
                                    offset=meta_offset, field="meta"))
    values: dict[str, Any] = {"meta": doc.meta}
    for key, value in data.items():
        if key == "meta":
            continue
        if key not in _TOP_FIELDS:
            doc.problems.append(Problem("invalid", f"unknown key '{key}' in the report",
                                        offset=offset_for((key,), offsets), field=key))
            continue
        values[key] = _validate_field(key, value, offsets, doc)
    doc.report = Report.model_construct(**{k: v for k, v in values.items() if v is not None})


def _unknown_meta_keys(doc: Document, raw_meta: dict[str, Any], offsets: dict[Path, int],
                       default: int) -> None:
    """A front-matter key the contract does not know: often a typo ("role_alias") that
    would otherwise be dropped without a word, in both forms alike."""
    from reportlint.document.text import closest
    from reportlint.schema.frontmatter import FRONT_MATTER_KEYS

    for key in raw_meta:
        if key in FRONT_MATTER_KEYS or key == "reportlint":  # the file's own settings
            continue
        near = closest(str(key), FRONT_MATTER_KEYS, cutoff=0.6)
        hint = f' (did you mean "{near}"?)' if near else (
            f"; the keys are: {', '.join(FRONT_MATTER_KEYS)}")
        doc.problems.append(Problem("front-matter", f"unknown front-matter key '{key}'{hint}",
                                    offset=offsets.get(("meta", key), default), field=str(key)))


def _validate_field(key: str, value: Any, offsets: dict[Path, int], doc: Document) -> Any:
    from pydantic import TypeAdapter

    adapter: TypeAdapter[Any] = _adapter(key)
    try:
        return adapter.validate_python(value)
    except ValidationError as error:
        _record(error, (key,), offsets, doc)
        return None


_ADAPTERS: dict[str, Any] = {}


def _adapter(key: str) -> Any:
    from pydantic import TypeAdapter

    if key not in _ADAPTERS:
        _ADAPTERS[key] = TypeAdapter(_TOP_FIELDS[key].annotation)  # type: ignore[arg-type]
    return _ADAPTERS[key]


def _validate(model: type[BaseModel], value: dict[str, Any], path: Path,
              offsets: dict[Path, int], doc: Document, default: int) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError as error:
        _record(error, path, offsets, doc, default)
        return None


def _record(error: ValidationError, base: Path, offsets: dict[Path, int], doc: Document,
            default: int | None = None) -> None:
    reported: set[str] = set()
    for item in error.errors(include_url=False):
        loc = tuple(part for part in item["loc"] if not _is_union_member(part))
        path = (*base, *loc)
        where = ".".join(str(part) for part in path)
        if where in reported:  # one message per place, not one per union member
            continue
        reported.add(where)
        kind = "front-matter" if base == ("meta",) else "invalid"
        fallback = default if default is not None else offset_for(base, offsets)
        offset = offsets.get(path, offset_for(path, offsets, fallback))
        if item["type"] == "missing":
            message = f"'{where}' is required but missing"
        else:
            message = f"'{where}': {item['msg']}"
            if "input" in item and not isinstance(item["input"], dict | list):
                message += f" (got {item['input']!r})"
        doc.problems.append(Problem(kind, message, offset=offset, field=where))


def _is_union_member(part: object) -> bool:
    # pydantic names the union member it tried in `loc` ("str", "BulletList",
    # "function-before[...]"); the writer's keys never look like that.
    return isinstance(part, str) and (
        part in {"str", "BulletList", "TableBlock", "SourcesSection"}
        or part.startswith(("function-", "list[")))
