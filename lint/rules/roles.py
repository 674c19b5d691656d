"""Consistency rules about the role: its name written one way, no other job's title in
its place, and its own family's vocabulary rather than another's (a support report
that reads like a sales report)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import PhraseMatch, split_sentences, tokens
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Fix, Hit, Severity
from reportlint.language.jobtitles import RoleMention, RoleNames, TitleFinder, Word, title_words_for
from reportlint.language.vocabulary import (
    Counted,
    Foreign,
    Reading,
    RoleFamilies,
    RoleFamily,
    Vocabulary,
    reading,
    vocabulary_for,
)
from reportlint.rules.registry import (
    Context,
    PositiveInt,
    PositiveNumber,
    Rule,
    RuleOptions,
    Share,
    register,
)

_SCORED = frozenset({Kind.PARAGRAPH, Kind.BULLET, Kind.QUESTION})
_NOT_PROSE_SECTIONS = frozenset({"sources", "related"})


@dataclass(frozen=True)
class Passage:
    """A paragraph, bullet, FAQ question or table row, with what the role rules found
    in it. `at(i)` is the file offset of character i of `text`."""

    text: str
    at: Callable[[int], int]
    words: list[Word]
    folded: list[str]  # the words case-folded
    own: list[RoleMention]
    named: list[PhraseMatch[str]]  # every known job title named
    matches: list[PhraseMatch[Counted]]  # role-family phrases, job titles left out
    reading: Reading


@dataclass
class RoleFacts:
    role: str
    families: RoleFamilies | None
    vocabulary: Vocabulary
    names: RoleNames
    finder: TitleFinder
    passages: list[Passage] = field(default_factory=list)
    # The other families a passage of this report is written in on its own (C004).
    standing_out: set[str] = field(default_factory=set)

    @property
    def family(self) -> RoleFamily | None:
        return self.families.primary if self.families else None

    def foreign(self, reading: Reading, context: Context) -> Foreign | None:
        """The other family a passage (or sentence) is written in: on its own (see
        `stands_alone`), or, where a passage of this report already is, with one
        unmistakable word of it or `min_weight` of leaning ones."""
        found = reading.foreign(self.families) if self.families else None
        if found is None or self.stands_alone(found, context):
            return found
        least = context.number_option(ForeignVocabulary, "min_weight", _C004.min_weight)
        if found.family in self.standing_out and (found.strong or found.weight >= least):
            return found
        return None

    def stands_alone(self, found: Foreign, context: Context) -> bool:
        """Whether another family's words make a paragraph on their own: at least
        `min_words` distinct words weighing `min_weight`, one of them unmistakable or
        all of them `min_weight_leaning`."""
        least = context.number_option(ForeignVocabulary, "min_weight", _C004.min_weight)
        least_words = context.number_option(ForeignVocabulary, "min_words", _C004.min_words)
        least_leaning = context.number_option(ForeignVocabulary, "min_weight_leaning",
                                              _C004.min_weight_leaning)
        return (found.weight >= least and len(found.words) >= least_words
                and (found.strong or found.weight >= least_leaning))


_LAST: list[tuple[Document, Context, RoleFacts]] = []


def role_facts(doc: Document, context: Context) -> RoleFacts | None:
    """What the role rules share about one document, worked out once per document."""
    meta = doc.meta
    if meta is None:
        return None
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] is context:
        return _LAST[0][2]
    vocabulary = vocabulary_for(context.config, meta.industry)
    names = RoleNames([meta.role, *meta.role_aliases], title_words_for(context.config))
    facts = RoleFacts(meta.role, _families(vocabulary, [meta.role, *meta.role_aliases],
                                           context), vocabulary, names,
                      TitleFinder(vocabulary.title_matcher, names))
    for text, at in _passages(doc):
        words = tokens(text)
        folded = [word.casefold() for word, _, _ in words]
        own = names.find(text, words, folded)
        named = vocabulary.title_matcher.find_in(text, words, folded)
        skip = [(m.start, m.end) for m in own] + [(m.start, m.end) for m in named]
        matches = vocabulary.find(text, words, skip, folded)
        facts.passages.append(Passage(text, at, words, folded, own, named, matches,
                                      reading(matches)))
    if facts.families is not None:
        for passage in facts.passages:
            found = passage.reading.foreign(facts.families)
            if found is not None and facts.stands_alone(found, context):
                facts.standing_out.add(found.family)
    _LAST[:] = [(doc, context, facts)]
    return facts


def _families(vocabulary: Vocabulary, names: list[str], context: Context
              ) -> RoleFamilies | None:
    """The role's families: the `family` option's (one key or a list) when it names
    known families, else those its title and aliases name."""
    wanted = context.option(ForeignVocabulary, "family", None)
    keys = [wanted] if isinstance(wanted, str) else wanted if isinstance(wanted, list) else []
    chosen = tuple(vocabulary.families[str(k)] for k in keys if str(k) in vocabulary.families)
    return RoleFamilies(chosen) if chosen else vocabulary.families_of(names)


def _passages(doc: Document) -> Iterator[tuple[str, Callable[[int], int]]]:
    for unit in doc.units:
        if unit.kind in _SCORED and unit.section not in _NOT_PROSE_SECTIONS:
            yield unit.text, unit.offset
    for table in doc.tables:
        for row in table.rows:
            cells = [cell for cell in row.cells if cell.text.strip()]
            if cells:
                yield _joined_row(cells)


def _joined_row(cells: list[Unit]) -> tuple[str, Callable[[int], int]]:
    """A table row as one passage ("cell; cell; cell") mapped back to its cells."""
    starts, text = [], ""
    for cell in cells:
        if text:
            text += "; "
        starts.append(len(text))
        text += cell.text

    def at(index: int) -> int:
        which = max(k for k, start in enumerate(starts) if start <= index) if index >= 0 else 0
        return cells[which].offset(max(index - starts[which], 0))

    return text, at


def _article(name: str) -> str:
    """"a" or "an" before a role: by sound, so an acronym is read letter by letter ("a
    UX Researcher", "an SRE", "an HR Business Partner")."""
    first = name.split()[0] if name.split() else name
    if len(first) > 1 and first.isupper():
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if name[:1].casefold() in "aeiou" else "a"


@register
class RoleNameVariant(Rule):
    """The report's role written differently from the front matter's `role`.

    **What it does.** Finds the role (or one of its `role_aliases`) written in a way an
    editor would change: capitals that break the name ("full Stack developer") or a
    word's own capitals lost ("ux designer", "Devops engineer"); the name in title case
    with other hyphens ("Data-Analyst", "Front End Developer"); one word mistyped when
    the slip is not itself a word ("data enginer", never "data analysis"); a word cut
    short ("Prod Support Analyst"); the role's initials used for the person without
    being declared in `role_aliases` ("a PM", "PMs", "APM", "DSs"; "the PM team" and
    "3 PM" are not the person); the name's words in another order as a title
    ("Specialist Payroll"); or the role's field with a generic head as its title ("Data
    Science Specialist" for a Data Scientist). Not variants: the role as an ordinary
    noun in prose, lower case, capitalised at the start of a sentence, plural,
    possessive, after "a"/"an", closed up or hyphenated in prose ("frontend developer",
    "full-stack developer"); link labels; text in capitals. Another job's title in the
    role's place is `other-role-title`'s, never this rule's.

    Case, hyphenation, spelling and a cut-short word get a safe fix that changes only
    the role's own letters and keeps the written style ("data enginer" becomes "data
    engineer", not "Data Engineer"). There is no fix for initials, word order or an
    invented title, and none at all when the front matter's role itself looks wrong
    ("Engineer Data", "Data Enginer").

    **Why is this bad?** Readers and search engines take "Prod Support Analyst" and
    "Data-Analyst" for other jobs; a misspelled title ("data enginer") looks careless in
    the one place the reader is sure to look; undeclared initials leave a reader outside
    the trade guessing ("PM": product, project or program manager?).

    **Example.** In a `role: Data Engineer` report, `Hiring managers want a data enginer
    who writes tests.` gives `C002 role written "data enginer" (spelling); the front
    matter calls it "Data Engineer"`. Use instead: `Hiring managers want a data engineer
    who writes tests.` (`reportlint check --fix` makes this change.)
    """

    code = "C002"
    name = "role-name-variant"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        facts = role_facts(doc, context)
        if facts is None:
            return
        for passage in facts.passages:
            for mention in passage.own:
                if not mention.how:
                    continue
                start, end = passage.at(mention.start), passage.at(mention.end - 1) + 1
                fix = None
                if mention.replacement is not None and not facts.names.suspect and \
                        doc.source[start:end] == mention.written:
                    fix = Fix(start, end, mention.written, mention.replacement)
                yield Hit(f'role written "{mention.written}" ({", ".join(mention.how)}); the '
                          f'front matter calls it "{mention.canonical}"', offset=start,
                          end_offset=end, fix=fix,
                          data=(("written", mention.written), ("canonical", mention.canonical)))


@register
class OtherRoleTitle(Rule):
    """Another job title used where the report speaks of its own role.

    **What it does.** Finds a job title other than the report's role and aliases in the
    places where a report speaks of its own job: after "as a", "become a", "offers for",
    or before "interviews", "roles", "offers", "candidates". It leaves alone titles that
    name the same role (the role closed up or hyphenated, "Backend Engineer" for a
    Backend Developer, the broad occupation such as "web developer" or "software
    engineer"), titles of colleagues ("escalate to the Site Reliability Engineer on
    call"), moves, options and comparisons ("move into Data Analyst roles", "consider
    becoming a data engineer", "you might specialize as a BI analyst"), a title that
    names another job's field ("a backend engineer recruiter"), sentences that name the
    report's own role too, and a passage that is about the other title (its bold
    lead-in names it, or it has already named it as a move or an option).

    **Why is this bad?** Text copied from a neighbouring report keeps the old title:
    "as a Data Analyst" in a Data Engineer report tells the reader the page is about
    another job.

    **Example.** In a `role: Data Engineer` report, `As a Data Analyst, you own the
    nightly loads.` gives `C003 "Data Analyst" where the report speaks of its own role
    ("as a"); this report is about a Data Engineer`. Use instead: `As a Data Engineer,
    you own the nightly loads.`
    """

    code = "C003"
    name = "other-role-title"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        facts = role_facts(doc, context)
        if facts is None:
            return
        for passage in facts.passages:
            for other in facts.finder.find(passage.text, passage.words, passage.own,
                                           passage.named):
                offset = passage.at(other.start)
                yield Hit(f'"{other.title}" where the report speaks of its own role '
                          f'("{other.cue}"); this report is about {_article(facts.role)} '
                          f"{facts.role}", offset=offset,
                          end_offset=passage.at(other.end - 1) + 1,
                          data=(("title", other.title), ("role", facts.role)))


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

    class Options(RuleOptions):
        min_weight: PositiveNumber = Field(3.0, description=(
            "the weight of another family's words a passage needs to count as written "
            "in that family"))
        min_words: PositiveNumber = Field(2.0, description=(
            "the distinct words of that family it needs"))
        min_weight_leaning: PositiveNumber = Field(4.0, description=(
            "the weight it needs when none of its words is unmistakably that family's"))
        family: str | list[str] | None = Field(None, description=(
            "the role's family key or keys (lint/language/data/role_families.yaml), instead of the "
            "families its title names"))

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        facts = role_facts(doc, context)
        if facts is None or facts.family is None:
            return
        for passage in facts.passages:
            found = facts.foreign(passage.reading, context)
            if found is None:
                continue
            family = facts.vocabulary.families[found.family]
            yield Hit(f"{family.label} vocabulary in {_article(facts.role)} {facts.role} "
                      f"report: {', '.join(found.words)}", offset=passage.at(0),
                      end_offset=passage.at(len(passage.text) - 1) + 1,
                      data=(("family", family.label), ("words", found.words),
                            ("weight", found.weight)))


# Its declared defaults, which the role facts read outside the rule.
_C004 = ForeignVocabulary.Options()


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
                  f"{_article(facts.role)} {facts.role} report: {', '.join(top)}",
                  offset=doc.meta_offsets.get("role", 0), section="front matter",
                  data=(("family", family.label), ("share", round(share, 3)),
                        ("sentences", count), ("words", top)))
