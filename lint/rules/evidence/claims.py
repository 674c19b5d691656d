"""E001 unbacked-claim: claims about the market with no citation, in sentences and in tables
of figures."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from reportlint.document.model import Document, TableNode
from reportlint.document.text import Sentence, fold, footnote_refs, strip_inline
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.claims.cues import Verdict
from reportlint.language.claims.detector import ClaimDetector, claim_detector
from reportlint.rules.registry import Context, Rule, register

# Units that never hold claims: headings, FAQ questions, proof-map cells, the sources.
_NOT_PROSE = (Kind.HEADING, Kind.QUESTION, Kind.CELL, Kind.FOOTNOTE)
_NO_CLAIMS_IN = ("sources", "related")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A reference that ends a lead-in, "Pay by level, 2025[^src]:", which footnote_refs
# leaves out (it reads "[^id]:" as a definition).
_LEAD_IN_REF = re.compile(r"\S\[\^[^\]\[\s]+\]:")


def _cites(text: str) -> bool:
    return bool(footnote_refs(text)) or _LEAD_IN_REF.search(text) is not None


def unbacked_claims(doc: Document, context: Context) -> Iterator[tuple[Sentence, Verdict]]:
    """Every claim with no footnote reference in its sentence, bullet or paragraph, or
    in the lead-in its bullet list hangs from ("Pay by level, per the 2025 survey[^x]:"),
    with the claim model's verdict (its cue, why it counts, a source it names)."""
    detector = claim_detector(context.config)
    lead_in: Unit | None = None
    previous: Unit | None = None
    follows: _WhatFollows | None = None
    cited = False
    for sentence in doc.sentences:
        unit = sentence.unit
        if unit is not previous:
            lead_in = _lead_in(lead_in, previous, unit)
            previous = unit
            follows = None
            # once per unit, not per sentence: a long paragraph is read in linear time
            cited = (unit.kind in _NOT_PROSE or unit.section in _NO_CLAIMS_IN
                     or bool(footnote_refs(unit.text))
                     or (lead_in is not None and _cites(lead_in.text)))
        if cited:
            continue
        if follows is None:
            follows = _WhatFollows(detector, unit.text)
        question, instruction = follows.after(sentence.end)
        verdict = detector.judge(sentence.text, unit.section, unit.subsection,
                                 before_question=question, before_instruction=instruction)
        if not verdict.is_claim:
            continue
        if verdict.source is None and lead_in is not None:
            named = detector.model.named_source(fold(strip_inline(lead_in.text)), lead_in.text)
            if named:
                verdict = replace(verdict, source=named, linked=detector.model.links_source(
                    lead_in.text, named))
        yield sentence, verdict


def _lead_in(lead_in: Unit | None, previous: Unit | None, unit: Unit) -> Unit | None:
    """The paragraph ending in a colon that the bullet list `unit` belongs to, if any."""
    if unit.kind is not Kind.BULLET:
        return None
    if (previous is not None and previous.kind is Kind.PARAGRAPH
            and previous.section == unit.section):
        return previous if previous.text.rstrip().endswith(":") else None
    return lead_in if previous is not None and previous.kind is Kind.BULLET else None


# How much of what follows a sentence is read for an instruction: its opening clauses
# and verb ("If the batch is late, explain ..."), never the rest of a long paragraph.
_FOLLOW_WINDOW = 1000


class _WhatFollows:
    """Whether a question to the reader ("The nightly batch now finishes two hours
    late. Where do you look first?"), or an instruction ("... Explain how you would
    check it."), follows a sentence in the same bullet or paragraph. The question
    marks and the reader's words are found once per unit, so a paragraph of many
    sentences is read in linear time."""

    def __init__(self, detector: ClaimDetector, text: str) -> None:
        self.detector, self.text = detector, text
        self.marks = [m.start() for m in _QUESTION_MARK.finditer(text)]
        self.reader = ([m.start() for m in detector.model.reader.finditer(text)]
                       if self.marks else [])

    def after(self, end: int) -> tuple[bool, bool]:
        text = self.text
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            return False, False
        question = False
        at = bisect_left(self.marks, start)
        if at < len(self.marks):
            word = bisect_left(self.reader, start)
            question = word < len(self.reader) and self.reader[word] < self.marks[at]
        following = fold(strip_inline(text[start:start + _FOLLOW_WINDOW])).lstrip(" *_")
        return question, self.detector.imperative_mood(following)


_QUESTION_MARK = re.compile(r"\?")


@dataclass(frozen=True, slots=True)
class UncitedTable:
    """A table of figures with no citation on it, its lead-in, its caption or its rows."""

    table: TableNode
    figures: tuple[tuple[Unit, str], ...]  # each figure cell, with its row and column
    source: str | None  # a source the lead-in or caption names without citing it
    end: int


def uncited_tables(doc: Document, context: Context) -> Iterator[UncitedTable]:
    """Tables whose cells state figures (pay, percentages, counts) with no footnote
    reference anywhere on the table, in the paragraph that leads into it or in the
    caption under it. Tables in advice and method sections, and the skills proof map,
    hold targets and plans, not market figures."""
    if not doc.tables:
        return
    detector = claim_detector(context.config)
    model = detector.model
    position = {unit.offset(): index for index, unit in enumerate(doc.units)}
    for table in doc.tables:
        if table.section in _NO_CLAIMS_IN or model.purpose(
                table.section, table.subsection) in ("advice", "method"):
            continue
        header = [cell.text for cell in table.header.cells]
        if model.skip_table.search(" | ".join(header)):
            continue
        cells = [cell for row in (table.header, *table.rows) for cell in row.cells]
        if any(footnote_refs(cell.text) for cell in cells):
            continue
        around = _around(doc, position, table)
        if any(_cites(unit.text) for unit in around):
            continue
        figures = tuple((cell, _cell_name(row.cells[0].text, header, column))
                        for row in table.rows for column, cell in enumerate(row.cells)
                        if _is_figure(detector, cell.text))
        if not figures:
            continue
        named = [model.named_source(unit.text) for unit in around]
        source = next((name for name in named if name), None)
        yield UncitedTable(table, figures, source, cells[-1].offset(len(cells[-1].text)))


def _is_figure(detector: ClaimDetector, text: str) -> bool:
    return any(cue.kind == "number" and any(ch.isdigit() for ch in cue.text)
               for cue in detector.cues_in(text))


def _cell_name(row_label: str, header: list[str], column: int) -> str:
    name = header[column] if column < len(header) else ""
    return " ".join(part for part in (row_label.strip(), name.strip()) if part) if column else ""


def _around(doc: Document, position: dict[int, int], table: TableNode) -> list[Unit]:
    """The paragraph just before the table (its lead-in) and just after it (a caption),
    when they stand in the same section."""
    first = position.get(table.header.cells[0].offset()) if table.header.cells else None
    if first is None:
        return []
    last = first
    while last + 1 < len(doc.units) and doc.units[last + 1].kind is Kind.CELL:
        last += 1
    around = []
    for index in (first - 1, last + 1):
        if 0 <= index < len(doc.units):
            unit = doc.units[index]
            if unit.kind in (Kind.PARAGRAPH, Kind.BULLET) and unit.section == table.section:
                around.append(unit)
    return around


@register
class UnbackedClaim(Rule):
    """A factual claim about the market with no citation.

    **What it does.** Finds each sentence, bullet or table that states something about
    the market with no footnote reference in the sentence, on its bullet or paragraph,
    or (for a table) on the table, its lead-in or its caption. A sentence is a claim
    when a cue says so and its role allows:

    - cues, by strength: *strong* — a figure (`$95k`, `12%`, "seventeen percent",
      "over 1,000", "a third of"), a date, someone's findings ("according to",
      "studies show"); *medium* — a trend ("rising"), a comparison ("more than",
      "out-earn"), a forecast ("projected to grow", "will replace", "by 2027");
      *weak* — a quantifier ("many", "often", "most", "typically"), "the most".
    - role: questions, instructions, conditionals, worked examples ("e.g. a 0.5%
      budget"), the set-up of an interview scenario, recommendations, definitions, a
      "Source:" line and the report describing itself are never claims. A strong cue
      is a claim wherever it is stated as fact (in an advice section only about the
      market or pay). A medium cue is one unless it is hedged ("may"), about the
      reader, said of "it"/"they", or in an advice section (Hiring Loop, Portfolio,
      Interview Prep, Career Roadmap, Action Plan: there only about the market) or a
      field note. A weak cue only when its subject is the market (employers, hiring,
      pay, postings; in the sections that state the market, also the trade's people:
      "most payroll specialists"), and never in advice, FAQ answers or field notes.
      In Methodology the report's own method ("We reviewed 200 postings") is not a
      claim; elsewhere it is.
    - a table of figures (pay by level, by city, percentiles) outside advice and
      method sections, with no citation on its cells, its lead-in or its caption, is
      one finding per table naming its figure cells.

    The finding names the cue and the reading that made it count. When the sentence
    names its source ("according to Glassdoor", "(U.S. Bureau of Labor Statistics, May
    2023)") the message asks to turn the name into a footnote instead of finding a
    source; when it links the source inline ("according to [Statista](https://...)"), it
    says the claim has a link but no footnote, and asks to move the link into one. Cues,
    section purposes and word lists are data
    (`lint/language/data/claim_cues.yaml`).

    **Why is this bad?** A reader cannot tell what is known from what was written to
    fill a slot; an uncited trend reads as fact and gets repeated as one.

    **Example.** `- Hiring for payments support analysts is rising.` gives `E001
    uncited claim (trend "rising") stated as fact in Market Snapshot`. Use instead:
    cite it, `...is rising.[^indeed-2025]`, or say what the reader can check ("Ask how
    many analysts the team hired this year").
    """

    code = "E001"
    name = "unbacked-claim"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        for sentence, verdict in unbacked_claims(doc, context):
            cue = verdict.cue
            assert cue is not None
            data: tuple[tuple[str, object], ...] = (
                ("cue", cue.kind), ("cue_text", cue.text), ("strength", cue.strength),
                ("why", verdict.why))
            if verdict.source:
                data += (("source", verdict.source), ("linked", verdict.linked))
            yield Hit(_claim_message(verdict, sentence.unit), offset=sentence.offset(),
                      end_offset=sentence.unit.offset(sentence.end), data=data)
        for found in uncited_tables(doc, context):
            yield Hit(_table_message(found), offset=found.table.offset,
                      end_offset=found.end,
                      data=(("cue", "table"), ("cells", len(found.figures)))
                      + ((("source", found.source),) if found.source else ()))


_NAMED = ("turn the named source into a footnote: [^id] after the claim, and the "
          "source defined once under Sources & Further Reading")
_LINKED = ("move the link into a footnote: [^id] after the claim, and the source defined "
           "once under Sources & Further Reading, with its date")


def _claim_message(verdict: Verdict, unit: Unit) -> str:
    cue = verdict.cue
    assert cue is not None
    if verdict.source and verdict.linked:
        return (f'uncited claim ({cue}) links "{verdict.source}" inline but has no footnote: '
                f"{_LINKED}")
    if verdict.source:
        return f'uncited claim ({cue}) names "{verdict.source}" but does not cite it: {_NAMED}'
    if cue.strength == "strong":
        return (f"uncited claim ({cue}): find a source and cite it with a footnote "
                "([^id] after the claim), or cut the figure" if cue.kind == "number" else
                f"uncited claim ({cue}): find a source and cite it with a footnote "
                "([^id] after the claim)")
    where = _section_name(unit)
    reading = verdict.why + (f" in {where}" if where else "")
    return (f"uncited claim ({cue}) {reading}: cite a source with a footnote ([^id]), "
            "or say whose view it is and how they know")


def _section_name(unit: Unit) -> str:
    heading = unit.section_heading or ""
    return re.sub(r"\s*\(.*\)\s*$", "", heading).strip()


def _table_message(found: UncitedTable) -> str:
    names = [f'{name} "{cell.text.strip()}"' if name else f'"{cell.text.strip()}"'
             for cell, name in found.figures[:3]]
    more = len(found.figures) - len(names)
    listed = ", ".join(names) + (f", and {more} more" if more else "")
    count = len(found.figures)
    what = f"uncited table ({count} figure{'s' if count != 1 else ''}: {listed})"
    if found.source:
        return f'{what} names "{found.source}" but does not cite it: {_NAMED}'
    return (f"{what}: no citation on the table, its lead-in or its rows; cite the "
            "table's source in the lead-in or a caption ([^id]), or on each row")
