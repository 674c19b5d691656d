"""D001 repeated-sentence: the same sentence more than once in a report."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field
from reportlint.document.model import Document
from reportlint.findings import Category, Hit, Severity
from reportlint.language.repetition import (
    body,
    preview,
    prose_sentences,
    repeated_sentences,
)
from reportlint.rules.duplication.options import (
    DuplicationOptions,
    RepeatedSentenceMinWords,
    setting,
)
from reportlint.rules.registry import (
    Context,
    PositiveInt,
    Rule,
    register,
)


@register
class RepeatedSentence(Rule):
    """The same sentence appears more than once in a report.

    **What it does.** Compares every sentence of the report's prose (not headings,
    sources or links) after normalising case, quotes, punctuation and white space, and
    after dropping a short lead-in label ("Best proof: "). A sentence said more than once
    is reported once, at its second copy, naming the line of the first and of every
    other copy (all its lines are in the finding's data, `lines`). Sentences under 4
    words are left alone (`repeated_sentence_min_words`), and so are list items that do
    not close as a sentence under 6 words (`repeated_item_min_words`) and bold lines
    standing as headings: a topic named in an overview list ("Application Programming
    Interface (API)", "Step 1: Learn the basics.") and again in the list or the step
    that details it.

    **Why is this bad?** Templates paste the same line into the summary and into the
    section it summarises; readers notice, and search engines treat repeated text as
    thin content.

    **Example.** `- Best proof: a redacted mutual action plan from a real deal.` in the
    Executive Summary and `- A redacted mutual action plan from a real deal.` under
    "Portfolio & Proof Artifacts" give `D001 sentence repeats line 18: "A redacted
    mutual action plan from a real deal."`. Use instead: say it once where it belongs;
    let the summary point to it in other words.
    """

    code = "D001"
    name = "repeated-sentence"
    category = Category.DUPLICATION
    severity = Severity.WARNING

    class Options(DuplicationOptions):
        repeated_sentence_min_words: RepeatedSentenceMinWords = None
        repeated_item_min_words: PositiveInt | None = Field(None, description=(
            "a list item that does not end as a sentence, under this many words, is a topic's name"
            " and may repeat"))

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        min_words = setting(self, context, "repeated_sentence_min_words")
        item_words = setting(self, context, "repeated_item_min_words")
        for copies in repeated_sentences(prose_sentences(doc), min_words, item_words):
            lines = tuple(doc.position(s.offset())[0] for s in copies)
            again = [str(line) for line in lines[2:]]
            also = f" and again on line{'s' if len(again) > 1 else ''} {', '.join(again)}" \
                if again else ""
            yield Hit(f'sentence repeats line {lines[0]}{also}: '
                      f'"{preview(body(copies[1].text))}"', offset=copies[1].offset(),
                      data=(("first_line", lines[0]), ("lines", lines)))
