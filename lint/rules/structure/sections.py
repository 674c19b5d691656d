"""Structure rules for the sections: present, non-empty, known, once each and in order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reportlint.document.model import Document, Heading
from reportlint.document.text import fold
from reportlint.document.units import Kind
from reportlint.findings import Category, Fix, Hit, Severity
from reportlint.rules.registry import Context, Rule, register
from reportlint.schema import (
    CATALOG,
    SPECS_BY_KEY,
    SectionSpec,
    has_text,
    normalize_heading,
    split_qualifier,
)


def _heading_for(spec: SectionSpec, doc: Document) -> str:
    meta = doc.meta
    if meta is None:
        return spec.name
    return spec.render_heading(year=meta.year, industry=meta.industry, region=meta.region)


def _first_headings(doc: Document) -> dict[str, Heading]:
    first: dict[str, Heading] = {}
    for heading in doc.outline:
        if heading.level == 2 and heading.key and heading.key not in first:
            first[heading.key] = heading
    return first


@register
class MissingSection(Rule):
    """A required section is missing.

    **What it does.** Checks that every section the contract (or the config's
    `required_sections`) requires has its heading, and says where it belongs.

    **Why is this bad?** Readers and templates expect all of them; a report without
    "Sources & Further Reading" cannot back its claims.

    **Example.** A report that goes from "## Supply & Competition" to "## Hiring Loop
    (What interviews test)" gives `S001 missing required section "Skills & Signals (What
    gets interviews)"; it belongs before "Hiring Loop"`.
    """

    code = "S001"
    name = "missing-section"
    category = Category.STRUCTURE
    severity = Severity.ERROR

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        present = _first_headings(doc)
        order = [spec.key for spec in CATALOG]
        for key in context.required_sections():
            if key in present:
                continue
            spec = SPECS_BY_KEY[key]
            later = [present[k] for k in order[order.index(key) + 1:] if k in present]
            if later:
                anchor = min(later, key=lambda h: h.offset)
                where = f'; it belongs before "{SPECS_BY_KEY[anchor.key or key].name}"'
                offset = anchor.offset
            else:
                where, offset = " at the end of the report", len(doc.source.rstrip("\n"))
            yield Hit(f'missing required section "{_heading_for(spec, doc)}"{where}',
                      offset=offset, section=spec.name)




@register
class EmptySection(Rule):
    """A section or subsection with nothing under its heading.

    **What it does.** Reports a required section with no paragraph, bullet or table
    (for FAQ: no answered question), and any subsection left empty. A "Sources &
    Further Reading" section with no source definition is E004's (evidence).

    **Why is this bad?** An empty heading is a template slot nobody filled; the
    published page shows a heading over nothing.

    **Example.** "## Demand Drivers" followed directly by "## Supply & Competition"
    gives `S002 section "Demand Drivers" is empty`. Use instead: the bullets that say
    what drives hiring for the role, or remove the heading if the report is a draft.
    """

    code = "S002"
    name = "empty-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        report = doc.report
        required = set(context.required_sections())
        for key, heading in _first_headings(doc).items():
            section = getattr(report, key, None)
            if section is None:
                continue
            spec = SPECS_BY_KEY[key]
            if key == "sources":
                continue  # what the sources section holds is evidence (E004)
            subsections = getattr(section, "subsections", [])
            entries = getattr(section, "entries", [])
            empty = not has_text(section.content) and not entries and not any(
                has_text(sub.content) for sub in subsections)
            if empty and key in required:
                yield Hit(f'section "{spec.name}" is empty', offset=heading.offset)
                continue
            yield from self._empty_subsections(doc, key, subsections)

    @staticmethod
    def _empty_subsections(doc: Document, key: str, subsections: list[Any]) -> Iterator[Hit]:
        headings = [h for h in doc.outline if h.level >= 3 and h.parent == key]
        for sub in subsections:
            if has_text(sub.content):
                continue
            heading = next((h for h in headings if h.text == sub.heading), None)
            if heading is not None:
                yield Hit(f'subsection "{sub.heading}" is empty', offset=heading.offset)


@register
class UnknownHeading(Rule):
    """A heading the section catalog does not know, often a typo or the wrong level.

    **What it does.** Compares each level-2 heading with the catalog's sections and each
    level-3 heading with its section's subsections (FAQ questions excepted), and
    suggests the closest catalog heading. A safe fix corrects a near-miss spelling.

    **Why is this bad?** An unrecognised heading is a section the site, the table of
    contents and every other rule cannot find.

    **Example.** "## Market Snapshott (2025)" gives `S003 unknown section heading "Market
    Snapshott (2025)"; did you mean "Market Snapshot"?`.
    """

    code = "S003"
    name = "unknown-heading"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        for heading in doc.outline:
            if heading.key is not None:
                continue
            if heading.level == 2:
                yield self._section(doc, heading)
            elif heading.level == 3 and heading.parent not in (None, "faq"):
                hit = self._subsection(doc, heading)
                if hit is not None:
                    yield hit
            elif heading.level not in (2, 3):
                yield Hit(f'unexpected level-{heading.level} heading "{heading.text}": sections '
                          "are level 2 and subsections level 3 (the title lives in front matter)",
                          offset=heading.offset)

    def _section(self, doc: Document, heading: Heading) -> Hit:
        base, _ = split_qualifier(heading.text)
        for spec in CATALOG:
            for sub in spec.subsections:
                if normalize_heading(split_qualifier(sub)[0]) == normalize_heading(base):
                    return Hit(f'"{heading.text}" is a subsection of "{spec.name}": use a '
                               "level-3 heading under it", offset=heading.offset)
        names = {name: spec for spec in CATALOG for name in (spec.name, *spec.aliases)}
        return self._suggest(doc, heading, base, list(names), "section")

    def _subsection(self, doc: Document, heading: Heading) -> Hit | None:
        spec = SPECS_BY_KEY.get(heading.parent or "")
        if spec is None:
            return None
        base, _ = split_qualifier(heading.text)
        section = next((s for s in CATALOG if normalize_heading(s.name) ==
                        normalize_heading(base)), None)
        if section is not None:
            return Hit(f'"{heading.text}" is a section: use a level-2 heading',
                       offset=heading.offset)
        if not spec.subsections:
            return Hit(f'"{spec.name}" has no subsections; "{heading.text}" is not one of the '
                       "report's headings", offset=heading.offset)
        names = [split_qualifier(sub)[0] for sub in spec.subsections]
        return self._suggest(doc, heading, base, names, f'subsection of "{spec.name}"')

    @staticmethod
    def _suggest(doc: Document, heading: Heading, base: str, names: list[str],
                 what: str) -> Hit:
        import difflib

        folded = {fold(n).casefold(): n for n in names}
        match = difflib.get_close_matches(fold(base).casefold(), list(folded), n=1, cutoff=0.6)
        message = f'unknown {what} heading "{heading.text}"'
        if not match:
            return Hit(message + "; see `reportlint rules` for the catalog",
                       offset=heading.offset)
        suggestion = folded[match[0]]
        ratio = difflib.SequenceMatcher(None, fold(base).casefold(), match[0]).ratio()
        # A colon glued to the next word ("Industry Len:s Logistics") is a typo across
        # the separator: replacing the words before it would keep the stray letters.
        mended = ratio >= 0.85 and not re.search(r":\S", heading.text)
        fix = _heading_fix(doc, heading, base, suggestion) if mended else None
        return Hit(f'{message}; did you mean "{suggestion}"?', offset=heading.offset, fix=fix)


def _heading_fix(doc: Document, heading: Heading, base: str, suggestion: str) -> Fix | None:
    """Replace the heading's words where they stand: after the `#`s in Markdown; in YAML,
    in its `heading:` value, or, for a section named by its key, the key by the catalog's
    key (unless that section is already there: a duplicate key would lose one of them)."""
    source = doc.source
    start: int | None = heading.offset
    if doc.format == "yaml" and heading.level == 2:
        spec = next((s for s in CATALOG if suggestion in (s.name, *s.aliases)), None)
        if spec is None or any(h.key == spec.key for h in doc.outline) or not source.startswith(
                f"{base}:", heading.offset):
            return None
        suggestion = spec.key
    elif doc.format == "yaml":
        start = next((u.offset() for u in doc.units if u.kind is Kind.HEADING
                      and u.text == heading.text and u.offset() >= heading.offset), None)
    if start is None or not source.startswith(base, start):
        return None
    return Fix(start, start + len(base), base, suggestion)


@register
class DuplicateSection(Rule):
    """The same section twice.

    **What it does.** Reports every later heading of a catalog section that already
    appeared (in YAML: a section key given twice), naming the line of the first.

    **Why is this bad?** Templates merged twice produce two "FAQ"s; readers see
    repeated content, and only one of them reaches the structured form.

    **Example.** A second "## FAQ" at line 210 gives `S004 section "FAQ" appears again;
    first at line 180`. Use instead: merge the two into one section.
    """

    code = "S004"
    name = "duplicate-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        first = _first_headings(doc)
        for heading in doc.outline:
            if heading.level == 2 and heading.key and first[heading.key] is not heading:
                line = doc.position(first[heading.key].offset)[0]
                yield Hit(f'section "{SPECS_BY_KEY[heading.key].name}" appears again; first at '
                          f"line {line}", offset=heading.offset)
        for problem in doc.problems:
            if problem.kind == "duplicate-section":
                yield Hit(problem.message, offset=problem.offset)


@register
class SectionOrder(Rule):
    """Sections out of the contract's order.

    **What it does.** Finds the fewest sections whose moving restores the catalog order
    (the rest form the longest run already in order) and reports each with where it
    belongs.

    **Why is this bad?** Readers navigate a series of reports by position; a template
    that shuffles sections reads as a different product.

    **Example.** "Demand Drivers" written before "Industry Lens" gives `S005 section
    "Demand Drivers" is out of order: it belongs after "Role Variants &
    Specializations"`.
    """

    code = "S005"
    name = "section-order"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        order = {spec.key: index for index, spec in enumerate(CATALOG)}
        headings = list(_first_headings(doc).values())
        ranks = [order[h.key or ""] for h in headings]
        keep = set(_longest_increasing(ranks))
        for index, heading in enumerate(headings):
            if index in keep:
                continue
            rank = ranks[index]
            before = [CATALOG[r].name for i, r in enumerate(ranks) if i in keep and r < rank]
            after = [CATALOG[r].name for i, r in enumerate(ranks) if i in keep and r > rank]
            where = (f'after "{before[-1]}"' if before else f'before "{after[0]}"'
                     if after else "elsewhere")
            yield Hit(f'section "{CATALOG[rank].name}" is out of order: it belongs {where}',
                      offset=heading.offset)


def _longest_increasing(values: list[int]) -> list[int]:
    """Indexes of one longest strictly increasing subsequence."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at] = value
            tail_index[at] = i
        previous[i] = tail_index[at - 1] if at else -1
    result = []
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        result.append(i)
        i = previous[i]
    return result[::-1]
