"""Hygiene rules: what a draft or a page template leaves behind. Placeholders, slots
filled with the same phrase everywhere, image captions, stray title lines, and lists
with nothing in them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from reportlint.data import load_data
from reportlint.document import Document, Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.registry import Context, Rule, number, register
from reportlint.schema import CATALOG
from reportlint.slots import Slot, SlotLimits, fills_slots, is_term, slot_units, template_slots
from reportlint.subjects import subjects
from reportlint.text import closest, fold, footnote_refs, normalize, words

_PROSE = (Kind.PARAGRAPH, Kind.BULLET)
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
    `{{ role }}`, `{year}`, `[ROLE]` or `<COMPANY>`, and "insert … here" anywhere in the
    report: headings, text, tables, sources and front matter (`lint/data/placeholders.yaml`).

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
        for unit in doc.units:
            for match in pattern.finditer(unit.text):
                if _inside_link_target(unit.text, match.start()):
                    continue
                yield Hit(f'placeholder "{_quote(match.group(0))}"',
                          offset=unit.offset(match.start()), end_offset=unit.offset(match.end()))


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
    "registered nurses"; the title heads are in `lint/data/job_titles.yaml` and
    `occupation_heads` in `lint/data/stop_phrases.yaml`); and lists of named things
    ("HTML, CSS, and JavaScript"). A short phrase of up to `term_words` (3) content
    words in at most five, or of four content words and no function word, is usually a
    term the report is about
    ("patient safety", "data management"), so it counts only when it stands alone
    after a label or in parentheses in at least `term_label_slots` (2) units and in some
    slot in at least `term_slots` (3):
    "Reality check: long cycles.", "Constraints (long cycles)", "Plan around long cycles.".
    Options live under `slot_filler` in `lint/data/leftovers.yaml`.

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
    """An image caption left in the report: the title again, plus "report cover".

    **What it does.** Reports a `cover_caption` in the front matter, or a line in the
    text, that consists of the title (or words of it) and caption words such as
    "report cover", "cover image" or "featured image" (`caption_words` in
    `lint/data/leftovers.yaml`). A caption that describes the picture is left alone.

    **Why is this bad?** Scraped or templated pages keep the alt text of the cover
    image; it repeats the title and tells the reader nothing.

    **Example.** `cover_caption: UK Data Analyst Retail Market Analysis 2025 cover
    image` gives `H003 leftover image caption "UK Data Analyst Retail Market Analysis
    2025 cover image": it only restates the title`. Use instead: delete it, or describe
    the image ("An analyst reviewing a store-level sales dashboard").
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
        for unit in doc.units:
            if unit.kind is not Kind.PARAGRAPH or unit.text.rstrip().endswith(_ENDS_SENTENCE):
                continue
            rest, had_caption = _strip_caption(unit.text, caption)
            if had_caption and rest and _restates(rest, title):
                yield Hit(f'leftover image caption "{_quote(unit.text)}"', offset=unit.offset())


@register
class StrayTitleLine(Rule):
    """A stray line that repeats the title or a heading.

    **What it does.** Reports a one-line paragraph with no closing punctuation whose
    words all come from the report's title (at least two of them), or that reads
    nearly like a section heading of the contract, standing as text.

    **Why is this bad?** A page template's title fragment or box heading, left as body
    text, shows as a stray line above the first section or inside one.

    **Example.** A line `Data Analyst Retail Market` before "## Executive Summary" in a
    report titled "US Data Analyst Retail Market Analysis 2025" gives `H004 stray line
    "Data Analyst Retail Market" repeats the title`. Use instead: delete the line.
    """

    code = "H004"
    name = "stray-title-line"
    category = Category.HYGIENE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        title = _title_words(doc)
        headings = [spec.name for spec in CATALOG]
        for unit in doc.units:
            text = unit.text.strip()
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


@register
class EmptyList(Rule):
    """A list with nothing in it: an empty "Related" section, or a lead-in with no list.

    **What it does.** Reports a "Related" heading with no link under it (unless the
    configuration requires the section, when S002 reports it), and a line that
    introduces a list (it ends with a colon) followed directly by a heading or the end
    of the report.

    **Why is this bad?** The template promised a list and the generator had nothing to
    put in it; readers see a heading or a colon over nothing.

    **Example.** `## Related on Example.com` as the report's last line gives `H005
    "Related on Example.com" lists nothing`. Use instead: two or three links to related
    reports, or no heading.
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
            if (unit.kind is Kind.PARAGRAPH and unit.text.rstrip().endswith(":")
                    and (following is None or following.kind is Kind.HEADING)):
                yield Hit(f'"{_quote(unit.text)}" introduces a list that is not there',
                          offset=unit.offset())

