"""Pydantic models of a whole report: blocks, sections, FAQ, sources.

Text fields hold inline Markdown exactly as the writer wrote it (emphasis, links and
footnote references such as `[^bls-oes]` included), so that converting between the
Markdown and YAML forms loses nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .frontmatter import FrontMatter


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BulletList(_Strict):
    """A `-` list; each item is one bullet's inline text."""

    bullets: list[str]


class Table(_Strict):
    """A pipe table. Rows may be ragged: judging the shape is a rule's job."""

    header: list[str]
    rows: list[list[str]] = Field(default=[])


class TableBlock(_Strict):
    table: Table


# A paragraph is a plain string; lists and tables are one-key mappings.
Block = str | BulletList | TableBlock


class Subsection(_Strict):
    """A level-3 heading and what stands under it."""

    heading: str
    content: list[Block] = Field(default=[])


class Section(_Strict):
    """A level-2 section. `heading` is the heading as written (None: the catalog's)."""

    heading: str | None = None
    content: list[Block] = Field(default=[])
    subsections: list[Subsection] = Field(default=[])


class FAQEntry(_Strict):
    question: str
    answer: list[Block] = Field(default=[])


class FAQSection(_Strict):
    heading: str | None = None
    content: list[Block] = Field(default=[])
    entries: list[FAQEntry] = Field(default=[])


class Source(_Strict):
    """One footnote definition under "Sources & Further Reading"."""

    id: str = Field(pattern=r"^[^\s\]]+$", examples=["bls-oes"])
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, examples=["May 2024"])
    accessed: dt.date | None = None


class SourcesSection(_Strict):
    """The sources section. YAML may give just the list of sources (the contract's form)."""

    heading: str | None = None
    content: list[Block] = Field(default=[])
    entries: list[Source] = Field(default=[])

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_list(cls, value: Any) -> Any:
        return {"entries": value} if isinstance(value, list) else value


class Report(_Strict):
    """A whole report: front matter, then one optional field per catalog section.

    A missing section is None; judging that is the structure rules' job. Headings the
    catalog does not know, and second copies of a section, are kept in
    `extra_sections` so nothing the writer wrote is lost.
    """

    meta: FrontMatter
    preamble: list[Block] = Field(default=[],
                                  description="Text before the first section heading.")
    executive_summary: Section | None = None
    market_snapshot: Section | None = None
    role_definition: Section | None = None
    industry_lens: Section | None = None
    role_variants: Section | None = None
    demand_drivers: Section | None = None
    supply_competition: Section | None = None
    skills_signals: Section | None = None
    hiring_loop: Section | None = None
    portfolio: Section | None = None
    interview_prep: Section | None = None
    compensation: Section | None = None
    career_roadmap: Section | None = None
    action_plan: Section | None = None
    risks_outlook: Section | None = None
    methodology: Section | None = None
    faq: FAQSection | None = None
    sources: SourcesSection | None = None
    related: Section | None = None
    extra_sections: list[Section] = Field(default=[])


AnySection = Section | FAQSection | SourcesSection


def has_text(blocks: list[Block]) -> bool:
    """Whether any paragraph, bullet or table in `blocks` holds words."""
    for block in blocks:
        if isinstance(block, str):
            if block.strip():
                return True
        elif isinstance(block, BulletList):
            if any(item.strip() for item in block.bullets):
                return True
        elif block.table.rows or any(cell.strip() for cell in block.table.header):
            return True
    return False
