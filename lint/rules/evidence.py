"""Evidence rules: claims carry citations, citations point at defined sources, and the
sources are complete, current and listed once.

A claim is what `reportlint.language.claims` says it is; it is backed when a footnote reference
(`[^id]`) stands in the sentence or anywhere on its bullet or paragraph. The Sources
section belongs to this category: an empty one is E004's, not the structure rules'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import Field
from reportlint.document.model import Document, TableNode
from reportlint.document.text import Sentence, fold, footnote_refs, strip_inline
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.claims import ClaimDetector, Verdict, claim_detector
from reportlint.language.data import data_key, load_data, strings
from reportlint.rules.registry import Context, Count, Rule, RuleOptions, register

if TYPE_CHECKING:
    from reportlint.schema import Source

# Units that never hold claims: headings, FAQ questions, proof-map cells, the sources.
_NOT_PROSE = (Kind.HEADING, Kind.QUESTION, Kind.CELL, Kind.FOOTNOTE)
_NO_CLAIMS_IN = ("sources", "related")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A reference that ends a lead-in, "Pay by level, 2025[^src]:", which footnote_refs
# leaves out (it reads "[^id]:" as a definition).
_LEAD_IN_REF = re.compile(r"\S\[\^[^\]\[\s]+\]:")


def _cites(text: str) -> bool:
    return bool(footnote_refs(text)) or _LEAD_IN_REF.search(text) is not None


def unbacked_claims(doc: Document, context: Context) -> Iterator[tuple[Sentence, Verdict]]:
    """Every claim with no footnote reference in its sentence, bullet or paragraph, or
    in the lead-in its bullet list hangs from ("Pay by level, per the 2025 survey[^x]:"),
    with the claim model's verdict (its cue, why it counts, a source it names)."""
    detector = claim_detector(context.config)
    lead_in: Unit | None = None
    previous: Unit | None = None
    follows: _WhatFollows | None = None
    cited = False
    for sentence in doc.sentences:
        unit = sentence.unit
        if unit is not previous:
            lead_in = _lead_in(lead_in, previous, unit)
            previous = unit
            follows = None
            # once per unit, not per sentence: a long paragraph is read in linear time
            cited = (unit.kind in _NOT_PROSE or unit.section in _NO_CLAIMS_IN
                     or bool(footnote_refs(unit.text))
                     or (lead_in is not None and _cites(lead_in.text)))
        if cited:
            continue
        if follows is None:
            follows = _WhatFollows(detector, unit.text)
        question, instruction = follows.after(sentence.end)
        verdict = detector.judge(sentence.text, unit.section, unit.subsection,
                                 before_question=question, before_instruction=instruction)
        if not verdict.is_claim:
            continue
        if verdict.source is None and lead_in is not None:
            named = detector.model.named_source(fold(strip_inline(lead_in.text)), lead_in.text)
            if named:
                verdict = replace(verdict, source=named)
        yield sentence, verdict


def _lead_in(lead_in: Unit | None, previous: Unit | None, unit: Unit) -> Unit | None:
    """The paragraph ending in a colon that the bullet list `unit` belongs to, if any."""
    if unit.kind is not Kind.BULLET:
        return None
    if (previous is not None and previous.kind is Kind.PARAGRAPH
            and previous.section == unit.section):
        return previous if previous.text.rstrip().endswith(":") else None
    return lead_in if previous is not None and previous.kind is Kind.BULLET else None


# How much of what follows a sentence is read for an instruction: its opening clauses
# and verb ("If the batch is late, explain ..."), never the rest of a long paragraph.
_FOLLOW_WINDOW = 1000


class _WhatFollows:
    """Whether a question to the reader ("The nightly batch now finishes two hours
    late. Where do you look first?"), or an instruction ("... Explain how you would
    check it."), follows a sentence in the same bullet or paragraph. The question
    marks and the reader's words are found once per unit, so a paragraph of many
    sentences is read in linear time."""

    def __init__(self, detector: ClaimDetector, text: str) -> None:
        self.detector, self.text = detector, text
        self.marks = [m.start() for m in _QUESTION_MARK.finditer(text)]
        self.reader = ([m.start() for m in detector.model.reader.finditer(text)]
                       if self.marks else [])

    def after(self, end: int) -> tuple[bool, bool]:
        text = self.text
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            return False, False
        question = False
        at = bisect_left(self.marks, start)
        if at < len(self.marks):
            word = bisect_left(self.reader, start)
            question = word < len(self.reader) and self.reader[word] < self.marks[at]
        following = fold(strip_inline(text[start:start + _FOLLOW_WINDOW])).lstrip(" *_")
        return question, self.detector.imperative_mood(following)


_QUESTION_MARK = re.compile(r"\?")


@dataclass(frozen=True, slots=True)
class UncitedTable:
    """A table of figures with no citation on it, its lead-in, its caption or its rows."""

    table: TableNode
    figures: tuple[tuple[Unit, str], ...]  # each figure cell, with its row and column
    source: str | None  # a source the lead-in or caption names without citing it
    end: int


def uncited_tables(doc: Document, context: Context) -> Iterator[UncitedTable]:
    """Tables whose cells state figures (pay, percentages, counts) with no footnote
    reference anywhere on the table, in the paragraph that leads into it or in the
    caption under it. Tables in advice and method sections, and the skills proof map,
    hold targets and plans, not market figures."""
    if not doc.tables:
        return
    detector = claim_detector(context.config)
    model = detector.model
    position = {unit.offset(): index for index, unit in enumerate(doc.units)}
    for table in doc.tables:
        if table.section in _NO_CLAIMS_IN or model.purpose(
                table.section, table.subsection) in ("advice", "method"):
            continue
        header = [cell.text for cell in table.header.cells]
        if model.skip_table.search(" | ".join(header)):
            continue
        cells = [cell for row in (table.header, *table.rows) for cell in row.cells]
        if any(footnote_refs(cell.text) for cell in cells):
            continue
        around = _around(doc, position, table)
        if any(_cites(unit.text) for unit in around):
            continue
        figures = tuple((cell, _cell_name(row.cells[0].text, header, column))
                        for row in table.rows for column, cell in enumerate(row.cells)
                        if _is_figure(detector, cell.text))
        if not figures:
            continue
        named = [model.named_source(unit.text) for unit in around]
        source = next((name for name in named if name), None)
        yield UncitedTable(table, figures, source, cells[-1].offset(len(cells[-1].text)))


def _is_figure(detector: ClaimDetector, text: str) -> bool:
    return any(cue.kind == "number" and any(ch.isdigit() for ch in cue.text)
               for cue in detector.cues_in(text))


def _cell_name(row_label: str, header: list[str], column: int) -> str:
    name = header[column] if column < len(header) else ""
    return " ".join(part for part in (row_label.strip(), name.strip()) if part) if column else ""


def _around(doc: Document, position: dict[int, int], table: TableNode) -> list[Unit]:
    """The paragraph just before the table (its lead-in) and just after it (a caption),
    when they stand in the same section."""
    first = position.get(table.header.cells[0].offset()) if table.header.cells else None
    if first is None:
        return []
    last = first
    while last + 1 < len(doc.units) and doc.units[last + 1].kind is Kind.CELL:
        last += 1
    around = []
    for index in (first - 1, last + 1):
        if 0 <= index < len(doc.units):
            unit = doc.units[index]
            if unit.kind in (Kind.PARAGRAPH, Kind.BULLET) and unit.section == table.section:
                around.append(unit)
    return around


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

    **What it does.** Finds each sentence, bullet or table that states something about
    the market with no footnote reference in the sentence, on its bullet or paragraph,
    or (for a table) on the table, its lead-in or its caption. A sentence is a claim
    when a cue says so and its role allows:

    - cues, by strength: *strong* — a figure (`$95k`, `12%`, "seventeen percent",
      "over 1,000", "a third of"), a date, someone's findings ("according to",
      "studies show"); *medium* — a trend ("rising"), a comparison ("more than",
      "out-earn"), a forecast ("projected to grow", "will replace", "by 2027");
      *weak* — a quantifier ("many", "often", "most", "typically"), "the most".
    - role: questions, instructions, conditionals, worked examples ("e.g. a 0.5%
      budget"), the set-up of an interview scenario, recommendations, definitions, a
      "Source:" line and the report describing itself are never claims. A strong cue
      is a claim wherever it is stated as fact (in an advice section only about the
      market or pay). A medium cue is one unless it is hedged ("may"), about the
      reader, said of "it"/"they", or in an advice section (Hiring Loop, Portfolio,
      Interview Prep, Career Roadmap, Action Plan: there only about the market) or a
      field note. A weak cue only when its subject is the market (employers, hiring,
      pay, postings; in the sections that state the market, also the trade's people:
      "most payroll specialists"), and never in advice, FAQ answers or field notes.
      In Methodology the report's own method ("We reviewed 200 postings") is not a
      claim; elsewhere it is.
    - a table of figures (pay by level, by city, percentiles) outside advice and
      method sections, with no citation on its cells, its lead-in or its caption, is
      one finding per table naming its figure cells.

    The finding names the cue and the reading that made it count. When the sentence
    names its source ("according to Glassdoor", "(U.S. Bureau of Labor Statistics, May
    2023)") the message asks to turn the name into a footnote instead of finding a
    source. Cues, section purposes and word lists are data
    (`lint/language/data/claim_cues.yaml`).

    **Why is this bad?** A reader cannot tell what is known from what was written to
    fill a slot; an uncited trend reads as fact and gets repeated as one.

    **Example.** `- Hiring for payments support analysts is rising.` gives `E001
    uncited claim (trend "rising") stated as fact in Market Snapshot`. Use instead:
    cite it, `...is rising.[^indeed-2025]`, or say what the reader can check ("Ask how
    many analysts the team hired this year").
    """

    code = "E001"
    name = "unbacked-claim"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        for sentence, verdict in unbacked_claims(doc, context):
            cue = verdict.cue
            assert cue is not None
            data: tuple[tuple[str, object], ...] = (
                ("cue", cue.kind), ("cue_text", cue.text), ("strength", cue.strength),
                ("why", verdict.why))
            if verdict.source:
                data += (("source", verdict.source),)
            yield Hit(_claim_message(verdict, sentence.unit), offset=sentence.offset(),
                      end_offset=sentence.unit.offset(sentence.end), data=data)
        for found in uncited_tables(doc, context):
            yield Hit(_table_message(found), offset=found.table.offset,
                      end_offset=found.end,
                      data=(("cue", "table"), ("cells", len(found.figures)))
                      + ((("source", found.source),) if found.source else ()))


_NAMED = ("turn the named source into a footnote: [^id] after the claim, and the "
          "source defined once under Sources & Further Reading")


def _claim_message(verdict: Verdict, unit: Unit) -> str:
    cue = verdict.cue
    assert cue is not None
    if verdict.source:
        return f'uncited claim ({cue}) names "{verdict.source}" but does not cite it: {_NAMED}'
    if cue.strength == "strong":
        return (f"uncited claim ({cue}): find a source and cite it with a footnote "
                "([^id] after the claim), or cut the figure" if cue.kind == "number" else
                f"uncited claim ({cue}): find a source and cite it with a footnote "
                "([^id] after the claim)")
    where = _section_name(unit)
    reading = verdict.why + (f" in {where}" if where else "")
    return (f"uncited claim ({cue}) {reading}: cite a source with a footnote ([^id]), "
            "or say whose view it is and how they know")


def _section_name(unit: Unit) -> str:
    heading = unit.section_heading or ""
    return re.sub(r"\s*\(.*\)\s*$", "", heading).strip()


def _table_message(found: UncitedTable) -> str:
    names = [f'{name} "{cell.text.strip()}"' if name else f'"{cell.text.strip()}"'
             for cell, name in found.figures[:3]]
    more = len(found.figures) - len(names)
    listed = ", ".join(names) + (f", and {more} more" if more else "")
    count = len(found.figures)
    what = f"uncited table ({count} figure{'s' if count != 1 else ''}: {listed})"
    if found.source:
        return f'{what} names "{found.source}" but does not cite it: {_NAMED}'
    return (f"{what}: no citation on the table, its lead-in or its rows; cite the "
            "table's source in the lead-in or a caption ([^id]), or on each row")


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


_FOOTNOTE_REF = re.compile(r"\[\^[^\]\[\s]+\]")


@register
class StaleSource(Rule):
    """A source published long before the report's year, said with what kind it is.

    **What it does.** Reports each source whose `published` date is more than
    `max_age_years` (default 5; config `rules: {E007: {max_age_years: 3}}`) before the
    report's year, naming its kind (salary data, job-posting data, employment
    statistics, survey...) from words in its title, publisher and date (`source_kinds` in
    `lint/language/data/evidence.yaml`). Laws, regulations, standards, books and guides stay the
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

    class Options(RuleOptions):
        max_age_years: Count = Field(5, description=(
            "a source dated more than this many years before the report's is stale"))

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        if doc.meta is None:
            return
        limit = context.number_option(self, "max_age_years", self.Options().max_age_years,
                                      least=0)
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
    an amount of money or a pay range (`pay_figures` in `lint/language/data/evidence.yaml`) and
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
