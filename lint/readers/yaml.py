"""Read the YAML form: `meta` plus one key per section, validated by the same models.

The walk mirrors the Markdown reader's source map, so that every rule finds the same
units, headings and tables (at their own lines) in either form.
"""

from __future__ import annotations

from typing import Any

from reportlint.document.model import Document, Heading, Problem, TableNode, TableRow
from reportlint.document.sources import parse_source, render_source
from reportlint.document.units import Kind, TextMap, Unit
from reportlint.schema import SPECS_BY_KEY, match_subsection

from .assemble import assemble
from .yamltree import Path, YamlProblem, load_yaml_tree


def read_yaml(doc: Document) -> None:
    """Fill `doc` from its YAML source."""
    try:
        tree = load_yaml_tree(doc.source)
    except YamlProblem as problem:
        doc.problems.append(Problem("syntax", problem.message, offset=problem.offset))
        return
    data = tree.data
    if not isinstance(data, dict):
        doc.problems.append(Problem("syntax", "a YAML report is a mapping with 'meta' and one "
                                    "key per section", offset=0))
        return
    offsets = dict(tree.offsets)
    values = dict(tree.value_offsets)
    if isinstance(data.get("sources"), list):
        offsets = _nest_sources(offsets)
        values = _nest_sources(values)
        data["sources"] = {"entries": data["sources"]}
    for path, offset in tree.duplicates:
        where = ".".join(str(p) for p in path)
        kind = "duplicate-section" if len(path) == 1 else "invalid"
        doc.problems.append(Problem(kind, f"'{where}' is given twice", offset=offset,
                                    field=where))
    if "meta" not in data:
        doc.problems.append(Problem("front-matter", "no 'meta' mapping: a report starts with "
                                    "title, role, industry, region, year, published and author",
                                    offset=0))
    _Walker(doc, values, offsets).walk(data)
    assemble(doc, data, offsets)
    doc.paths = offsets


def _nest_sources(offsets: dict[Path, int]) -> dict[Path, int]:
    return {(("sources", "entries", *p[1:]) if p[:1] == ("sources",) and len(p) > 1 else p): o
            for p, o in offsets.items()}


class _Walker:
    def __init__(self, doc: Document, values: dict[Path, int], keys: dict[Path, int]) -> None:
        self.doc = doc
        self.values = values
        self.keys = keys
        self.section: str | None = None
        self.heading: str | None = None
        self.subsection: str | None = None

    def text_map(self, path: Path) -> TextMap:
        offset = self.values.get(path, self.keys.get(path, 0))
        source = self.doc.source
        if offset < len(source) and source[offset] in "\"'":
            return TextMap.at(offset + 1)
        if offset < len(source) and source[offset] in "|>":
            return self._block_scalar(offset)
        return TextMap.at(offset)

    def _block_scalar(self, offset: int) -> TextMap:
        source = self.doc.source
        start = source.find("\n", offset) + 1
        lines = source[start:].split("\n")
        indent = len(lines[0]) - len(lines[0].lstrip(" ")) if lines else 0
        pieces, index, position = [], 0, start
        for line in lines:
            if line.strip() and len(line) - len(line.lstrip(" ")) < indent:
                break
            pieces.append((index, position + min(indent, len(line))))
            index += max(len(line) - indent, 0) + 1
            position += len(line) + 1
        return TextMap(tuple(pieces) or ((0, start),))

    def unit(self, kind: Kind, text: str, path: Path, label: str | None = None) -> None:
        self.doc.units.append(Unit(kind, text, self.text_map(path), self.section, self.heading,
                                   self.subsection, label))

    def walk(self, data: dict[str, Any]) -> None:
        raw_meta = data.get("meta")
        meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        for key, value in data.items():
            if key == "meta" or not isinstance(value, dict | list):
                continue
            if key == "preamble":
                self.section = self.heading = None
                self.blocks(value, ("preamble",))
            elif key == "extra_sections":
                for index, section in enumerate(value):
                    if isinstance(section, dict):
                        self.section_body(None, section, ("extra_sections", index), meta)
            elif isinstance(value, dict):
                self.section_body(key if key in SPECS_BY_KEY else None, value, (key,), meta)

    def section_body(self, key: str | None, section: dict[str, Any], path: Path,
                     meta: dict[str, Any]) -> None:
        heading = section.get("heading")
        if not isinstance(heading, str) and "heading" not in section:
            # A section may leave out its heading: it is the catalog's, with the front
            # matter's values, exactly what the Markdown form would have written.
            spec = SPECS_BY_KEY.get(key or "")
            heading = spec.render_heading(**_slots(meta)) if spec else str(path[-1])
            if spec is not None:
                section["heading"] = heading
        elif not isinstance(heading, str):
            heading = str(heading)
        offset = self.keys.get(path, 0)
        self.section, self.heading, self.subsection = key, heading, None
        self.doc.outline.append(Heading(2, heading, offset, key))
        written = (*path, "heading") in self.values
        self.doc.units.append(Unit(Kind.HEADING, heading, self.text_map((*path, "heading"))
                                   if written else TextMap.at(offset), key, heading))
        self.blocks(section.get("content"), (*path, "content"))
        spec = SPECS_BY_KEY.get(key or "")
        for index, sub in enumerate(_list(section.get("subsections"))):
            if isinstance(sub, dict) and isinstance(sub.get("heading"), str):
                sub_path = (*path, "subsections", index)
                self.subsection = sub["heading"]
                name = match_subsection(spec, sub["heading"]) if spec else None
                self.doc.outline.append(Heading(3, sub["heading"], self.keys.get(sub_path, 0),
                                                name, key))
                self.unit(Kind.HEADING, sub["heading"], (*sub_path, "heading"))
                self.blocks(sub.get("content"), (*sub_path, "content"))
        for index, entry in enumerate(_list(section.get("entries"))):
            if not isinstance(entry, dict):
                continue
            entry_path = (*path, "entries", index)
            if key == "faq" and isinstance(entry.get("question"), str):
                self.subsection = entry["question"]
                self.doc.outline.append(Heading(3, entry["question"],
                                                self.keys.get(entry_path, 0), None, key))
                self.unit(Kind.QUESTION, entry["question"], (*entry_path, "question"))
                self.blocks(entry.get("answer"), (*entry_path, "answer"))
            elif key == "sources" and entry.get("id") is not None:
                self.doc.units.append(Unit(Kind.FOOTNOTE, _footnote_text(entry),
                                           TextMap.at(self.keys.get(entry_path, 0)), key,
                                           heading, self.subsection, str(entry["id"])))

    def blocks(self, blocks: Any, path: Path) -> None:
        for index, block in enumerate(_list(blocks)):
            block_path = (*path, index)
            if isinstance(block, str):
                self.unit(Kind.PARAGRAPH, block, block_path)
            elif isinstance(block, dict) and isinstance(block.get("bullets"), list):
                for number, bullet in enumerate(block["bullets"]):
                    if isinstance(bullet, str):
                        self.unit(Kind.BULLET, bullet, (*block_path, "bullets", number))
            elif isinstance(block, dict) and isinstance(block.get("table"), dict):
                self.table(block["table"], (*block_path, "table"))

    def table(self, table: dict[str, Any], path: Path) -> None:
        rows: list[TableRow] = []
        for row_path, row in [((*path, "header"), table.get("header"))] + [
                ((*path, "rows", i), r) for i, r in enumerate(_list(table.get("rows")))]:
            cells = []
            for index, cell in enumerate(_list(row)):
                cell_path = (*row_path, index)
                unit = Unit(Kind.CELL, str(cell), self.text_map(cell_path), self.section,
                            self.heading, self.subsection)
                self.doc.units.append(unit)
                cells.append(unit)
            rows.append(TableRow(tuple(cells), self.keys.get(row_path, 0), len(_list(row))))
        self.doc.tables.append(TableNode(rows[0], tuple(rows[1:]), self.keys.get(path, 0),
                                         self.section, self.subsection))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _slots(meta: dict[str, Any]) -> dict[str, Any]:
    return {slot: meta.get(slot) for slot in ("year", "industry", "region")}


def _footnote_text(entry: dict[str, Any]) -> str:
    from reportlint.schema import Source

    try:
        return render_source(Source.model_validate(entry))
    except Exception:  # an invalid entry is reported by validation; keep its words
        return " ".join(str(v) for k, v in entry.items() if k != "id")


__all__ = ["parse_source", "read_yaml"]
