"""The report contract as Markdown, made from the schema this package validates against
(the front-matter model and the section catalog), so what an assistant reads is what
the linter checks."""

from __future__ import annotations


def contract_text() -> str:
    from reportlint.schema import CATALOG
    from reportlint.schema.frontmatter import FrontMatter

    lines = ["# The report contract", "",
             "A report is Markdown with YAML front matter (or the same as YAML). Its "
             "front matter, then its sections in this order, each a level-2 heading.", "",
             "## Front matter", "", "| field | required | example or meaning |",
             "| --- | --- | --- |"]
    for name, field in FrontMatter.model_fields.items():
        example = field.description or (f"`{field.examples[0]}`" if field.examples else "")
        lines.append(f"| `{name}` | {'yes' if field.is_required() else 'no'} | {example} |")
    lines += ["", "The title must agree with the role, industry, region and year.", "",
              "## Sections, in order", "",
              "| heading | required | holds | level-3 headings |", "| --- | --- | --- | --- |"]
    for spec in CATALOG:
        holds = ", ".join(kind.value for kind in spec.content)
        subsections = ", ".join(spec.subsections) or "-"
        lines.append(f"| {spec.heading} | {'yes' if spec.required else 'no'} | {holds} | "
                     f"{subsections} |")
    lines += ["", "## Claims and sources", "",
              "A factual claim about the market (a figure, a trend, a comparison, a "
              "forecast) carries a footnote reference, `[^id]`, in its sentence, bullet or "
              "paragraph; each `[^id]: Publisher. \"Title\", date. URL` definition stands in "
              "the Sources section, is cited at least once and is defined once.", "",
              "## Suppressing a finding", "",
              "`<!-- reportlint-disable-next-line CODE -- reason -->` above a line (Markdown), "
              "`# reportlint: disable=CODE` (YAML), or `reportlint: {ignore: [CODE]}` in the "
              "front matter for the whole file.", ""]
    return "\n".join(lines)
