"""Import a plain-text page dump (a scraped report page) as a `Report`.

A dump has no markup: headings are bare lines, bullets start with "•", the page header
is a line like "Career December 17, 2025 By Example Team" followed by the title, the
dek and the cover image's caption. Headings are recognised from the section catalog;
role, industry, region and year come from the title and the templated headings. What
cannot be placed is kept as a paragraph of the nearest section; nothing is repaired
or dropped, so that `check` can report what the page got wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reportlint.document.text import fold
from reportlint.schema import (
    PROOF_MAP_COLUMNS,
    Report,
    SectionSpec,
    match_section,
    match_subsection,
    split_qualifier,
)

_HEADER = re.compile(
    r"^(?P<category>.*?)\s*(?P<date>(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2},\s+\d{4})\s+By\s+(?P<author>.+?)\s*$")
_TITLE = re.compile(r"^(?P<region>\S+)\s+(?P<subject>.+?)\s+Market Analysis\s+(?P<year>\d{4})$")
_BULLET = re.compile(r"^\s*[•·▪◦●‣]\s*")
_MAX_HEADING = 90


class PageError(Exception):
    """The dump lacks what a report needs (its header or title)."""


def import_page_text(raw: bytes) -> Report:
    """Read a page dump into a validated Report."""
    if b"\0" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\0")) + 1
        raise PageError(f"line {line}: a NUL byte: a page dump is text, not a binary file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PageError(f"not UTF-8 text (byte {error.start})") from None
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    meta, body_start, preamble = _header(lines)
    data: dict[str, Any] = {"meta": meta, "preamble": preamble}
    _Body(data).read(lines[body_start:])
    _infer_subject(meta, data)
    from pydantic import ValidationError

    try:
        return Report.model_validate(data)
    except ValidationError as error:
        raise PageError(f"the page does not give a complete report: {error.errors()[0]['msg']} "
                        f"at {'.'.join(map(str, error.errors()[0]['loc']))}") from None


def _header(lines: list[str]) -> tuple[dict[str, Any], int, list[str]]:
    content = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if not content:
        raise PageError("the page is empty")
    meta: dict[str, Any] = {}
    first = 0
    # Runs of spaces collapsed: the patterns then read a line in linear time.
    match = _HEADER.match(" ".join(content[0][1].split()))
    if match:
        if match.group("category"):
            meta["category"] = match.group("category")
        meta["published"] = dt.datetime.strptime(match.group("date"), "%B %d, %Y").date()
        meta["author"] = match.group("author")
        first = 1
    body = next((n for n, (_, line) in enumerate(content) if match_section(line)
                 and len(line) <= _MAX_HEADING), len(content))
    head = [line for _, line in content[first:body]]
    if not head:
        raise PageError("no title line before the first section")
    meta["title"] = head[0]
    preamble: list[str] = []
    for line in head[1:]:
        if "summary" not in meta and line.endswith((".", "!", "?")):
            meta["summary"] = line
        elif "cover_caption" not in meta and re.search(r"\bcover\b", line, re.IGNORECASE):
            meta["cover_caption"] = line
        else:
            preamble.append(line)
    start = content[body][0] if body < len(content) else len(lines)
    return meta, start, preamble


def _infer_subject(meta: dict[str, Any], data: dict[str, Any]) -> None:
    """Role, industry, region and year from the title, checked against the templated
    headings ("Industry Lens: Fintech", "Compensation & Leveling (US)")."""
    match = _TITLE.match(" ".join(meta["title"].split()))
    if not match:
        raise PageError(f'cannot read role, industry, region and year from the title '
                        f'"{meta["title"]}" (expected "<Region> <Role> <Industry> Market '
                        'Analysis <Year>")')
    meta["region"] = match.group("region")
    meta["year"] = int(match.group("year"))
    subject = match.group("subject")
    industry = _qualifier(data.get("industry_lens"))
    if industry and subject.casefold().endswith(" " + industry.casefold()):
        meta["industry"] = subject[-len(industry):]
        meta["role"] = subject[: -len(industry)].strip()
    else:
        role, _, last = subject.rpartition(" ")
        meta["role"], meta["industry"] = role or subject, last


def _qualifier(section: dict[str, Any] | None) -> str | None:
    if not section or not section.get("heading"):
        return None
    return split_qualifier(section["heading"])[1]


class _Body:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.spec: SectionSpec | None = None
        self.section: dict[str, Any] | None = None
        self.container: list[Any] = data["preamble"]
        self.table: dict[str, Any] | None = None

    def read(self, lines: list[str]) -> None:
        for line in lines:
            stripped = line.strip()
            if not stripped:
                self.table = None
                continue
            if self.table is not None:
                self.table["rows"].append(_cells(stripped))
            elif _BULLET.match(line):
                self.bullet(_BULLET.sub("", line).strip())
            elif self.heading(stripped):
                continue
            elif self.spec is not None and self.spec.key == "skills_signals" and _is_proof_header(
                    stripped):
                self.table = {"header": _cells(stripped), "rows": []}
                self.container.append({"table": self.table})
            else:
                self.container.append(stripped)

    def bullet(self, text: str) -> None:
        last = self.container[-1] if self.container else None
        if isinstance(last, dict) and "bullets" in last:
            last["bullets"].append(text)
        else:
            self.container.append({"bullets": [text]})

    def heading(self, line: str) -> bool:
        if len(line) > _MAX_HEADING or line.endswith("."):
            return False
        spec = match_section(line)
        if spec is not None:
            self.open_section(spec, line)
            return True
        if self.spec is None or self.section is None:
            return False
        if self.spec.key == "faq" and line.endswith("?"):
            entry: dict[str, Any] = {"question": line, "answer": []}
            self.section.setdefault("entries", []).append(entry)
            self.container = entry["answer"]
            return True
        if match_subsection(self.spec, line.rstrip(":")):
            sub: dict[str, Any] = {"heading": line.rstrip(":").strip(), "content": []}
            self.section.setdefault("subsections", []).append(sub)
            self.container = sub["content"]
            return True
        return False

    def open_section(self, spec: SectionSpec, line: str) -> None:
        self.spec = spec
        self.section = {"heading": line, "content": []}
        if spec.key in self.data:
            self.data.setdefault("extra_sections", []).append(self.section)
        else:
            self.data[spec.key] = self.section
        self.container = self.section["content"]


def _squash(text: str) -> str:
    return re.sub(r"[\s|]+", "", fold(text).casefold())


_PROOF_HEADER = _squash("".join(PROOF_MAP_COLUMNS))


def _is_proof_header(line: str) -> bool:
    return _squash(line) == _PROOF_HEADER


def _cells(line: str) -> list[str]:
    """Cells split on tabs or pipes when the dump kept them; else the line as one cell."""
    for separator in ("\t", "|"):
        if separator in line:
            return [cell.strip() for cell in line.strip(separator).split(separator)]
    return [line]
