"""E002-E006: footnote references and the Sources section: references that point nowhere,
sources nothing cites, an empty Sources section, dangling pointers, incomplete sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlint.document.model import Document
from reportlint.document.text import footnote_refs
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import load_data
from reportlint.language.data.patterns import remembered_pattern
from reportlint.rules.evidence.claims import unbacked_claims
from reportlint.rules.registry import Context, Rule, register

if TYPE_CHECKING:
    from reportlint.schema import Source


def defined_sources(doc: Document) -> list[Source]:
    section = getattr(doc.report, "sources", None)
    return list(section.entries) if section is not None else []


def source_offset(doc: Document, index: int) -> int | None:
    return doc.paths.get(("sources", "entries", index), doc.paths.get(("sources",)))


def _citing_units(doc: Document) -> Iterator[Unit]:
    return (unit for unit in doc.units if unit.kind is not Kind.FOOTNOTE)


@lru_cache(maxsize=8)
def word_patterns(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    if not entries:
        return None
    joined = "|".join(f"(?:{entry})" for entry in entries)
    return remembered_pattern(rf"(?<![\w'’-])(?:{joined})(?![\w'’])", re.IGNORECASE)


def evidence_pattern(context: Context, name: str) -> re.Pattern[str] | None:
    data = load_data("evidence", context.config) or {}
    return word_patterns(tuple(str(entry) for entry in data.get(name, [])))


@register
class UndefinedReference(Rule):
    """A footnote reference to a source that is not defined.

    **What it does.** Reports each `[^id]` in the text whose id has no definition
    under "Sources & Further Reading" (in YAML: no entry in `sources` with that id).

    **Why is this bad?** The reference renders as literal `[^id]` text, and the claim
    it was meant to back is as unsupported as if it had none.

    **Example.** `...grew 12% in 2025.[^bls-oes]` with no `[^bls-oes]:` line gives
    `E002 footnote [^bls-oes] has no definition`. Use instead: add
    `[^bls-oes]: U.S. Bureau of Labor Statistics. "Occupational Employment and Wage
    Statistics", May 2024. https://www.bls.gov/oes/` under the Sources heading.
    """

    code = "E002"
    name = "undefined-reference"
    category = Category.EVIDENCE
    severity = Severity.ERROR

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        defined = {source.id for source in defined_sources(doc)}
        for unit in _citing_units(doc):
            for label, start in footnote_refs(unit.text):
                if label not in defined:
                    yield Hit(f"footnote [^{label}] has no definition", offset=unit.offset(start))


@register
class UnusedSource(Rule):
    """A source that no text cites.

    **What it does.** Reports each source definition whose id is never referenced by a
    `[^id]` in the report's text.

    **Why is this bad?** A source nobody cites pads the list without backing anything,
    and often means the sentence that cited it was edited away and is now unbacked.

    **Example.** `[^ons-vacancies]: Office for National Statistics. "Vacancies and jobs
    in the UK", November 2025. https://www.ons.gov.uk/...` with no `[^ons-vacancies]` in
    the text gives `E003 source [^ons-vacancies] is never cited`. Use instead: cite it
    after the claim it supports, or remove it.
    """

    code = "E003"
    name = "unused-source"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        cited = {label for unit in _citing_units(doc) for label, _ in footnote_refs(unit.text)}
        for index, source in enumerate(defined_sources(doc)):
            if source.id not in cited:
                yield Hit(f"source [^{source.id}] is never cited",
                          offset=source_offset(doc, index), section="Sources & Further Reading")


@register
class EmptySources(Rule):
    """A Sources section with no source in it, or none at all in a report that makes claims.

    **What it does.** Reports a "Sources & Further Reading" section that holds no
    footnote definition (whatever text stands there instead), with the number of
    uncited claims the report makes. When the section is missing and the configuration
    does not require it (so S001 is silent), reports a report that makes claims
    anyway.

    **Why is this bad?** The page promises sources and delivers none; every claim in it
    is unbacked, and the reader cannot check any of them.

    **Example.** "## Sources & Further Reading" followed only by a link to a methodology
    page gives `E004 "Sources & Further Reading" has no source definitions; the report
    makes 14 uncited claims`. Use instead: one `[^id]: Publisher.
    "Title", date. URL` line per source, cited where the claims stand.
    """

    code = "E004"
    name = "empty-sources"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        if doc.report is None or defined_sources(doc):
            return
        claims = sum(1 for _ in unbacked_claims(doc, context))
        made = f"; the report makes {claims} uncited claim{'s' if claims != 1 else ''}"
        heading = doc.heading_for("sources")
        if heading is not None:
            yield Hit('"Sources & Further Reading" has no source definitions (footnote '
                      'lines such as [^bls-oes]: Publisher. "Title", date. URL)'
                      + (made if claims else ""), offset=heading.offset)
        elif claims and not _sources_required(context):
            yield Hit(f'no "Sources & Further Reading" section{made}',
                      offset=len(doc.source.rstrip("\n")))


def _sources_required(context: Context) -> bool:
    return "sources" in context.required_sections()


@register
class DanglingSourcePointer(Rule):
    """Text that points to sources when the report defines none.

    **What it does.** When the report has no source definitions, reports each phrase
    that tells the reader sources exist: "see sources below", "sources listed above",
    "according to our data", "our analysis of postings" (`source_pointers` in
    `lint/language/data/evidence.yaml`).

    **Why is this bad?** A promise of evidence that is not kept is worse than none: it
    borrows credibility the page does not have.

    **Example.** `- Salary samples from three recruiters (see sources below).` in a
    report with an empty Sources section gives `E005 "see sources below" points to
    sources, but the report defines none`. Use instead: define the sources and
    cite them, or drop the pointer.
    """

    code = "E005"
    name = "dangling-source-pointer"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        pattern = evidence_pattern(context, "source_pointers")
        if doc.report is None or defined_sources(doc) or pattern is None:
            return
        for unit in doc.units:
            if unit.kind in (Kind.HEADING, Kind.FOOTNOTE):
                continue
            for match in pattern.finditer(unit.text):
                yield Hit(f'"{match.group(0)}" points to sources, but the report defines none',
                          offset=unit.offset(match.start()), end_offset=unit.offset(match.end()))


@register
class IncompleteSource(Rule):
    """A source with no URL, publisher or date.

    **What it does.** Reports each source definition missing any of: a URL, a publisher,
    a date (published, or at least accessed). In Markdown the house form is
    `[^id]: Publisher. "Title", Published. URL (accessed YYYY-MM-DD)`.

    **Why is this bad?** A reader cannot find, weigh or date a source given only as a
    title; "BLS data" could be any of a thousand tables from any year.

    **Example.** `[^bls]: BLS wage data.` gives `E006 source [^bls] has no URL, publisher
    or date`. Use instead: `[^bls]: U.S. Bureau of Labor Statistics. "Occupational
    Employment and Wage Statistics", May 2024. https://www.bls.gov/oes/ (accessed
    2025-11-30)`.
    """

    code = "E006"
    name = "incomplete-source"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        for index, source in enumerate(defined_sources(doc)):
            missing = [what for what, value in (
                ("URL", source.url), ("publisher", source.publisher),
                ("date", source.published or source.accessed)) if not value]
            if missing:
                listed = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1
                                     else missing)
                yield Hit(f"source [^{source.id}] has no {listed}",
                          offset=source_offset(doc, index), section="Sources & Further Reading")
