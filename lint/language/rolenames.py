"""The report's own role as the prose writes it, and which of those ways are wrong.

The role written as an ordinary noun is the role: lower case ("a payroll specialist
checks..."), sentence case at the start of a sentence or bullet ("Data scientists
build..."), plural, possessive, after "a"/"an", as a closed or hyphenated compound in
prose ("frontend developer", "full-stack developer"). None of these is a variant.

A variant is one an editor would change:

- case: capitals that break the name ("full Stack developer", "data Analyst") or a
  word whose capitals are part of the name lost ("ux designer", "Devops engineer");
- hyphenation: the name in title case with other hyphens or spaces ("Data-Analyst",
  "Front End Developer" for "Front-End Developer");
- spelling: one word of the name one typing slip away from the right word, when the
  slip is not itself a word ("data enginer", but never "data analysis");
- abbreviation: a word of the name cut short in the title ("Prod Support Analyst";
  "sales ops manager" in prose is shop talk), or the whole name as initials that
  `role_aliases` does not declare ("PMs", "DSs", "APM");
- word order and another title: the name's words in another order in title case
  ("Specialist Payroll"), or the role's field with a generic head ("Data Science
  Specialist" for "Data Scientist").

Only case, hyphenation, spelling and a cut-short word get a fix, and the fix keeps the
written style: "data enginer" becomes "data engineer", not "Data Engineer".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reportlint.document.text import tokens
from reportlint.language.roleforms import (
    NameForm,
    RoleMention,
    cased,
    gap_kind,
    in_style,
    name_form,
    one_slip,
    plural_suffix,
    with_suffix,
)

if TYPE_CHECKING:
    from reportlint.language.titlewords import TitleWords

Word = tuple[str, int, int]  # as `text.tokens` gives them: word, start, end

_LINK_LABEL = re.compile(r"\[([^\]\n]*)\]\(")
_INITIALISM = re.compile(r"([A-Z]{2,6})(s?)")


class RoleNames:
    """The report's role and its aliases, and every way the prose writes them."""

    def __init__(self, names: Iterable[str], words: TitleWords) -> None:
        self.words = words
        unique = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        forms = [form for form in map(name_form, unique) if form is not None]
        self.forms = sorted(forms, key=lambda form: -len(form.words))
        self.keys = [" ".join(form.folded) for form in self.forms]
        self.role = forms[0] if forms else None
        # Initials that stand for the role without a finding: the aliases themselves.
        self.declared = {form.name for form in forms if len(form.words) == 1}
        self._firsts = {form.folded[0] for form in self.forms}
        self._near = {w for form in self.forms for w in form.folded}
        self._near |= {short for short, full in words.abbreviations.items() if full in self._near}
        self.suspect = self._suspect_role()
        # Words that can start a mention, for a set lookup before any other work.
        self._prefixes = {form.compact[:k] for form in self.forms
                          for k in range(len(form.folded[0]), len(form.compact) + 1)}
        self._initials = {prefix + form.initials + plural for form in self.forms
                          if len(form.words) > 1 and len(form.initials) > 1
                          for prefix in ("", *words.initialism_prefixes)
                          for plural in ("", "s")}

    def _suspect_role(self) -> bool:
        """True when the front matter's role itself looks wrong ("Engineer Data", "Data
        Enginer"): then no fix may copy it into the prose."""
        role = self.role
        if role is None or len(role.words) < 2:
            return False
        heads = self.words.heads
        if any(w in heads for w in role.folded[:-1]) and role.folded[-1] not in heads and \
                not {"of", "for", "to", "and"} & set(role.folded):
            return True
        return any(w not in heads and w not in self.words.real_words and len(w) >= 5
                   and any(one_slip(w, head) for head in heads) for w in role.folded)

    # --- finding --------------------------------------------------------------------

    def find(self, text: str, words: Sequence[Word] | None = None,
             folded: Sequence[str] | None = None) -> list[RoleMention]:
        """Every mention of the role in `text`, fine or not, left to right."""
        words = tokens(text) if words is None else words
        if folded is None:
            folded = [word.casefold() for word, _, _ in words]
        labels = [m.span(1) for m in _LINK_LABEL.finditer(text)] if "](" in text else []
        found: list[RoleMention] = []
        near, prefixes, initials = self._near, self._prefixes, self._initials
        last = len(folded) - 1
        after = 0
        for at, word in enumerate(folded):
            if at < after or not (word in prefixes or word in near or (
                    at < last and folded[at + 1] in near) or words[at][0] in initials):
                continue
            hit = self._at(text, words, folded, at)
            if hit is None:
                continue
            mention, size = hit
            if mention.how and any(s <= mention.start < e for s, e in labels):
                # a link's words name another page, as that page is titled
                mention = RoleMention(mention.start, mention.end, mention.written,
                                      mention.canonical)
            found.append(mention)
            after = at + size
        return found

    def _at(self, text: str, words: Sequence[Word], folded: Sequence[str],
            at: int) -> tuple[RoleMention, int] | None:
        word = folded[at]
        for form in self.forms:
            if form.compact.startswith(word):
                hit = self._compact_at(text, words, folded, at, form)
                if hit is not None:
                    return hit
        if word in self._near or (at + 1 < len(folded) and folded[at + 1] in self._near):
            for form in self.forms:
                hit = self._slip_at(text, words, folded, at, form) or \
                    self._order_at(text, words, folded, at, form)
                if hit is not None:
                    return hit
        if word in self._firsts:
            for form in self.forms:
                hit = self._other_title_at(text, words, folded, at, form)
                if hit is not None:
                    return hit
        if words[at][0] in self._initials:
            return self._initials_at(text, words, folded, at)
        return None

    def _gaps(self, text: str, words: Sequence[Word], at: int, size: int) -> list[str] | None:
        gaps = []
        for k in range(at, at + size - 1):
            kind = gap_kind(text[words[k][2]:words[k + 1][1]])
            if kind is None:
                return None
            gaps.append(kind)
        return gaps

    def _in_title_run(self, text: str, words: Sequence[Word], at: int, size: int) -> bool:
        """True when the words around a title-case span are capitalised too: the span is
        part of a longer name ("Top Front End Developer Interview Questions", "Business
        Analyst Data Dictionary"), not the role written as a title."""
        end = at + size
        if end < len(words) and words[end][0][:1].isupper() and \
                gap_kind(text[words[end - 1][2]:words[end][1]]) is not None:
            return True
        if at == 0 or not words[at - 1][0][:1].isupper():
            return False
        before = words[at - 1][0].casefold()
        if before in self.words.seniority or before in self.words.role_use_before:
            return False
        opening = text[words[at - 2][2]:words[at - 1][1]] if at >= 2 else "\n"
        return gap_kind(text[words[at - 1][2]:words[at][1]]) is not None and \
            not any(c in opening for c in ".!?:;\n*(\"“")

    def _mention(self, text: str, words: Sequence[Word], at: int, size: int, form: NameForm,
                 replacement: str | None = None, how: tuple[str, ...] = ()) -> RoleMention:
        start, end = words[at][1], words[at + size - 1][2]
        return RoleMention(start, end, text[start:end], form.name, replacement, how)

    def _compact_at(self, text: str, words: Sequence[Word], folded: Sequence[str], at: int,
                    form: NameForm) -> tuple[RoleMention, int] | None:
        """The name written with its letters in order: in any case, closed, spaced or
        hyphenated, singular or plural."""
        if len(form.words) == 1 and not words[at][0].startswith(form.words[0]):
            return None  # a one-word alias ("PM") only as written: "3 pm" is a time
        joined = ""
        for end in range(at, len(words)):
            if end > at and gap_kind(text[words[end - 1][2]:words[end][1]]) is None:
                return None
            joined += folded[end]
            suffix = plural_suffix(joined, form.compact)
            if suffix is not None:
                size = end - at + 1
                return self._judged(text, words, at, size, form, suffix), size
            if not form.compact.startswith(joined):
                return None
        return None

    def _judged(self, text: str, words: Sequence[Word], at: int, size: int, form: NameForm,
                suffix: str) -> RoleMention:
        written = [w for w, _, _ in words[at:at + size]]
        gaps = self._gaps(text, words, at, size) or []
        same_words = [w.casefold() for w in written[:-1]] == list(form.folded[:-1]) and \
            size == len(form.words)
        if all(w.isupper() for w in written) and not all(form.special):
            return self._mention(text, words, at, size, form)  # SHOUTED, as in a banner
        if not (same_words and tuple(gaps) == form.gaps):
            if len(form.words) > 1 and all(w[:1].isupper() for w in written) and \
                    not self._in_title_run(text, words, at, size):
                fixed = with_suffix(form.name, written[-1], suffix)
                return self._mention(text, words, at, size, form, fixed, ("hyphenation",))
            return self._mention(text, words, at, size, form)  # "full-stack developer"
        fixed_words, wrong = cased(written, form, suffix)
        if not wrong:
            return self._mention(text, words, at, size, form)
        start = words[at][1]
        fixed = text[start:words[at + size - 1][2]]
        for (_, s, e), new in reversed(list(zip(words[at:at + size], fixed_words,
                                                   strict=True))):
            fixed = fixed[:s - start] + new + fixed[e - start:]
        return self._mention(text, words, at, size, form, fixed, ("case",))

    def _slip_at(self, text: str, words: Sequence[Word], folded: Sequence[str], at: int,
                 form: NameForm) -> tuple[RoleMention, int] | None:
        """The name with one word mistyped ("data enginer") or cut short ("Prod Support
        Analyst"), the other words as in the name."""
        size = len(form.words)
        if size < 2 or at + size > len(words):
            return None
        gaps = self._gaps(text, words, at, size)
        if gaps is None:
            return None
        how: list[str] = []
        fixed = []
        for k in range(size):
            word, canonical = folded[at + k], form.folded[k]
            written = words[at + k][0]
            suffix = plural_suffix(word, canonical) if k == size - 1 else \
                ("" if word == canonical else None)
            if suffix is not None:
                fixed.append(written)
                continue
            base, tail = word, ""
            if k == size - 1 and word.endswith("s") and not canonical.endswith("s"):
                base, tail = word[:-1], written[-1:]
            if self.words.abbreviations.get(word) == canonical:
                if not all(w[:1].isupper() for w, _, _ in words[at:at + size]):
                    return None  # "sales ops manager", "backend dev work": shop talk
                how.append("abbreviation")
                fixed.append(in_style(form.words[k], written))
            elif word not in self.words.real_words and self._mistyped(base, canonical):
                how.append("spelling")
                fixed.append(in_style(form.words[k], written) + tail)
            else:
                return None
        if not how or how.count("spelling") > 1:
            return None  # one slip in a name is a typo; two is another name
        replacement = ""
        for k in range(size):
            replacement += fixed[k]
            if k < size - 1:
                replacement += text[words[at + k][2]:words[at + k + 1][1]]
        return self._mention(text, words, at, size, form, replacement,
                             tuple(dict.fromkeys(how))), size

    def _mistyped(self, word: str, canonical: str) -> bool:
        if len(canonical) < 5 or len(word) < 4 or word[0] != canonical[0]:
            return False
        if word in self.words.real_words:
            return False  # "manger", "designed": words of their own
        if word.endswith(("ed", "ing", "ly")) and not canonical.endswith(("ed", "ing", "ly")):
            return False
        return one_slip(word, canonical)

    def _order_at(self, text: str, words: Sequence[Word], folded: Sequence[str], at: int,
                  form: NameForm) -> tuple[RoleMention, int] | None:
        """The name's words in another order, written as a title ("Specialist Payroll")."""
        size = len(form.words)
        if size < 2 or at + size > len(words) or self._gaps(text, words, at, size) is None:
            return None
        window = list(folded[at:at + size])
        if not all(w[:1].isupper() for w, _, _ in words[at:at + size]) or \
                self._in_title_run(text, words, at, size):
            return None
        for suffix in ("", "s", "es"):
            if suffix and not window[-1].endswith(suffix):
                continue
            trimmed = [*window[:-1], window[-1][:len(window[-1]) - len(suffix)]]
            if trimmed != list(form.folded) and sorted(trimmed) == sorted(form.folded):
                return self._mention(text, words, at, size, form, None, ("word order",)), size
        return None

    def _other_title_at(self, text: str, words: Sequence[Word], folded: Sequence[str],
                        at: int, form: NameForm) -> tuple[RoleMention, int] | None:
        """The role's field with a generic head, as a title: "Data Science Specialist" for a
        Data Scientist."""
        size = len(form.words) + 1
        fields = self.words.disciplines.get(form.folded[-1])
        if not fields or size < 3 or at + size > len(words):
            return None
        if tuple(folded[at:at + size - 2]) != form.folded[:-1] or folded[at + size - 2] \
                not in fields:
            return None
        head = folded[at + size - 1]
        if head not in self.words.generic_heads and head.removesuffix("s") not in \
                self.words.generic_heads:
            return None
        if not all(w[:1].isupper() for w, _, _ in words[at:at + size]) or \
                self._gaps(text, words, at, size) is None:
            return None
        if at and folded[at - 1] in self.words.credentials:
            return None  # "Certified Payroll Professional": a credential
        if at + size < len(folded) and folded[at + size] in self.words.not_title_after:
            return None  # "Data Analytics Professional Certificate": a course
        return self._mention(text, words, at, size, form, None, ("another title",)), size

    def _initials_at(self, text: str, words: Sequence[Word], folded: Sequence[str],
                     at: int) -> tuple[RoleMention, int] | None:
        """Initials of the role ("PM", "PMs", "APM") that role_aliases does not declare,
        used as the role: after "a", "the", "as", a seniority word, or before "roles",
        "interviews"; or in the plural."""
        written = words[at][0]
        found = _INITIALISM.fullmatch(written)
        if found is None:
            return None
        core, plural = found.group(1), found.group(2)
        if core in self.words.other_initials:
            return None  # "a BA in economics", "the DE office": initials that mean more
        for form in self.forms:
            initials = form.initials
            if len(form.words) < 2 or len(initials) < 2:
                continue
            prefix = core[:len(core) - len(initials)]
            if not core.endswith(initials) or (prefix and prefix not in
                                               self.words.initialism_prefixes):
                continue
            if initials in self.declared or core in self.declared:
                return None
            before = folded[at - 1] if at else ""
            after = folded[at + 1] if at + 1 < len(folded) else ""
            if before.isdigit() or after in self.words.not_role_after:
                return None
            if text[:words[at][1]].rstrip().endswith("("):
                return None  # "Product Managers (PMs)": the writer defines the short form
            if plural or before in self.words.role_use_before or \
                    after.removesuffix("s") in self.words.self_after or \
                    after in self.words.self_after:
                return self._mention(text, words, at, 1, form, None,
                                     ("abbreviation not in role_aliases",)), 1
        return None

    # --- the same role under another title -------------------------------------------

    def same_role(self, key: str) -> bool:
        """True when a job title (case-folded words joined by spaces) names the report's
        role: its words closed up or hyphenated ("frontend developer" for "Front-End
        Developer"), a head that means the same ("Backend Engineer" for "Backend
        Developer"), or the broad occupation the role belongs to ("web developer",
        "software engineer" in a Frontend Developer report)."""
        parts = key.split()
        while len(parts) > 1 and parts[0] in self.words.seniority:
            parts = parts[1:]
        if not parts:
            return False
        head, modifiers = parts[-1], parts[:-1]
        for form in self.forms:
            if not self._same_head(head, form.folded[-1]):
                continue
            if "".join(modifiers) == "".join(form.folded[:-1]):
                return True
            if modifiers and all(m in self.words.umbrella_modifiers for m in modifiers):
                return True
        return False

    def _same_head(self, head: str, own: str) -> bool:
        if plural_suffix(head, own) is not None:
            return True
        for group in self.words.synonym_heads:
            if own in group and (head in group or head.removesuffix("s") in group):
                return True
        return False
