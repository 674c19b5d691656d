"""H005 empty-list: a heading or lead-in that promises a list and has none."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reportlint.document.model import Document
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.rules.hygiene.common import quote
from reportlint.rules.registry import Context, Rule, register


def _required(context: Context, key: str) -> bool:
    return key in context.required_sections()


def _next_units(units: list[Unit]) -> Iterable[tuple[Unit, Unit | None]]:
    return ((unit, units[i + 1] if i + 1 < len(units) else None) for i, unit in enumerate(units))


def level_at(doc: Document, offset: int) -> int:
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
                if level_at(doc, following.offset()) > level_at(doc, unit.offset()):
                    continue
                between = doc.source[end:following.offset()]
            else:
                continue
            # In Markdown a code block, an HTML block or an image may stand between
            # without being a unit; the YAML form makes each of them a unit.
            if doc.format == "markdown" and not _only_markup(between):
                continue
            yield Hit(f'"{quote(unit.text)}" introduces a list that is not there',
                      offset=unit.offset())


_MARKUP = re.compile(r"[\s#*_:>|-]*")


def _only_markup(text: str) -> bool:
    """Nothing but blank lines and heading marks: no content between two units."""
    return _MARKUP.fullmatch(text) is not None
