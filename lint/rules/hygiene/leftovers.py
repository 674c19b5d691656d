"""H003 leftover-caption and H004 stray-title-line: image captions, title fragments and
page furniture left in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.document.model import Document
from reportlint.document.text import closest, fold, footnote_refs, words
from reportlint.document.units import Kind
from reportlint.findings import Category, Hit, Severity
from reportlint.rules.hygiene.common import (
    ENDS_SENTENCE,
    FURNITURE_TRIM,
    LINES,
    data_pattern,
    quote,
)
from reportlint.rules.registry import Context, Rule, register
from reportlint.schema import CATALOG

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
        caption = data_pattern(context, "leftovers", "caption_words")
        if caption is None:
            return
        title = _title_words(doc)
        value = doc.raw_meta.get("cover_caption")
        if isinstance(value, str) and value.strip():
            rest, _ = _strip_caption(value, caption)
            if _restates(rest, title):
                yield Hit(f'leftover image caption "{quote(value)}": it only restates the '
                          "title", offset=doc.meta_offsets.get("cover_caption", 0),
                          section="front matter")
        tags = data_pattern(context, "leftovers", "caption_tags")
        for unit in doc.units:
            if unit.kind is not Kind.PARAGRAPH:
                continue
            if tags is not None and tags.match(unit.text.lstrip("*_ ")):
                yield Hit(f'leftover image caption "{quote(unit.text)}"', offset=unit.offset())
                continue
            if unit.text.rstrip().endswith(ENDS_SENTENCE):
                continue
            rest, had_caption = _strip_caption(unit.text, caption)
            if had_caption and rest and _restates(rest, title):
                yield Hit(f'leftover image caption "{quote(unit.text)}"', offset=unit.offset())


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
        furniture = data_pattern(context, "leftovers", "page_furniture")
        for unit in doc.units:
            text = unit.text.strip()
            if (furniture is not None and unit.kind in LINES and "\n" not in text
                    and furniture.fullmatch(text.strip(FURNITURE_TRIM))):
                yield Hit(f'stray line "{quote(text)}" is page furniture', offset=unit.offset())
                continue
            if (unit.kind is not Kind.PARAGRAPH or "\n" in text or footnote_refs(text)
                    or text.endswith(ENDS_SENTENCE) or not 2 <= len(words(text)) <= 12):
                continue
            if _restates(text, title):
                yield Hit(f'stray line "{quote(text)}" repeats the title', offset=unit.offset())
            elif len(words(text)) <= 6 and (near := closest(text, headings, 0.8)):
                yield Hit(f'stray line "{quote(text)}" reads like the heading "{near}"',
                          offset=unit.offset())
