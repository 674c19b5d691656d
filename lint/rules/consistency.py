"""Consistency rules: the report names its role, industry, region and year the same
way everywhere, starting with its title."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.document import Document
from reportlint.findings import Category, Hit, Severity
from reportlint.registry import Context, Rule, register
from reportlint.text import normalize


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
