"""C004 foreign-vocabulary and C005 role-drift: passages written in another role's words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import split_sentences
from reportlint.findings import Category, Hit, Severity
from reportlint.language.vocabulary import (
    reading,
)
from reportlint.rules.registry import (
    Context,
    PositiveInt,
    Rule,
    RuleOptions,
    Share,
    register,
)
from reportlint.rules.roles.facts import VocabularyOptions, role_facts
from reportlint.rules.roles.names import article


@register
class ForeignVocabulary(Rule):
    """A paragraph or bullet written in another role family's vocabulary.

    **What it does.** Reads the report's role whole to find its families (the family
    that lists the exact title in `role_families.yaml`, the family of its head noun and
    of every keyword in it: a DevSecOps Engineer is security and infrastructure, a
    Security Operations Analyst is security; or the `family` option, one family key or
    a list). Then it weighs each paragraph, bullet, FAQ question and table row for the
    words of every other family, counting only words that no family of the role, none
    of their declared neighbours (design for a Frontend Developer) and none of their
    shared phrases ("technical debt" for a Product Manager) claim. Job titles and the
    words every role in the report's industry uses (`markets.yaml`) do not count. A
    passage is flagged when another family's words outweigh the role's own there and
    either make a paragraph on their own (at least `min_words`, default 2, distinct
    words weighing `min_weight`, default 3: an unmistakable word weighs 2, a leaning one
    1, and without an unmistakable one they must weigh `min_weight_leaning`, default 4)
    or, where the report already has such a paragraph in that family's words, hold one
    unmistakable word or `min_weight` of leaning ones. A single borrowed term in an
    otherwise sound report is not drift.

    **Why is this bad?** Text written for the wrong role is the defect a publisher fears
    most: a support report that talks of win rates and mutual action plans tells the
    reader nothing true about support work.

    **Example.** In a `role: Production Support Analyst` report, `Grow pipeline coverage
    and protect your win rate with every new prospect.` gives `C004 sales vocabulary in a
    Production Support Analyst report: pipeline coverage, win rate, prospect`.
    Use instead: `Cut repeat tickets by fixing the runbook behind the noisiest alert.`
    """

    code = "C004"
    name = "foreign-vocabulary"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    Options = VocabularyOptions

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        facts = role_facts(doc, context)
        if facts is None or facts.family is None:
            return
        for passage in facts.passages:
            found = facts.foreign(passage.reading, context)
            if found is None:
                continue
            family = facts.vocabulary.families[found.family]
            yield Hit(f"{family.label} vocabulary in {article(facts.role)} {facts.role} "
                      f"report: {', '.join(found.words)}", offset=passage.at(0),
                      end_offset=passage.at(len(passage.text) - 1) + 1,
                      data=(("family", family.label), ("words", found.words),
                            ("weight", found.weight)))


@register
class RoleDrift(Rule):
    """A large share of the report's sentences read as another role family's.

    **What it does.** Counts the sentences written in another family's words, judged as
    `foreign-vocabulary` judges passages (the role's families, neighbours and shared
    phrases left out), for the families that `foreign-vocabulary` finds a whole
    paragraph of in the report. It reports once, at the front matter's `role`, when
    their share of all sentences passes `share` (default 0.1) in a report of at least
    `min_sentences` (default 20) sentences. On the reports in content/ and the clean
    fixtures the share is 0; on a support report built from a sales template it is
    about a quarter.

    **Why is this bad?** A paragraph here and there may be a slip; a report in which one
    sentence in ten belongs to another job was generated or copied from the wrong
    template and needs rewriting, not patching.

    **Example.** A Production Support Analyst report in which 51 of 189 sentences talk of
    quotas, win rates and prospects gives `C005 27% of sentences (51 of 189) use another
    role family's vocabulary, most of them sales (51), in a Production Support Analyst
    report: ...`. Use instead: rewrite the report from the support template.
    """

    code = "C005"
    name = "role-drift"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    class Options(RuleOptions):
        share: Share = Field(0.1, description=(
            "the share of the report's sentences written in another family's words "
            "that makes drift"))
        min_sentences: PositiveInt = Field(20, description=(
            "a report with fewer sentences is not judged"))

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        facts = role_facts(doc, context)
        if facts is None or facts.family is None:
            return
        total, drifting = 0, Counter[str]()
        words: dict[str, Counter[str]] = {}
        for passage in facts.passages:
            for start, end in split_sentences(passage.text):
                total += 1
                sentence = reading(m for m in passage.matches if start <= m.start < end)
                found = facts.foreign(sentence, context)
                if found is not None:
                    drifting[found.family] += 1
                    words.setdefault(found.family, Counter()).update(found.words)
        least = context.number_option(self, "min_sentences", self.Options().min_sentences)
        if not drifting or total < least:
            return
        family_key, count = drifting.most_common(1)[0]
        share = sum(drifting.values()) / total
        if share < context.number_option(self, "share", self.Options().share):
            return
        family = facts.vocabulary.families[family_key]
        top = tuple(word for word, _ in words[family_key].most_common(5))
        yield Hit(f"{share:.0%} of sentences ({sum(drifting.values())} of {total}) use another "
                  f"role family's vocabulary, most of them {family.label} ({count}), in "
                  f"{article(facts.role)} {facts.role} report: {', '.join(top)}",
                  offset=doc.meta_offsets.get("role", 0), section="front matter",
                  data=(("family", family.label), ("share", round(share, 3)),
                        ("sentences", count), ("words", top)))
