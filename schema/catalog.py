"""The ordered catalog of report sections: what each heading is called, what it holds.

The catalog is the one place that knows the contract's section table. Readers use it
to recognise headings, rules use it to judge presence, order and content, and the
writers use it to print canonical headings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Content(StrEnum):
    """A kind of content a section holds."""

    BULLETS = "bullets"
    TEXT = "text"
    TABLE = "table"
    QUESTIONS = "questions and answers"
    FOOTNOTES = "footnote definitions"
    LINKS = "links"


@dataclass(frozen=True)
class SectionSpec:
    """One row of the contract's section table.

    `heading` is the canonical heading with its templated part, e.g.
    "Market Snapshot ({year})". `name` is the part every variant shares
    ("Market Snapshot"); the heading may add a parenthesised part or, for
    `Industry Lens`, a ": {industry}" suffix.
    """

    key: str
    heading: str
    name: str
    subsections: tuple[str, ...]
    content: tuple[Content, ...]
    required: bool = True
    aliases: tuple[str, ...] = ()
    open_suffix: bool = False  # "Related on Example.com" is still Related

    def render_heading(self, *, year: object = None, industry: object = None,
                       region: object = None) -> str:
        """The canonical heading with the front matter's values filled in."""
        values = {"year": year, "industry": industry, "region": region}
        text = self.heading
        for slot, value in values.items():
            placeholder = "{" + slot + "}"
            if placeholder in text:
                text = text.replace(placeholder, str(value)) if value else _drop_slot(text, slot)
        return text


def _drop_slot(heading: str, slot: str) -> str:
    placeholder = re.escape("{" + slot + "}")
    return re.sub(rf"\s*(\({placeholder}\)|:\s*{placeholder})", "", heading)


CATALOG: tuple[SectionSpec, ...] = (
    SectionSpec("executive_summary", "Executive Summary", "Executive Summary", (),
                (Content.BULLETS,)),
    SectionSpec("market_snapshot", "Market Snapshot ({year})", "Market Snapshot",
                ("Signals to watch", "Fast scope checks"), (Content.TEXT, Content.BULLETS)),
    SectionSpec("role_definition", "Role Definition (What this job really is)", "Role Definition",
                ("Field note: the problem behind the title",), (Content.TEXT, Content.BULLETS)),
    SectionSpec("industry_lens", "Industry Lens: {industry}", "Industry Lens",
                ("What changes in this industry", "Typical interview scenarios",
                 "Portfolio ideas (industry-specific)"), (Content.BULLETS,)),
    SectionSpec("role_variants", "Role Variants & Specializations",
                "Role Variants & Specializations", (), (Content.BULLETS,)),
    SectionSpec("demand_drivers", "Demand Drivers", "Demand Drivers", (), (Content.BULLETS,)),
    SectionSpec("supply_competition", "Supply & Competition", "Supply & Competition",
                ("How to position (practical)",), (Content.TEXT, Content.BULLETS)),
    SectionSpec("skills_signals", "Skills & Signals (What gets interviews)", "Skills & Signals",
                ("Signals that pass screens", "Common rejection triggers", "Skills & proof map"),
                (Content.BULLETS, Content.TABLE)),
    SectionSpec("hiring_loop", "Hiring Loop (What interviews test)", "Hiring Loop", (),
                (Content.BULLETS,)),
    SectionSpec("portfolio", "Portfolio & Proof Artifacts", "Portfolio & Proof Artifacts", (),
                (Content.BULLETS,)),
    SectionSpec("interview_prep", "Interview Prep Checklist", "Interview Prep Checklist", (),
                (Content.BULLETS,)),
    SectionSpec("compensation", "Compensation & Leveling ({region})", "Compensation & Leveling",
                ("Questions that uncover constraints",), (Content.BULLETS,)),
    SectionSpec("career_roadmap", "Career Roadmap", "Career Roadmap",
                ("Career steps (practical)",), (Content.BULLETS,)),
    SectionSpec("action_plan", "Action Plan", "Action Plan",
                ("Candidate plan (30 / 60 / 90 days)", "Hiring teams (process upgrades)"),
                (Content.BULLETS,)),
    SectionSpec("risks_outlook", "Risks & Outlook (12–24 months)", "Risks & Outlook", (),
                (Content.BULLETS,)),
    SectionSpec("methodology", "Methodology & Data Sources", "Methodology & Data Sources", (),
                (Content.TEXT, Content.BULLETS), aliases=("Methodology",)),
    SectionSpec("faq", "FAQ", "FAQ", (), (Content.QUESTIONS,),
                aliases=("Frequently Asked Questions",)),
    SectionSpec("sources", "Sources & Further Reading", "Sources & Further Reading", (),
                (Content.FOOTNOTES,), aliases=("Sources", "References")),
    SectionSpec("related", "Related", "Related", (), (Content.LINKS,), required=False,
                open_suffix=True),
)

SPECS_BY_KEY: dict[str, SectionSpec] = {spec.key: spec for spec in CATALOG}
SECTION_KEYS: tuple[str, ...] = tuple(spec.key for spec in CATALOG)
PROOF_MAP_COLUMNS: tuple[str, ...] = ("Skill / Signal", 'What "good" looks like', "How to prove it")


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


# Headings are compared with every catalog name: the catalog's side repeats for each.
@lru_cache(maxsize=4096)
def normalize_heading(text: str) -> str:
    """Case-, quote-, dash- and space-insensitive form of a heading, for comparison."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip().rstrip(":").strip()
    return text.casefold()


@lru_cache(maxsize=4096)
def split_qualifier(heading: str) -> tuple[str, str | None]:
    """Split "Market Snapshot (2025)" into ("Market Snapshot", "2025") and
    "Industry Lens: Fintech" into ("Industry Lens", "Fintech")."""
    text = heading.strip().rstrip(":").strip()
    # "Base (qualifier)": the last "(" when no ")" stands inside it; found by position,
    # not by a pattern that would backtrack over a long line of spaces.
    opened = text.rfind("(")
    if text.endswith(")") and opened > 0 and ")" not in text[opened + 1:-1]:
        return text[:opened].strip(), text[opened + 1:-1].strip()
    if ":" in text:
        base, _, rest = text.partition(":")
        return base.strip(), rest.strip() or None
    return text, None


def _variants(spec: SectionSpec) -> tuple[str, ...]:
    return (spec.name, *spec.aliases)


_SECTION_INDEX: dict[str, SectionSpec] = {
    normalize_heading(variant): spec for spec in CATALOG for variant in _variants(spec)
}


def match_section(heading: str) -> SectionSpec | None:
    """The catalog section a level-2 heading names, or None."""
    normalized = normalize_heading(heading)
    if normalized in _SECTION_INDEX:
        return _SECTION_INDEX[normalized]
    base, _ = split_qualifier(heading)
    spec = _SECTION_INDEX.get(normalize_heading(base))
    if spec is not None:
        return spec
    for spec in CATALOG:
        if spec.open_suffix and normalized.startswith(normalize_heading(spec.name) + " "):
            return spec
    return None


def match_subsection(spec: SectionSpec, heading: str) -> str | None:
    """The catalog subsection of `spec` that a level-3 heading names, or None."""
    normalized = normalize_heading(heading)
    base = normalize_heading(split_qualifier(heading)[0])
    for name in spec.subsections:
        if normalized == normalize_heading(name) or base == normalize_heading(
                split_qualifier(name)[0]):
            return name
    return None


def all_headings() -> list[tuple[int, str]]:
    """Every catalog heading as (level, canonical text), sections and subsections."""
    headings: list[tuple[int, str]] = []
    for spec in CATALOG:
        headings.append((2, spec.heading))
        headings.extend((3, sub) for sub in spec.subsections)
    return headings
