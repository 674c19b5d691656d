"""How a role's name may be written: the forms of its name split for matching, plural
endings, the writer's case, and the one-letter slips that make a typo."""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.document.text import tokens

HYPHENS = frozenset("-‐‑")


@dataclass(frozen=True)
class RoleMention:
    """The report's own role (or an alias) named in a unit's text. `how` says how it is
    written wrongly, empty when it is fine; `replacement` is the safe fix, None when
    there is none."""

    start: int
    end: int
    written: str
    canonical: str
    replacement: str | None = None
    how: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameForm:
    """One name of the role (the role or an alias), split for matching."""

    name: str
    words: tuple[str, ...]
    folded: tuple[str, ...]
    gaps: tuple[str, ...]  # " " or "-" between the words
    special: tuple[bool, ...]  # words whose capitals belong to the name: UX, DevOps
    initials: str

    @property
    def compact(self) -> str:
        return "".join(self.folded)


def gap_kind(gap: str) -> str | None:
    """" " for white space, "-" for one hyphen, None for anything that breaks a name."""
    if gap and not gap.strip():
        return " "
    if len(gap) == 1 and gap in HYPHENS:
        return "-"
    return None


def keeps_capitals(word: str) -> bool:
    return any(c.isupper() for c in word[1:])


def name_form(name: str) -> NameForm | None:
    parts = tokens(name)
    if not parts:
        return None
    words = tuple(w for w, _, _ in parts)
    gaps = tuple(gap_kind(name[parts[k][2]:parts[k + 1][1]]) or " "
                 for k in range(len(parts) - 1))
    initials = "".join(w if w.isupper() else w[0].upper() for w in words if w[0].isupper())
    return NameForm(name, words, tuple(w.casefold() for w in words), gaps,
                 tuple(keeps_capitals(w) for w in words), initials)


def plural_suffix(written: str, canonical: str) -> str | None:
    """The plural ending `written` (case-folded) adds to `canonical` (case-folded): "",
    "s", "es", "ies" (for a final y), or None when it is not the word or its plural."""
    if written == canonical:
        return ""
    for suffix in ("s", "es"):
        if written == canonical + suffix:
            return suffix
    if canonical.endswith("y") and written == canonical[:-1] + "ies":
        return "ies"
    return None


def with_suffix(canonical: str, written: str, suffix: str) -> str:
    """`canonical` with the plural ending of `written`, in the case it is written."""
    if suffix == "ies":
        return canonical[:-1] + written[-3:]
    return canonical + (written[len(written) - len(suffix):] if suffix else "")


def in_style(canonical: str, written: str) -> str:
    """`canonical` in the case `written` is in: lower, capitals, capitalised or as the
    name has it."""
    if len(written) > 1 and written.isupper():
        return canonical.upper()
    if written.islower() and not keeps_capitals(canonical):
        return canonical.lower()
    if written[:1].isupper() and not keeps_capitals(canonical):
        return canonical[:1].upper() + canonical[1:]
    return canonical


def one_slip(a: str, b: str) -> bool:
    """One letter dropped, added, changed or two swapped: a typing slip."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1:]


def cased(written: list[str], form: NameForm, suffix: str) -> tuple[list[str], bool]:
    """The written words with wrong capitals put right, and whether any were wrong.
    Right: the name's own capitals kept in words like UX and DevOps, and the other
    words either as in the name or in lower case, any capitalised ones first
    ("Java full stack developer", "Data scientists")."""
    fixed = list(written)
    wrong = False
    seen_lower = False
    last = len(written) - 1
    for k, (word, canonical) in enumerate(zip(written, form.words, strict=True)):
        cut = len(canonical) - (1 if k == last and suffix == "ies" else 0)
        stem, tail = word[:cut], word[cut:]
        name = canonical[:cut]
        if form.special[k]:
            if stem != name:
                fixed[k], wrong = name + tail, True
        elif name.islower():
            continue  # "of" in "Chief of Staff"
        elif stem == name.lower():
            seen_lower = True
        elif stem == name or stem.isupper():
            if seen_lower and stem == name:
                fixed[k], wrong = name.lower() + tail, True
        else:
            fixed[k], wrong = (name.lower() if seen_lower or k else name) + tail, True
            seen_lower = seen_lower or k > 0
    return fixed, wrong
