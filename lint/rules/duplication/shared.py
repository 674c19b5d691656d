"""D004 shared-passage: passages that also appear in other reports (the comparison itself
is `reportlint.corpus`; this is the rule, its options and its settings)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import Field
from reportlint.corpus.entry import CorpusEntry
from reportlint.document.model import Document
from reportlint.findings import Category, Finding, Hit, Severity
from reportlint.language.data import load_data
from reportlint.rules.duplication.options import DuplicationOptions
from reportlint.rules.registry import (
    Context,
    Count,
    PositiveInt,
    Rule,
    Share,
    number,
    register,
)

if TYPE_CHECKING:
    from reportlint.config import Config


@register
class SharedPassage(Rule):
    """A paragraph, bullet or sentence also appears, exactly or nearly, in other reports.

    **What it does.** When several reports are checked together, finds the passages each
    shares with the others: sentences of 8 words or more copied exactly, and paragraphs
    and bullets copied exactly or nearly (at least 60% of their hashed 5-word shingles
    found in one other report: containment, so a boilerplate paragraph inside a long
    report is found). Words are counted after a lead-in label ("Step 7: Build a
    portfolio and apply for jobs." is 7 words), and a lone lead-in to a list ("Here is
    a summary of the {role} job description:") frames what follows and is not compared.
    The report's own role, industry and region are read as slots, so
    a template paragraph refilled with another role still matches. Catalog headings,
    sources, links and the house boilerplate allow-list (`lint/language/data/boilerplate.yaml`)
    do not count. Each finding names the other reports (up to three) and their lines.

    A report gets at most `max_per_report` findings (10; `rules: {D004:
    {max_per_report: N}}`, 0 for no limit): the passages shared with the most other
    reports, ties going to the earlier line, and one more finding, on the line of its
    first shared passage, that counts the rest (`… and 94 more passages shared with
    other reports`). `reportlint duplicates` and the corpus page list every one.

    The check scales with the corpus, not with its square: each report keeps a few
    hundred sampled shingle hashes, and one inverted index finds the reports holding
    them. With the cache, a run after some files changed compares again only those
    files and the reports holding a hash whose place they changed. pre-commit passes
    only the changed files, so the `reportlint-corpus` hook runs it over the whole
    folder (`reportlint check --scope cross-report content`, `pass_filenames: false`).
    `reportlint duplicates DIR --top N` lists the most widely shared passages. Two files
    of one report (same role, industry, region and year: a draft and its final, the
    Markdown and YAML forms) are not compared with each other.

    **Why is this bad?** The same paragraph in thousands of pages is thin content to a
    search engine and a tell to a reader who opens two reports.

    **Example.** The same 60-word "How to read this report" paragraph in the Data
    Analyst and the Product Manager reports gives `D004 paragraph shared with 1 other
    report: tests/fixtures/duplication/product-manager-….md:31 (exact copy)` on each.
    Use instead: write the paragraph for each role, or add it to the boilerplate
    allow-list if it is deliberate house text.
    """

    code = "D004"
    name = "shared-passage"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    corpus = True

    class Options(DuplicationOptions):
        shingle_words: PositiveInt | None = Field(None, description=(
            "words per shingle"))
        sample_modulus: PositiveInt | None = Field(None, description=(
            "keep the shingles whose hash is 0 modulo this"))
        min_sentence_words: PositiveInt | None = Field(None, description=(
            "a shorter sentence is not reported as shared"))
        min_passage_words: PositiveInt | None = Field(None, description=(
            "a shorter paragraph or bullet is compared only exactly"))
        containment: Share | None = Field(None, description=(
            "the share of a passage's shingles another report must hold"))
        max_names: PositiveInt | None = Field(None, description=(
            "other reports named in a finding"))
        max_per_report: Count | None = Field(None, description=(
            "findings per report, the most widely shared first (0: no limit)"))

    def summarize(self, doc: Document, context: Context) -> object:
        from reportlint.corpus.passages import summarize_passages

        return summarize_passages(doc, shared_passage_settings(context.config), context.config)

    def check_corpus(self, entries: Sequence[CorpusEntry],
                     context: Context) -> Iterator[tuple[str, Hit]]:
        from reportlint.corpus.shared import shared_passage_hits

        yield from shared_passage_hits(entries, shared_passage_settings(context.config))

    def recheck_corpus(self, entries: Sequence[CorpusEntry], before: Mapping[str, object],
                       found: Mapping[str, Sequence[Finding]],
                       context: Context) -> tuple[set[str], list[tuple[str, Hit]]]:
        from reportlint.corpus.shared import (
            affected_reports,
            named_reports,
            shared_passage_hits,
        )

        reports = affected_reports(entries, before, named_reports(found))
        options = shared_passage_settings(context.config)
        return reports, list(shared_passage_hits(entries, options, only=reports))


def shared_passage_settings(config: Config | None) -> dict[str, Any]:
    """D004's options: the packaged `shared` values of duplication.yaml, overridden by the
    config's. A value that is not a number in its range counts as unset (see
    `number`)."""

    packaged = dict(load_data("duplication")["shared"])
    merged = load_data("duplication", config).get("shared") if config is not None else None
    given = {**(merged if isinstance(merged, dict) else {}),
             **((config.rules.get("D004") or {}) if config is not None else {})}
    return {key: number(given.get(key), default, least=_LEAST.get(key, 1),
                        most=1 if key == "containment" else None)
            for key, default in packaged.items()}


_LEAST = {"containment": 0.01, "max_per_report": 0}  # the others count: at least one
