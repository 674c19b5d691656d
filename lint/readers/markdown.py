"""Read the Markdown form: YAML front matter, then headings, bullets, tables, footnotes.

markdown-it-py does the CommonMark parsing; this module walks its tokens once and
builds the report data (shaped like the YAML form) and the source map together.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlint.document.model import Document, Heading, Problem, TableNode, TableRow
from reportlint.document.sources import parse_source
from reportlint.document.units import Kind, TextMap, Unit
from reportlint.schema import SectionSpec, match_section, match_subsection

from .assemble import assemble
from .yamltree import Path, YamlProblem, load_yaml_tree

_FENCE = re.compile(r"^(---|\.\.\.)\s*$")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    # footnote_tail would move definitions to the end and drop the unreferenced ones;
    # without it each definition stays where it is written, referenced or not. The walk
    # reads each inline token's raw `content`, never its children, so the inline phase
    # (emphasis, links, footnote references: 40% of the parse) is not run at all.
    return MarkdownIt("commonmark").enable("table").use(footnote_plugin).disable(
        ["footnote_tail", "inline", "text_join"])


def read_markdown(doc: Document) -> None:
    """Fill `doc` from its Markdown source."""
    lines = doc.source.split("\n")
    data: dict[str, Any] = {}
    offsets: dict[Path, int] = {}
    body_lines = _front_matter(doc, lines, data, offsets)
    tokens = block_tokens(body_lines)
    _Walker(doc, lines, data, offsets).walk(tokens)
    # Units in file order, whatever order the walk met them in.
    doc.units.sort(key=lambda unit: unit.offset())
    assemble(doc, data, offsets)
    doc.paths = offsets


def block_tokens(lines: list[str]) -> list[Any]:
    """markdown-it's block tokens for `lines`, parsed section by section and remembered
    by section: an editor's re-check after a keystroke parses only the section that
    changed. The same tokens as one parse of the whole text (`tests/readers/test_sections.py`
    holds them equal): a heading at the start of a line closes every open paragraph,
    list, quote, table and footnote, so no block crosses it, except a fenced code block
    or an HTML block, and a text with either is parsed whole."""
    text = "\n".join(lines)
    if _CROSSES_HEADINGS.search(text):
        return list(_parser().parse(text))
    starts = [number for number, line in enumerate(lines)
              if line.startswith("#") and _ATX_HEADING.match(line)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    tokens: list[Any] = []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        # With the next heading, which ends the section's last block as in the whole text.
        tokens += _section_tokens(start, end - start, "\n".join(lines[start:end + 1]))
    return tokens


_CROSSES_HEADINGS = re.compile(r"^ {0,3}(?:```|~~~|<)", re.MULTILINE)
_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")


@lru_cache(maxsize=256)
def _section_tokens(first_line: int, size: int, text: str) -> tuple[Any, ...]:
    tokens = _parser().parse(text)
    cut = next((number for number, token in enumerate(tokens)
                if token.map is not None and token.map[0] >= size), len(tokens))
    for token in tokens[:cut]:  # fresh tokens: shared between parses from now on
        if token.map is not None:
            token.map = [token.map[0] + first_line, token.map[1] + first_line]
    return tuple(tokens[:cut])


def _front_matter(doc: Document, lines: list[str], data: dict[str, Any],
                  offsets: dict[Path, int]) -> list[str]:
    """Parse the front matter into data["meta"]; return the lines with it blanked, so
    the Markdown parser's line numbers stay the file's."""
    if not lines or lines[0].strip() != "---":
        doc.problems.append(Problem(
            "front-matter", "no front matter: a report starts with a '---' block of "
            "title, role, industry, region, year, published and author", offset=0))
        return lines
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if closing is None:
        doc.problems.append(Problem(
            "front-matter", "front matter is not closed: add a '---' line after it", offset=0))
        return ["", *lines[1:]]
    text = "\n".join(lines[1:closing])
    start = len(lines[0]) + 1
    try:
        tree = load_yaml_tree(text, base_offset=start)
    except YamlProblem as problem:
        # The syntax error is the finding; validating an unreadable mapping would only
        # add a "missing" finding for every field.
        doc.problems.append(Problem("syntax", f"front matter: {problem.message}",
                                    offset=problem.offset))
    else:
        data["meta"] = tree.data if tree.data is not None else {}
        offsets[("meta",)] = 0
        for path, offset in tree.offsets.items():
            offsets[("meta", *path)] = offset
        for path, offset in tree.duplicates:
            doc.problems.append(Problem("front-matter", f"'{path[-1]}' is given twice",
                                        offset=offset, field=str(path[-1])))
    return [""] * (closing + 1) + lines[closing + 1:]


class _Walker:
    """One pass over the token stream, keeping the current section and container."""

    def __init__(self, doc: Document, lines: list[str], data: dict[str, Any],
                 offsets: dict[Path, int]) -> None:
        self.doc = doc
        self.lines = lines
        self.data = data
        self.offsets = offsets
        self.line_offsets = [0]
        for line in lines:
            self.line_offsets.append(self.line_offsets[-1] + len(line) + 1)
        self.section_key: str | None = None
        self.section_heading: str | None = None
        self.spec: SectionSpec | None = None
        self.subsection: str | None = None
        self.container: list[Any] = data.setdefault("preamble", [])
        self.current: dict[str, Any] | None = None

    # -- positions -----------------------------------------------------------------

    def text_map(self, content: str, first_line: int, *, after: int = 0) -> TextMap:
        """Map `content` (lines joined by newlines) onto the file from `first_line`."""
        pieces = []
        index = 0
        for number, part in enumerate(content.split("\n")):
            line_no = first_line + number
            line = self.lines[line_no] if line_no < len(self.lines) else ""
            column = line.find(part, after if number == 0 else 0) if part else -1
            if column < 0:
                column = len(line) - len(line.lstrip())
            pieces.append((index, self.line_offsets[line_no] + column))
            index += len(part) + 1
        return TextMap(tuple(pieces))

    def unit(self, kind: Kind, content: str, first_line: int, *, after: int = 0,
             label: str | None = None) -> Unit:
        unit = Unit(kind, content, self.text_map(content, first_line, after=after),
                    self.section_key, self.section_heading, self.subsection, label)
        self.doc.units.append(unit)
        return unit

    # -- the walk ------------------------------------------------------------------

    def walk(self, tokens: list[Any]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self.heading(int(token.tag[1]), tokens[index + 1].content, token.map[0])
                index += 3
            elif kind == "paragraph_open":
                inline = tokens[index + 1]
                self.unit(Kind.PARAGRAPH, inline.content, token.map[0])
                self.container.append(inline.content)
                index += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                index = self.bullet_list(tokens, index)
            elif kind == "table_open":
                index = self.table(tokens, index)
            elif kind == "footnote_reference_open":
                index = self.footnote(tokens, index)
            elif kind in ("fence", "code_block", "html_block"):
                start, end = token.map
                self.container.append("\n".join(self.lines[start:end]).strip("\n"))
                index += 1
            else:
                index += 1

    def heading(self, level: int, text: str, line: int) -> None:
        offset = self.text_map(text, line).offset(0)
        if level <= 2:
            self.section(level, text, offset)
            return
        if self.section_key == "faq":
            self.subsection = text
            entry: dict[str, Any] = {"question": text, "answer": []}
            assert self.current is not None
            self.current.setdefault("entries", []).append(entry)
            self.container = entry["answer"]
            self.doc.outline.append(Heading(level, text, offset, None, self.section_key))
            self.unit(Kind.QUESTION, text, line)
            return
        else:
            name = match_subsection(self.spec, text) if self.spec else None
            self.subsection = text
            sub: dict[str, Any] = {"heading": text, "content": []}
            if self.current is None:
                self.current = {"heading": None, "content": list(self.container)}
                self.container.clear()
                self.data.setdefault("extra_sections", []).append(self.current)
            self.current.setdefault("subsections", []).append(sub)
            self.container = sub["content"]
            self.doc.outline.append(Heading(level, text, offset, name, self.section_key))
        self.unit(Kind.HEADING, text, line)

    def section(self, level: int, text: str, offset: int) -> None:
        spec = match_section(text) if level == 2 else None
        key = spec.key if spec else None
        self.doc.outline.append(Heading(level, text, offset, key))
        self.section_key, self.section_heading, self.spec = key, text, spec
        self.subsection = None
        self.current = {"heading": text, "content": []}
        if key is not None and key not in self.data:
            self.data[key] = self.current
            self.offsets[(key,)] = offset
        else:
            extras = self.data.setdefault("extra_sections", [])
            self.offsets[("extra_sections", len(extras))] = offset
            extras.append(self.current)
        self.container = self.current["content"]
        self.doc.units.append(Unit(Kind.HEADING, text, TextMap.at(offset), key, text))

    def bullet_list(self, tokens: list[Any], index: int) -> int:
        depth = 0
        bullets: list[str] = []
        while index < len(tokens):
            token = tokens[index]
            if token.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                if depth == 0:
                    break
            elif token.type == "inline":
                marker_end = self._marker_end(token.map[0])
                self.unit(Kind.BULLET, token.content, token.map[0], after=marker_end)
                bullets.append(token.content)
            index += 1
        self.container.append({"bullets": bullets})
        return index + 1

    def _marker_end(self, line_no: int) -> int:
        match = re.match(r"\s*(?:[-*+]|\d+[.)])\s+", self.lines[line_no])
        return match.end() if match else 0

    def table(self, tokens: list[Any], index: int) -> int:
        rows: list[TableRow] = []
        cells: list[Unit] = []
        row_line = 0
        table_line = tokens[index].map[0]
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                cells, row_line = [], token.map[0]
            elif token.type == "inline":
                cells.append(self._cell(token.content, row_line, cells))
            elif token.type == "tr_close":
                raw = _count_cells(self.lines[row_line])
                rows.append(TableRow(tuple(cells), self.line_offsets[row_line], raw))
            index += 1
        header, body = rows[0], tuple(rows[1:])
        # markdown-it pads short rows and drops extra cells; keep what was written.
        as_written = [_split_cells(self.lines[self.doc.position(row.offset)[0] - 1])
                      for row in rows]
        self.doc.tables.append(TableNode(header, body, self.line_offsets[table_line],
                                         self.section_key, self.subsection))
        self.container.append({"table": {"header": as_written[0], "rows": as_written[1:]}})
        return index + 1

    def _cell(self, content: str, line_no: int, previous: list[Unit]) -> Unit:
        after = 0
        if previous:
            last = previous[-1]
            after = last.offset(len(last.text)) - self.line_offsets[line_no]
        return self.unit(Kind.CELL, content, line_no, after=max(after, 0))

    def footnote(self, tokens: list[Any], index: int) -> int:
        """One footnote definition, in the section where it is written."""
        label = tokens[index].meta["label"]
        inline = None
        while tokens[index].type != "footnote_reference_close":
            if tokens[index].type == "inline" and inline is None and tokens[index].map:
                inline = tokens[index]
            index += 1
        if inline is not None:
            line = inline.map[0]
            entries = self._sources_entries()
            unit = self.unit(Kind.FOOTNOTE, inline.content, line,
                             after=self.lines[line].find("]:") + 2, label=label)
            self.offsets[("sources", "entries", len(entries))] = self.line_offsets[line]
            entries.append({"id": label, **parse_source(unit.text)})
        return index + 1

    def _sources_entries(self) -> list[dict[str, Any]]:
        section = self.data.get("sources")
        if section is None:
            section = self.data["sources"] = {"heading": None, "content": []}
        entries: list[dict[str, Any]] = section.setdefault("entries", [])
        return entries


_PIPE = re.compile(r"(?<!\\)\|")


def _split_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in _PIPE.split(text)]


def _count_cells(line: str) -> int:
    return len(_split_cells(line))

