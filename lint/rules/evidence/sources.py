"""E007-E009: what the sources themselves say: stale sources (by kind), the same source
twice, and a Compensation section with no pay figure and no source for pay."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import footnote_refs
from reportlint.document.units import Kind
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import data_key, load_data, strings
from reportlint.rules.evidence.claims import YEAR
from reportlint.rules.evidence.references import (
    defined_sources,
    evidence_pattern,
    source_offset,
    word_patterns,
)
from reportlint.rules.registry import Context, Count, Rule, RuleOptions, register

if TYPE_CHECKING:
    from reportlint.schema import Source


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
            pattern = word_patterns(tuple(strings(entry.get("words"))))
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
    figure = evidence_pattern(context, "figures")
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
        for index, source in enumerate(defined_sources(doc)):
            years = [int(y) for y in YEAR.findall(source.published or "")]
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
            yield Hit(message, offset=source_offset(doc, index),
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
        for index, source in enumerate(defined_sources(doc)):
            offset = source_offset(doc, index)
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
        pattern = evidence_pattern(context, "pay_figures")
        if heading is None or pattern is None:
            return
        prose = [u for u in doc.units_in("compensation") if u.kind is not Kind.HEADING]
        if not prose or any(pattern.search(u.text) or footnote_refs(u.text) for u in prose):
            return
        yield Hit('"Compensation & Leveling" names no pay figure or range, and cites no '
                  "source for pay", offset=heading.offset)
