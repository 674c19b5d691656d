"""Structure rules for files that do not read as a report: unreadable, invalid front
matter, content of the wrong type. They turn the readers' located problems into findings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from reportlint.document.model import Document
from reportlint.findings import Category, Hit, Severity
from reportlint.rules.registry import Context, Rule, register


class _ProblemRule(Rule):
    """Turns reader problems of some kinds into findings."""

    kinds: ClassVar[frozenset[str]]
    needs_report: ClassVar[bool] = False

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        for problem in doc.problems:
            if problem.kind in self.kinds:
                yield Hit(problem.message, offset=problem.offset, line=problem.line,
                          column=problem.column)


@register
class UnreadableFile(_ProblemRule):
    """A file that cannot be read as a report at all.

    **What it does.** Reports a file that is binary, not UTF-8, empty, larger than
    `max_file_size`, or whose Markdown or YAML does not parse, at the line the parser
    stopped.

    **Why is this bad?** Nothing else can be checked until the file reads; a broken file
    in a release breaks the page that renders it.

    **Example.** A YAML report with an unclosed flow list:

        meta: {title: US Data Engineer Healthcare Market Analysis 2025
        executive_summary: ...

    gives `S009 invalid YAML: ... expected ',' or '}'` at line 2. Use instead: close the
    brace, or write the mapping in block style.
    """

    code = "S009"
    name = "unreadable-file"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    kinds = frozenset({"unreadable", "empty", "too-large", "syntax"})


@register
class InvalidFrontMatter(_ProblemRule):
    """Front matter missing, unclosed, or with a field missing or of the wrong type.

    **What it does.** Checks the front matter (Markdown) or `meta` (YAML) against the
    schema: title, role, industry, region, year (a whole number), published (a date)
    and author are required; each error is reported at its field's line. A key the
    contract does not know is reported too, with the nearest known key ("role_alias":
    did you mean "role_aliases"?), in both forms alike.

    **Why is this bad?** Every other rule, and the page template, reads the role,
    industry, region and year from here.

    **Example.** `year: "twenty twenty-five"` gives `S006 'meta.year': Input should be a
    valid integer`. Use instead: `year: 2025`.
    """

    code = "S006"
    name = "invalid-front-matter"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    kinds = frozenset({"front-matter"})


@register
class InvalidContent(_ProblemRule):
    """A YAML report value of the wrong type, or a key the schema does not know.

    **What it does.** Validates every section of the YAML form against its Pydantic
    model (a section is a mapping with `heading`, `content` and `subsections`; content is
    a list of paragraphs, `{bullets: [...]}` and `{table: {header, rows}}`).

    **Why is this bad?** A pipeline that generates reports silently drops what the
    schema does not describe.

    **Example.** `demand_drivers: [a, b]` gives `S010 'demand_drivers': Input should be a
    valid dictionary`. Use instead: `demand_drivers: {content: [{bullets: [a, b]}]}`.
    """

    code = "S010"
    name = "invalid-content"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    kinds = frozenset({"invalid"})
