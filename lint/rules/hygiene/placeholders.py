"""H001 placeholder: TODO, TBD, template slots and promises of text never written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reportlint.document.model import Document
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.regexprefix import StartScan
from reportlint.rules.hygiene.common import data_pattern, quote
from reportlint.rules.hygiene.lists import level_at
from reportlint.rules.registry import Context, Rule, register


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
        found = data_pattern(context, "placeholders", "placeholders")
        if found is None:
            return
        pattern = _start_scan(found)
        for key, value in doc.raw_meta.items():
            for item in value if isinstance(value, list) else [value]:
                for match in pattern.finditer(item if isinstance(item, str) else ""):
                    yield Hit(f'placeholder "{match.group(0)}" in front matter "{key}"',
                              offset=doc.meta_offsets.get(key, 0), section="front matter")
        template = data_pattern(context, "placeholders", "template_headings")
        for unit, in_template in _with_template_passages(doc, template):
            for start, end, written in _placeholders_in(pattern, unit.text):
                if in_template and written[:1] in _SLOT_OPENERS:
                    continue
                yield Hit(f'placeholder "{quote(written)}"',
                          offset=unit.offset(start), end_offset=unit.offset(end))


_SLOT_OPENERS = ("[", "{", "<", "$")


@lru_cache(maxsize=8)
def _start_scan(pattern: re.Pattern[str]) -> StartScan:
    # The forms' lookbehinds made a plain scan try them at every position: 7 ms a report.
    return StartScan(pattern)


def _with_template_passages(doc: Document, template: re.Pattern[str] | None
                            ) -> Iterator[tuple[Unit, bool]]:
    """Each unit, and whether it stands under a heading that offers a template to copy."""
    open_headings: list[tuple[int, bool]] = []  # (level, offers a template)
    for unit in doc.units:
        if unit.kind is Kind.HEADING:
            level = level_at(doc, unit.offset())
            open_headings = [h for h in open_headings if h[0] < level]
            open_headings.append((level, template is not None
                                  and template.search(unit.text) is not None))
        yield unit, any(offers for _, offers in open_headings)


@lru_cache(maxsize=1 << 14)
def _placeholders_in(pattern: StartScan, text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of each placeholder in a unit's text outside code and link
    targets; remembered, so that a re-check after a keystroke scans the changed unit."""
    return tuple((match.start(), match.end(), match.group(0))
                 for match in pattern.finditer(text)
                 if not _inside_link_target(text, match.start())
                 and not _inside_code(text, match.start()))


_CODE_SPAN = re.compile(r"`[^`\n]+`")


def _inside_code(text: str, index: int) -> bool:
    """Inside `code`, where {{ braces }} and TODO are the code's, written about."""
    return "`" in text and any(span.start() < index < span.end()
                               for span in _CODE_SPAN.finditer(text))


def _inside_link_target(text: str, index: int) -> bool:
    """Inside the (url) of a Markdown link, where {braces} and CAPITALS are the URL's."""
    opening = text.rfind("](", 0, index)
    return opening != -1 and text.find(")", opening) >= index
