"""Evidence rules: claims carry citations, citations point at defined sources, and the
sources are complete, current and listed once.

A claim is what `reportlint.claims` says it is; it is backed when a footnote reference
(`[^id]`) stands in the sentence or anywhere on its bullet or paragraph. The Sources
section belongs to this category: an empty one is E004's, not the structure rules'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlint.claims import ClaimCue, claim_detector
from reportlint.data import data_key, load_data, strings
from reportlint.document import Document, Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.registry import Context, Rule, register
from reportlint.text import Sentence, footnote_refs

if TYPE_CHECKING:
    from reportlint.schema import Source

# Units that never hold claims: headings, FAQ questions, proof-map cells, the sources.
_NOT_PROSE = (Kind.HEADING, Kind.QUESTION, Kind.CELL, Kind.FOOTNOTE)
_NO_CLAIMS_IN = ("sources", "related")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def unbacked_claims(doc: Document, context: Context) -> Iterator[tuple[Sentence, ClaimCue]]:
    """Every claim with no footnote reference in its sentence, bullet or paragraph."""
    detector = claim_detector(context.config)
    for sentence in doc.sentences:
        unit = sentence.unit
        if unit.kind in _NOT_PROSE or unit.section in _NO_CLAIMS_IN:
            continue
        if footnote_refs(unit.text):
            continue
        cue = detector.find(sentence.text)
        if cue is not None:
            yield sentence, cue


def _sources(doc: Document) -> list[Source]:
    section = getattr(doc.report, "sources", None)
    return list(section.entries) if section is not None else []


def _source_offset(doc: Document, index: int) -> int | None:
    return doc.paths.get(("sources", "entries", index), doc.paths.get(("sources",)))


def _citing_units(doc: Document) -> Iterator[Unit]:
    return (unit for unit in doc.units if unit.kind is not Kind.FOOTNOTE)


@lru_cache(maxsize=8)
def _patterns(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    if not entries:
        return None
    joined = "|".join(f"(?:{entry})" for entry in entries)
    return re.compile(rf"(?<![\w'’-])(?:{joined})(?![\w'’])", re.IGNORECASE)


def _evidence_pattern(context: Context, name: str) -> re.Pattern[str] | None:
    data = load_data("evidence", context.config) or {}
    return _patterns(tuple(str(entry) for entry in data.get(name, [])))


@register
class UnbackedClaim(Rule):
    """A factual claim about the market with no citation.

    **What it does.** Finds each sentence or bullet that states a figure, a date, a
    comparison, a trend, a forecast, a quantity over the market ("most teams",
    "often") or someone's findings ("studies show"), and has no footnote reference in
    the sentence or on its bullet or paragraph. The finding names the cue, so the
    writer can judge. Advice and instructions, questions, checklists and plan labels,
    the writer's own recommendations, definitions and the report describing itself
    are not claims. The cues are data (`lint/data/claim_cues.yaml`).

    **Why is this bad?** A reader cannot tell what is known from what was written to
    fill a slot; an uncited trend reads as fact and gets repeated as one.

    **Example.** `- Hiring for payments support analysts is rising.` gives `E001
    uncited claim (trend "rising")`. Use instead: cite it, `...is rising.[^indeed-2025]`,
    or say what the reader can check ("Ask how many analysts the team hired this year").
    """

    code = "E001"
    name = "unbacked-claim"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        for sentence, cue in unbacked_claims(doc, context):
            yield Hit(f"uncited claim ({cue}): add a footnote reference to a source, or "
                      "reword it as advice", offset=sentence.offset(),
                      end_offset=sentence.unit.offset(sentence.end),
                      data=(("cue", cue.kind), ("cue_text", cue.text)))


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
        defined = {source.id for source in _sources(doc)}
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
        for index, source in enumerate(_sources(doc)):
            if source.id not in cited:
                yield Hit(f"source [^{source.id}] is never cited",
                          offset=_source_offset(doc, index), section="Sources & Further Reading")


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
        if doc.report is None or _sources(doc):
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
    `lint/data/evidence.yaml`).

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
        pattern = _evidence_pattern(context, "source_pointers")
        if doc.report is None or _sources(doc) or pattern is None:
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
        for index, source in enumerate(_sources(doc)):
            missing = [what for what, value in (
                ("URL", source.url), ("publisher", source.publisher),
                ("date", source.published or source.accessed)) if not value]
            if missing:
                listed = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1
                                     else missing)
                yield Hit(f"source [^{source.id}] has no {listed}",
                          offset=_source_offset(doc, index), section="Sources & Further Reading")


@dataclass(frozen=True, slots=True)
class _SourceKind:
    name: str
    stays_current: bool
    words: re.Pattern[str]


def _source_kinds(context: Context) -> tuple[_SourceKind, ...]:
    data = (load_data("evidence", context.config) or {}).get("source_kinds")
    return _compile_kinds(data_key("evidence", context.config), data) \
        if isinstance(data, dict) else ()


_KINDS_MEMO: dict[str, tuple[_SourceKind, ...]] = {}


def _compile_kinds(key: str, data: dict[str, object]) -> tuple[_SourceKind, ...]:
    if key not in _KINDS_MEMO:
        kinds = []
        for name, entry in data.items():
            if not isinstance(entry, dict):
                continue
            pattern = _patterns(tuple(strings(entry.get("words"))))
            if pattern is not None:
                kinds.append(_SourceKind(str(name), entry.get("stays_current") is True, pattern))
        _KINDS_MEMO[key] = tuple(kinds)
    return _KINDS_MEMO[key]


def _kind_of(source: Source, kinds: tuple[_SourceKind, ...]) -> _SourceKind | None:
    # The publisher may stand after the title, with the date: "…", O'Reilly Media, 2016.
    text = f"{source.title or ''}\n{source.publisher or ''}\n{source.published or ''}"
    return next((kind for kind in kinds if kind.words.search(text)), None)


def _figures_backed(doc: Document, context: Context) -> dict[str, int]:
    """Each source cited in a sentence that holds a figure, with that sentence's offset."""
    figure = _evidence_pattern(context, "figures")
    backed: dict[str, int] = {}
    if figure is None:
        return backed
    for sentence in doc.sentences:
        if sentence.unit.kind is Kind.FOOTNOTE or "[^" not in sentence.text:
            continue
        refs = footnote_refs(sentence.text)
        plain = _FOOTNOTE_REF.sub(" ", sentence.text)
        if refs and figure.search(plain):
            for label, _ in refs:
                backed.setdefault(label, sentence.unit.offset(sentence.start))
    return backed


_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")


@register
class StaleSource(Rule):
    """A source published long before the report's year, said with what kind it is.

    **What it does.** Reports each source whose `published` date is more than
    `max_age_years` (default 5; config `rules: {E007: {max_age_years: 3}}`) before the
    report's year, naming its kind (salary data, job-posting data, employment
    statistics, survey...) from words in its title, publisher and date (`source_kinds` in
    `lint/data/evidence.yaml`). Laws, regulations, standards, books and guides stay the
    reference for years and are left alone. A finding is info, and a warning when a
    sentence cites the source after a figure (a pay figure, a percentage, a count):
    that figure is as old as its source.

    **Why is this bad?** Pay, demand and hiring data age fast; a 2025 report resting on
    2017 figures describes a market that no longer exists. An old article cited for an
    idea matters less, so it is only noted.

    **Example.** In a 2025 report, `- Mid-level pay is £55k–£70k.[^salary]` with
    `[^salary]: Example Recruiting. "Salary Guide", 2017. https://example.org/guide`
    gives the warning `E007 source [^salary] (salary data) is from 2017, 8 years before
    the report (2025), and backs a figure on line 12`. Use instead: the current
    edition, or say why the old one still holds. `[^flsa]: U.S. Congress. "Fair Labor
    Standards Act", 1938.` is left alone.
    """

    code = "E007"
    name = "stale-source"
    category = Category.EVIDENCE
    severity = Severity.INFO

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        if doc.meta is None:
            return
        limit = context.number_option(self, "max_age_years", 5, least=0)
        kinds = _source_kinds(context)
        backed: dict[str, int] | None = None
        for index, source in enumerate(_sources(doc)):
            years = [int(y) for y in _YEAR.findall(source.published or "")]
            if not years:
                continue
            age = doc.meta.year - max(years)
            if age <= limit:
                continue
            kind = _kind_of(source, kinds)
            if kind is not None and kind.stays_current:
                continue
            if backed is None:
                backed = _figures_backed(doc, context)
            named = f" ({kind.name})" if kind is not None else ""
            message = (f"source [^{source.id}]{named} is from {max(years)}, {age} years before "
                       f"the report ({doc.meta.year})")
            severity = None
            if source.id in backed:
                line, _ = doc.position(backed[source.id])
                message += f", and backs a figure on line {line}"
                severity = Severity.WARNING
            yield Hit(message, offset=_source_offset(doc, index),
                      section="Sources & Further Reading", severity=severity,
                      data=(("kind", kind.name if kind is not None else "source"),))


def _url_key(url: str) -> str:
    """The same page however it is written: scheme, "www.", case of the host, a trailing
    slash and a fragment do not matter."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    text = text.split("#", 1)[0].rstrip("/")
    host, _, path = text.partition("/")
    host = host.casefold().removeprefix("www.")
    return f"{host}/{path}" if path else host


@register
class DuplicateSource(Rule):
    """The same source defined twice: the same URL, or the same id.

    **What it does.** Reports each source definition whose URL (scheme, "www.", a
    trailing slash and a fragment aside) or id was already defined, naming the first.

    **Why is this bad?** Two ids for one page split its citations and make the list
    look longer than the evidence is; two definitions of one id leave it unclear which
    one a reference means.

    **Example.** `[^bls]` and `[^bls-oes]` both defined as `https://www.bls.gov/oes/`
    gives `E008 source [^bls-oes] has the same URL as [^bls] (line 240)`. Use instead:
    keep one id and cite it everywhere.
    """

    code = "E008"
    name = "duplicate-source"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        by_url: dict[str, tuple[str, int | None]] = {}
        by_id: dict[str, int | None] = {}
        for index, source in enumerate(_sources(doc)):
            offset = _source_offset(doc, index)
            if source.id in by_id:
                yield Hit(f"source id [^{source.id}] is defined twice{_at(doc, by_id[source.id])}",
                          offset=offset, section="Sources & Further Reading")
            else:
                by_id[source.id] = offset
            key = _url_key(source.url) if source.url else None
            if key is None:
                continue
            if key in by_url and by_url[key][0] != source.id:
                first, first_offset = by_url[key]
                yield Hit(f"source [^{source.id}] has the same URL as [^{first}]"
                          f"{_at(doc, first_offset)}", offset=offset,
                          section="Sources & Further Reading")
            by_url.setdefault(key, (source.id, offset))


def _at(doc: Document, offset: int | None) -> str:
    return f" (line {doc.position(offset)[0]})" if offset is not None else ""


@register
class CompensationWithoutFigures(Rule):
    """A Compensation & Leveling section with no pay figure and no source for pay.

    **What it does.** Reports the section (at its heading) when none of its text gives
    an amount of money or a pay range (`pay_figures` in `lint/data/evidence.yaml`) and
    none of it cites a source where the reader could find one. Info by default: some
    publishers choose not to publish pay. A figure that is given but not cited is
    E001's (with the figure as its cue), not reported again here.

    **Why is this bad?** Readers come to this section for numbers; a list of "factors
    that affect pay" without one anchor leaves them negotiating blind.

    **Example.** A section of bullets like "Shift differentials and on-call pay vary by
    employer" and no amount gives `E009 "Compensation & Leveling" names no pay figure or
    range, and cites no source for pay`. Use instead: `- The BLS reports a median annual
    wage of $60,340 for computer user support specialists (May 2024).[^bls-ooh]`, or at
    least point to the data: `- Check the OES wage percentiles for your metro.[^bls-oes]`.
    """

    code = "E009"
    name = "compensation-without-figures"
    category = Category.EVIDENCE
    severity = Severity.INFO

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        heading = doc.heading_for("compensation")
        pattern = _evidence_pattern(context, "pay_figures")
        if heading is None or pattern is None:
            return
        prose = [u for u in doc.units_in("compensation") if u.kind is not Kind.HEADING]
        if not prose or any(pattern.search(u.text) or footnote_refs(u.text) for u in prose):
            return
        yield Hit('"Compensation & Leveling" names no pay figure or range, and cites no '
                  "source for pay", offset=heading.offset)
