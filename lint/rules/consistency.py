"""Consistency rules: the report names its role, industry, region and year the same
way everywhere, starting with its title. (The rules about the role's name and
vocabulary are in `roles.py`.)"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from reportlint.document.model import Document
from reportlint.document.text import PhraseMatcher, normalize
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data.patterns import remembered_pattern
from reportlint.language.vocabulary import Markets, markets_for
from reportlint.rules.registry import Context, Rule, register
from reportlint.rules.roles.facts import role_facts
from reportlint.schema import split_qualifier


@register
class TitleMismatch(Rule):
    """The title does not agree with the front matter's role, industry, region or year.

    **What it does.** Checks that the title names the report's role, industry, region
    and year as the front matter gives them (case, quotes and punctuation aside).

    **Why is this bad?** Titles are copied from the previous report in a series; a 2025
    report titled "... 2024" or a Data Engineer report titled for a Data Analyst is the
    first thing a reader and a search engine see.

    **Example.** `title: US Data Analyst Retail Market Analysis 2024` with `role: Data
    Engineer` and `year: 2025` gives `C001 title does not name the role "Data Engineer"
    or the year 2025`. Use instead: `US Data Engineer Retail Market Analysis 2025`.
    """

    code = "C001"
    name = "title-mismatch"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        meta = doc.meta
        if meta is None:
            return
        title = f" {normalize(meta.title)} "
        missing = [f'the {what} "{value}"' if what != "year" else f"the year {value}"
                   for what, value in (("role", meta.role), ("industry", meta.industry),
                                       ("region", meta.region), ("year", meta.year))
                   if f" {normalize(str(value))} " not in title]
        if missing:
            listed = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
            offset = doc.meta_offsets.get("title", 0)
            yield Hit(f"title does not name {listed}", offset=offset, section="front matter")


_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")


@register
class TemplatedHeadingMismatch(Rule):
    """A templated heading names another year, industry or region than the front matter.

    **What it does.** Reads the parts of "Market Snapshot ({year})", "Industry Lens:
    {industry}" and "Compensation & Leveling ({region})" that the template fills in, and
    flags a year other than `year`, an industry other than `industry` (or another name
    for it, see `markets.yaml`), or a known region other than `region`. A heading
    without the part is fine.

    **Why is this bad?** These headings are copied with last year's or another market's
    report; the section under a stale heading usually needs checking too, which is why
    no automatic fix is offered.

    **Example.** `## Market Snapshot (2024)` in a `year: 2025` report gives `C006
    "Market Snapshot (2024)" names 2024; the report is for 2025`. Use instead: `##
    Market Snapshot (2025)`, after checking the section's figures.
    """

    code = "C006"
    name = "templated-heading-mismatch"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        meta = doc.meta
        if meta is None:
            return
        markets = markets_for(context.config)
        for heading in doc.outline:
            if heading.level != 2 or heading.key not in (
                    "market_snapshot", "industry_lens", "compensation"):
                continue
            _, part = split_qualifier(heading.text)
            if not part:
                continue
            problem = None
            if heading.key == "market_snapshot":
                years = _YEAR.findall(part)
                if years and str(meta.year) not in years:
                    problem = f"names {', '.join(years)}; the report is for {meta.year}"
            elif heading.key == "industry_lens":
                if not _names_industry(part, meta.industry, markets):
                    problem = f'names "{part}"; the report\'s industry is {meta.industry}'
            else:
                named = _regions_named(part, markets)
                if named and not any(markets.same_region(name, meta.region) for name in named):
                    problem = f"names {named[0]}; the report's region is {meta.region}"
            if problem:
                yield Hit(f'"{heading.text}" {problem}', offset=heading.offset)


def _names_industry(text: str, industry: str, markets: Markets) -> bool:
    if f" {normalize(industry)} " in f" {normalize(text)} ":
        return True
    return markets.same_industry(text, industry)


def _regions_named(text: str, markets: Markets) -> list[str]:
    pattern = _names_pattern(tuple(markets.region_names()))
    return [match.group(0) for match in pattern.finditer(text)] if pattern else []


@lru_cache(maxsize=32)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return remembered_pattern(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@register
class PublishedBeforeYear(Rule):
    """`published` falls before the report's year begins.

    **What it does.** Compares the front matter's `published` date with `year`: a
    report about 2025 cannot be published in 2024.

    **Why is this bad?** A date before the year means one of the two was copied from
    another report; readers and feeds sort and filter by both.

    **Example.** `year: 2025` with `published: 2024-11-02` gives `C007 published
    2024-11-02 is before the report's year, 2025, begins`. Use instead: the real
    publication date, such as `published: 2025-11-02`.
    """

    code = "C007"
    name = "published-before-year"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        meta = doc.meta
        if meta is None or meta.published >= dt.date(meta.year, 1, 1):
            return
        yield Hit(f"published {meta.published.isoformat()} is before the report's year, "
                  f"{meta.year}, begins", offset=doc.meta_offsets.get("published", 0),
                  section="front matter")


@register
class OtherIndustryOrRegion(Rule):
    """Prose names another industry or region in the report's own templated spot.

    **What it does.** Looks at the spots where report templates put the report's
    industry or region ("In {industry}, ...", "If you target {industry}", "{industry}
    reality", "for a {industry} buyer", "the {region} {industry} segment", "in the
    {region} market"; the `slots` of `markets.yaml`) and flags a known industry or region
    there that is not the front matter's.

    **Why is this bad?** These sentences were filled in for another market and copied
    over: "In Retail, ..." in a Healthcare report tells the reader the advice was written
    for someone else.

    **Example.** In an `industry: Healthcare` report, `In Retail, hiring follows the
    holiday peak.` gives `C008 names the industry "Retail" where the report's own goes;
    this report is about Healthcare`. Use instead: `In Healthcare, hiring follows the
    budget year.`
    """

    code = "C008"
    name = "other-industry-or-region"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        meta = doc.meta
        if meta is None:
            return
        facts = role_facts(doc, context)
        if facts is None:
            return
        markets = markets_for(context.config)
        others = _other_markets(markets, meta.industry, meta.region)
        for passage in facts.passages:
            if not others.find_in(passage.text, passage.words, passage.folded):
                continue  # most text names no other market: no slot to read
            seen: set[int] = set()
            for pattern in _slot_patterns(markets, passage.text):
                for match in pattern.finditer(passage.text):
                    for slot, own, same in (("industry", meta.industry, markets.same_industry),
                                            ("region", meta.region, markets.same_region)):
                        named = match.groupdict().get(slot)
                        start = match.start(slot) if named else -1
                        if not named or start in seen or same(named, own):
                            continue
                        seen.add(start)
                        yield Hit(f'names the {slot} "{named}" where the report\'s own goes; '
                                  f"this report is about {own}", offset=passage.at(start),
                                  end_offset=passage.at(match.end(slot) - 1) + 1)


@lru_cache(maxsize=32)
def _other_markets(markets: Markets, industry: str, region: str) -> PhraseMatcher[str]:
    """Finds the names of industries and regions other than the report's."""
    others = {name for name in markets.industry_names()
              if not markets.same_industry(name, industry)}
    others |= {name for name in markets.region_names() if not markets.same_region(name, region)}
    every = _every_market(markets)
    return every.without({name for name in _names(markets) if name not in others})


@lru_cache(maxsize=4)
def _every_market(markets: Markets) -> PhraseMatcher[str]:
    # Built once: a corpus has many industry and region pairs, and splitting every
    # name into words for each pair's matcher was a twentieth of a report's check.
    return PhraseMatcher((name, name) for name in _names(markets))


def _names(markets: Markets) -> list[str]:
    return [*markets.industry_names(), *markets.region_names()]


def _slot_patterns(markets: Markets, text: str) -> tuple[re.Pattern[str], ...]:
    """The slot patterns over the market names `text` holds. A name not in the text
    cannot match, so leaving it out changes no match; and alternations of a few names
    compile in a fraction of the ~10 ms that every industry and region name take (most
    of a one-file check's C008 time)."""
    folded, lowered = text.casefold(), text.lower()
    industries, regions = _market_names(markets)

    def present(names: tuple[tuple[str, str, str], ...]) -> tuple[str, ...]:
        return tuple(name for name, name_folded, name_lowered in names
                     if name_folded in folded or name_lowered in lowered)

    return _compiled_slots(tuple(markets.slots), present(industries), present(regions))


@lru_cache(maxsize=16)
def _market_names(markets: Markets) -> tuple[tuple[tuple[str, str, str], ...], ...]:
    """Industry and region names, longest first, each with its case-folded and
    lower-cased forms."""
    return tuple(tuple((name, name.casefold(), name.lower()) for name in names)
                 for names in (markets.industry_names(), markets.region_names()))


@lru_cache(maxsize=256)
def _compiled_slots(slots: tuple[str, ...], industries: tuple[str, ...],
                    regions: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    def names(group: str, values: tuple[str, ...]) -> str:
        alternatives = "|".join(re.escape(value) for value in values) or r"(?!x)x"
        return rf"(?<![\w-])(?P<{group}>{alternatives})(?![\w-])"

    compiled = []
    for slot in slots:
        try:
            text = slot.replace("{industry}", names("industry", industries), 1)
            text = text.replace("{region}", names("region", regions), 1)
            compiled.append(remembered_pattern(text, re.IGNORECASE))
        except (re.error, IndexError):
            continue  # a broken pattern in config data checks nothing rather than crash
    return tuple(compiled)
