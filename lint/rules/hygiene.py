"""Hygiene rules: what a draft or a page template leaves behind. Placeholders, slots
filled with the same phrase everywhere, image captions, stray title lines, and lists
with nothing in them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import closest, fold, footnote_refs, normalize, words
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import load_data
from reportlint.language.slots import (
    Slot,
    SlotLimits,
    fills_slots,
    is_term,
    slot_units,
    template_slots,
)
from reportlint.language.subjects import subjects
from reportlint.rules.registry import Context, Count, Rule, RuleOptions, number, register
from reportlint.schema import CATALOG

_PROSE = (Kind.PARAGRAPH, Kind.BULLET)
_LINES = (Kind.PARAGRAPH, Kind.BULLET, Kind.HEADING, Kind.QUESTION)
_FURNITURE_TRIM = " \t*_#>|.!:·•↑↓←→⬆▲^«»›‹-"
_ENDS_SENTENCE = (".", "!", "?", ":", ";", ")", '"', "”", "’", "'", "]")


@lru_cache(maxsize=16)
def _compile(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    if not entries:
        return None
    return re.compile("|".join(f"(?:{entry})" for entry in entries), re.IGNORECASE)


def _pattern(context: Context, data: str, key: str) -> re.Pattern[str] | None:
    loaded = load_data(data, context.config) or {}
    return _compile(tuple(str(entry) for entry in loaded.get(key, [])))


def _setting(rule: Rule, context: Context, name: str, default: int) -> int:
    """A rule option from config, else the value in leftovers.yaml, else `default`."""
    data = (load_data("leftovers", context.config) or {}).get("slot_filler")
    packaged = number(data.get(name) if isinstance(data, dict) else None, default, least=0)
    return context.number_option(rule, name, packaged, least=0)


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@register
class Placeholder(Rule):
    """A placeholder or draft marker left in the text.

    **What it does.** Finds TODO, TBD, FIXME, XXX, "lorem ipsum", template slots such as
    `{{ role }}`, `{year}`, `[ROLE]`, `<COMPANY>` or `[insert email address]`, "insert …
    here", and promises of text never written ("(details to be added)") anywhere in the
    report: headings, text, tables, sources and front matter
    (`lint/language/data/placeholders.yaml`). Draft markers in lower case ("keep a
    to-do list"), named as things ("TODO comments in merged code") or in `code` are
    prose. Bracketed slots under a
    heading that offers the reader a template to copy ("Job description template") are
    left alone: they are there for the reader to fill in.

    **Why is this bad?** A placeholder in a published page says nobody finished it; a
    template slot left unfilled shows the reader the machinery.

    **Example.** `- Median base pay for [ROLE] in {{ region }}: TBD.` gives `H001
    placeholder "[ROLE]"` (and one for each other slot). Use instead: the role, the
    region and the figure, with its source.
    """

    code = "H001"
    name = "placeholder"
    category = Category.HYGIENE
    severity = Severity.ERROR

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        pattern = _pattern(context, "placeholders", "placeholders")
        if pattern is None:
            return
        for key, value in doc.raw_meta.items():
            for item in value if isinstance(value, list) else [value]:
                for match in pattern.finditer(item if isinstance(item, str) else ""):
                    yield Hit(f'placeholder "{match.group(0)}" in front matter "{key}"',
                              offset=doc.meta_offsets.get(key, 0), section="front matter")
        template = _pattern(context, "placeholders", "template_headings")
        for unit, in_template in _with_template_passages(doc, template):
            for match in pattern.finditer(unit.text):
                if _inside_link_target(unit.text, match.start()) or _inside_code(
                        unit.text, match.start()):
                    continue
                if in_template and match.group(0)[:1] in _SLOT_OPENERS:
                    continue
                yield Hit(f'placeholder "{_quote(match.group(0))}"',
                          offset=unit.offset(match.start()), end_offset=unit.offset(match.end()))


_SLOT_OPENERS = ("[", "{", "<", "$")


def _with_template_passages(doc: Document, template: re.Pattern[str] | None
                            ) -> Iterator[tuple[Unit, bool]]:
    """Each unit, and whether it stands under a heading that offers a template to copy."""
    open_headings: list[tuple[int, bool]] = []  # (level, offers a template)
    for unit in doc.units:
        if unit.kind is Kind.HEADING:
            level = _level_at(doc, unit.offset())
            open_headings = [h for h in open_headings if h[0] < level]
            open_headings.append((level, template is not None
                                  and template.search(unit.text) is not None))
        yield unit, any(offers for _, offers in open_headings)


_CODE_SPAN = re.compile(r"`[^`\n]+`")


def _inside_code(text: str, index: int) -> bool:
    """Inside `code`, where {{ braces }} and TODO are the code's, written about."""
    return "`" in text and any(span.start() < index < span.end()
                               for span in _CODE_SPAN.finditer(text))


def _inside_link_target(text: str, index: int) -> bool:
    """Inside the (url) of a Markdown link, where {braces} and CAPITALS are the URL's."""
    opening = text.rfind("](", 0, index)
    return opening != -1 and text.find(")", opening) >= index


# -- template slots --------------------------------------------------------------------

@register
class SlotFiller(Rule):
    """The same phrase poured into many template slots.

    **What it does.** Finds phrases that stand in a slot (after a label's colon or
    dash, or inside parentheses) and that the report puts in at least `min_units`
    (default 4) bullets or paragraphs; reports every line where such a phrase fills a
    slot, including a sentence that is only a short frame around it ("Budget around …").
    D002 counts how often a phrase is used; this rule points at the lines where a frame
    holds nothing else.

    What a report is about is left alone, however often it names it: its own role
    (plural, hyphenated or not: "front-end developers" in a Frontend Developer report),
    aliases, industry and region; any job title ("Job title: Backend Engineer",
    "registered nurses"; the title heads are in `lint/language/data/job_titles.yaml` and
    `occupation_heads` in `lint/language/data/stop_phrases.yaml`); and lists of named things
    ("HTML, CSS, and JavaScript"). A short phrase of up to `term_words` (3) content
    words in at most five, or of four content words and no function word, is usually a
    term the report is about
    ("patient safety", "data management"), so it counts only when it stands alone
    after a label or in parentheses in at least `term_label_slots` (2) units and in some
    slot in at least `term_slots` (3):
    "Reality check: long cycles.", "Constraints (long cycles)", "Plan around long cycles.".
    Options live under `slot_filler` in `lint/language/data/leftovers.yaml`.

    **Why is this bad?** A generator that fills "Watch out for: …", "Biggest blocker:
    …" and "Budget around …" with the same phrase produces lines that say nothing, and
    the wrong kind of phrase in a slot ("decide what you will own first: weekly trading
    reports for store managers") reads as nonsense.

    **Example.** `- Watch out for: credential verification delays.`, `- Biggest
    blocker: credential verification delays.` and `- Budget around credential
    verification delays.` in a report that names those delays in five places give `H002
    template slot filled with "credential verification delays", a phrase the report
    puts in 5 places` on each. Use instead: say what the delay is and what to do about it
    ("Provincial licence checks take two to six weeks; start them at offer"). Left
    alone: "Why it matters: patient safety." once in a Registered Nurse report that
    names patient safety in ten other sentences.
    """

    code = "H002"
    name = "slot-filler"
    category = Category.HYGIENE
    severity = Severity.WARNING

    class Options(RuleOptions):
        """Unset, the value under `slot_filler` in leftovers.yaml applies."""

        min_words: Count | None = Field(None, description=(
            "a slot filler has at least this many words"))
        max_words: Count | None = Field(None, description=(
            "and at most this many"))
        max_frame_words: Count | None = Field(None, description=(
            "the words of a frame around a slot (\"Plan around …\") at most"))
        min_units: Count | None = Field(None, description=(
            "the units (sentences, bullets, cells) a phrase must fill slots in to be reported"))
        term_words: Count | None = Field(None, description=(
            "a phrase of at most this many content words is a term of the trade and needs the two "
            "term_ counts below"))
        term_label_slots: Count | None = Field(None, description=(
            "units in which a term must stand alone after a label or in parentheses"))
        term_slots: Count | None = Field(None, description=(
            "units in which a term must fill some slot (frames included)"))

        @classmethod
        def defaults(cls) -> dict[str, object]:
            data = (load_data("leftovers") or {}).get("slot_filler") or {}
            return {name: data.get(name) for name in cls.model_fields}

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        limits = SlotLimits(_setting(self, context, "min_words", 2),
                            _setting(self, context, "max_words", 8),
                            _setting(self, context, "max_frame_words", 3))
        min_units = _setting(self, context, "min_units", 4)
        term_words = _setting(self, context, "term_words", 3)
        label_slots = _setting(self, context, "term_label_slots", 2)
        any_slots = _setting(self, context, "term_slots", 3)
        by_sentence = template_slots(doc, limits)
        texts = [f" {normalize(u.text)} " for u in doc.units if u.kind in _PROSE]
        placed = slot_units(by_sentence)
        about = subjects(doc, context.config)
        # A phrase is a slot filler once it stands after a label or in parentheses.
        fillers = {slot.phrase: slot for slots in reversed(by_sentence) for slot in slots
                   if not slot.framed}
        counts = {phrase: sum(1 for text in texts if f" {phrase} " in text)
                  for phrase, slot in fillers.items()
                  if not about.named(phrase.split(), slot.raw)
                  and (not is_term(phrase.split(), term_words, about.edge_words)
                       or fills_slots(phrase, placed, label_slots, any_slots))}
        for slots in by_sentence:
            kept: list[Slot] = []
            for slot in sorted(slots, key=lambda slot: slot.start):
                # "around long cycles" and "long cycles" in one frame: report it once.
                if counts.get(slot.phrase, 0) >= min_units and not any(
                        k.phrase.endswith(slot.phrase) for k in kept):
                    kept.append(slot)
            for slot in kept:
                count = counts[slot.phrase]
                yield Hit(f'template slot filled with "{_quote(slot.phrase)}", a phrase the '
                          f"report puts in {count} places", offset=slot.unit.offset(slot.start),
                          data=(("phrase", slot.phrase), ("count", count)))


# -- captions, stray lines, empty lists ------------------------------------------------

def _title_words(doc: Document) -> set[str]:
    title = doc.meta.title if doc.meta is not None else str(doc.raw_meta.get("title", ""))
    return set(words(title))


def _strip_caption(text: str, caption: re.Pattern[str]) -> tuple[str, bool]:
    """The text without its caption words, and whether it had any."""
    stripped, found = caption.subn(" ", fold(text))
    return " ".join(stripped.split()), found > 0


def _restates(text: str, title: set[str]) -> bool:
    found = words(text)
    return bool(title) and all(word in title for word in found)


@register
class LeftoverCaption(Rule):
    """An image caption left in the report: the title plus "report cover", or a tagged one.

    **What it does.** Reports a `cover_caption` in the front matter, or a line in the
    text, that consists of the title (or words of it) and caption words such as
    "report cover", "cover image" or "featured image" (`caption_words` in
    `lint/language/data/leftovers.yaml`), and a paragraph that starts with a caption tag such as
    "[Featured Image]" or "Photo by … on Unsplash" (`caption_tags`). A caption in the
    front matter that describes the picture is left alone, and so is prose about images.

    **Why is this bad?** Scraped or templated pages keep the alt text of the cover
    image; it repeats the title and tells the reader nothing, and a tagged caption in
    the body describes a picture the report does not show.

    **Example.** `cover_caption: UK Data Analyst Retail Market Analysis 2025 cover
    image` gives `H003 leftover image caption "UK Data Analyst Retail Market Analysis
    2025 cover image": it only restates the title`, and `[Featured Image] A nurse checks
    a chart at the station` gives `H003 leftover image caption "[Featured Image] A nurse
    checks…"`. Use instead: delete it, or describe the image in the front matter ("An
    analyst reviewing a store-level sales dashboard").
    """

    code = "H003"
    name = "leftover-caption"
    category = Category.HYGIENE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        caption = _pattern(context, "leftovers", "caption_words")
        if caption is None:
            return
        title = _title_words(doc)
        value = doc.raw_meta.get("cover_caption")
        if isinstance(value, str) and value.strip():
            rest, _ = _strip_caption(value, caption)
            if _restates(rest, title):
                yield Hit(f'leftover image caption "{_quote(value)}": it only restates the '
                          "title", offset=doc.meta_offsets.get("cover_caption", 0),
                          section="front matter")
        tags = _pattern(context, "leftovers", "caption_tags")
        for unit in doc.units:
            if unit.kind is not Kind.PARAGRAPH:
                continue
            if tags is not None and tags.match(unit.text.lstrip("*_ ")):
                yield Hit(f'leftover image caption "{_quote(unit.text)}"', offset=unit.offset())
                continue
            if unit.text.rstrip().endswith(_ENDS_SENTENCE):
                continue
            rest, had_caption = _strip_caption(unit.text, caption)
            if had_caption and rest and _restates(rest, title):
                yield Hit(f'leftover image caption "{_quote(unit.text)}"', offset=unit.offset())


@register
class StrayTitleLine(Rule):
    """A stray line: the title or a heading again, or the furniture of a web page.

    **What it does.** Reports a one-line paragraph with no closing punctuation whose
    words all come from the report's title (at least two of them), or that reads
    nearly like a section heading of the contract, standing as text; and a paragraph,
    bullet, heading or FAQ question that is nothing but page furniture: "Was this page
    helpful?", "Share this article", "Back to top", "Content has loaded"
    (`page_furniture` in `lint/language/data/leftovers.yaml`). The same words inside a sentence
    are prose.

    **Why is this bad?** A page template's title fragment or box heading, left as body
    text, shows as a stray line above the first section or inside one; a feedback
    widget or share bar scraped with the text is a button that does nothing on the page.

    **Example.** A line `Data Analyst Retail Market` before "## Executive Summary" in a
    report titled "US Data Analyst Retail Market Analysis 2025" gives `H004 stray line
    "Data Analyst Retail Market" repeats the title`; a line `Was this page helpful?`
    gives `H004 stray line "Was this page helpful?" is page furniture`. Use instead:
    delete the line.
    """

    code = "H004"
    name = "stray-title-line"
    category = Category.HYGIENE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        title = _title_words(doc)
        headings = [spec.name for spec in CATALOG]
        furniture = _pattern(context, "leftovers", "page_furniture")
        for unit in doc.units:
            text = unit.text.strip()
            if (furniture is not None and unit.kind in _LINES and "\n" not in text
                    and furniture.fullmatch(text.strip(_FURNITURE_TRIM))):
                yield Hit(f'stray line "{_quote(text)}" is page furniture', offset=unit.offset())
                continue
            if (unit.kind is not Kind.PARAGRAPH or "\n" in text or footnote_refs(text)
                    or text.endswith(_ENDS_SENTENCE) or not 2 <= len(words(text)) <= 12):
                continue
            if _restates(text, title):
                yield Hit(f'stray line "{_quote(text)}" repeats the title', offset=unit.offset())
            elif len(words(text)) <= 6 and (near := closest(text, headings, 0.8)):
                yield Hit(f'stray line "{_quote(text)}" reads like the heading "{near}"',
                          offset=unit.offset())


def _required(context: Context, key: str) -> bool:
    return key in context.required_sections()


def _next_units(units: list[Unit]) -> Iterable[tuple[Unit, Unit | None]]:
    return ((unit, units[i + 1] if i + 1 < len(units) else None) for i, unit in enumerate(units))


def _level_at(doc: Document, offset: int) -> int:
    """The level of the heading whose part holds `offset` (for a heading's own text, its
    level: in YAML the outline points at the `heading:` key, just before the text); 1
    before the first heading."""
    heading = doc.heading_at(offset)
    return 1 if heading is None else heading.level


@register
class EmptyList(Rule):
    """A list with nothing in it: an empty "Related" section, or a lead-in with no list.

    **What it does.** Reports a "Related" heading with no link under it (unless the
    configuration requires the section, when S002 reports it), and a line that
    introduces a list (it ends with a colon) followed directly by a heading that ends
    its part (one at the same level or above) or by the end of the report. A lead-in
    followed by sub-headings introduces them, and one followed by a table, a code block,
    a numbered list or a quote introduces that: both are left alone.

    **Why is this bad?** The template promised a list and the generator had nothing to
    put in it; readers see a heading or a colon over nothing.

    **Example.** `## Related on Example.com` as the report's last line gives `H005
    "Related on Example.com" lists nothing`, and `Where the work is:` directly above
    `## Role Definition` gives `H005 "Where the work is:" introduces a list that is not
    there`. Use instead: two or three links to related reports, or no heading; the list
    the lead-in promised, or no lead-in.
    """

    code = "H005"
    name = "empty-list"
    category = Category.HYGIENE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        heading = doc.heading_for("related")
        if heading is not None and not _required(context, "related") and not any(
                u.kind is not Kind.HEADING for u in doc.units_in("related")):
            yield Hit(f'"{heading.text}" lists nothing', offset=heading.offset)
        for unit, following in _next_units(doc.units):
            if not (unit.kind is Kind.PARAGRAPH and unit.text.rstrip().endswith(":")):
                continue
            end = unit.offset(len(unit.text))
            if following is None:
                between = doc.source[end:]
            elif following.kind is Kind.HEADING:
                # "Three things change:" over "### Pricing", "### Risk": the sub-parts
                # are what it introduces.
                if _level_at(doc, following.offset()) > _level_at(doc, unit.offset()):
                    continue
                between = doc.source[end:following.offset()]
            else:
                continue
            # In Markdown a code block, an HTML block or an image may stand between
            # without being a unit; the YAML form makes each of them a unit.
            if doc.format == "markdown" and not _only_markup(between):
                continue
            yield Hit(f'"{_quote(unit.text)}" introduces a list that is not there',
                      offset=unit.offset())


_MARKUP = re.compile(r"[\s#*_:>|-]*")


def _only_markup(text: str) -> bool:
    """Nothing but blank lines and heading marks: no content between two units."""
    return _MARKUP.fullmatch(text) is not None

