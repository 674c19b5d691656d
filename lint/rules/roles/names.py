"""C002 role-name-variant and C003 other-role-title: the report's role named as written in
the front matter, and not under another title."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.document.model import Document
from reportlint.findings import Category, Fix, Hit, Severity
from reportlint.rules.registry import (
    Context,
    Rule,
    register,
)
from reportlint.rules.roles.facts import role_facts


def article(name: str) -> str:
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
                          f'("{other.cue}"); this report is about {article(facts.role)} '
                          f"{facts.role}", offset=offset,
                          end_offset=passage.at(other.end - 1) + 1,
                          data=(("title", other.title), ("role", facts.role)))
