"""Role families and their vocabulary: which family a report's role belongs to, and
which family's words a piece of its text uses.

The families (titles, the words that mark a role name, and distinctive vocabulary with
weights) are data: `role_families.yaml`; the words every role in an industry uses are
in `markets.yaml` and never count against a report about that industry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from reportlint.document.text import PhraseMatch, PhraseMatcher, tokens
from reportlint.language.data import strings

if TYPE_CHECKING:
    from reportlint.config import Config

STRONG, LEANING = 2, 1
Weights = tuple[tuple[str, int], ...]  # (family key, weight) pairs a phrase counts for
Counted = tuple[str, Weights]  # a phrase's comparison key and what it counts for


@dataclass(frozen=True)
class RoleFamily:
    key: str
    label: str
    titles: tuple[str, ...]
    heads: frozenset[str]
    keywords: tuple[str, ...]
    neighbours: frozenset[str] = frozenset()
    shared: frozenset[str] = frozenset()  # other families' phrases, as `_stem` keys


@dataclass(frozen=True)
class RoleFamilies:
    """The families one role belongs to, read from its whole title: a DevSecOps Engineer
    is security and infrastructure, a Marketing Data Analyst data and marketing. The
    first is the one the title names last (its head), the family findings speak of."""

    members: tuple[RoleFamily, ...]

    @property
    def primary(self) -> RoleFamily:
        return self.members[0]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(family.key for family in self.members)

    @cached_property
    def neighbours(self) -> frozenset[str]:
        """Families whose words are ordinary in this role's reports."""
        return frozenset().union(*(f.neighbours for f in self.members)) - self.keys

    @cached_property
    def shared(self) -> frozenset[str]:
        """Other families' phrases that are ordinary in this role's reports."""
        return frozenset().union(*(family.shared for family in self.members))


@dataclass(frozen=True)
class Foreign:
    """The other family a piece of text is written in: its weight, the distinct words
    that make it, and whether one of them is unmistakable (strong)."""

    family: str
    weight: int
    words: tuple[str, ...]
    strong: bool


@dataclass(frozen=True)
class Reading:
    """The distinctive phrases one piece of text uses, each distinct phrase once:
    (comparison key, as written, the families it counts for)."""

    phrases: tuple[tuple[str, str, Weights], ...] = ()

    def foreign(self, role: RoleFamilies) -> Foreign | None:
        """The other family whose words this text uses most, counting only the words
        that belong to none of the role's families, none of their neighbours and none of
        the phrases they share; or None when it uses no such words, or when the role's
        own families' words beside them weigh as much."""
        own_keys, allowed = role.keys, role.keys | role.neighbours
        shared = role.shared
        own = 0
        weights: dict[str, int] = {}
        words: dict[str, list[str]] = {}
        strong: set[str] = set()
        for key, written, counts in self.phrases:
            mine = [w for f, w in counts if f in own_keys]
            if mine:
                own += max(mine)
            if mine or _stem(key) in shared or any(f in allowed for f, _ in counts):
                continue
            for family, weight in counts:
                weights[family] = weights.get(family, 0) + weight
                words.setdefault(family, []).append(written)
                if weight >= STRONG:
                    strong.add(family)
        if not weights:
            return None
        family = max(weights, key=lambda f: (weights[f], f in strong, len(words[f])))
        if weights[family] <= own:
            return None
        return Foreign(family, weights[family], tuple(dict.fromkeys(words[family])),
                       family in strong)


class Vocabulary:
    """The role families, with one matcher over every family's words for one industry."""

    def __init__(self, families_data: Any, markets_data: Any, industry: str | None) -> None:
        raw = families_data.get("families") if isinstance(families_data, dict) else None
        raw = raw if isinstance(raw, dict) else {}
        self.families: dict[str, RoleFamily] = {}
        phrases: dict[str, dict[str, int]] = {}
        for key, spec in raw.items():
            if not isinstance(spec, dict):
                continue
            key = str(key)
            self.families[key] = RoleFamily(
                key, str(spec.get("label") or key.replace("_", " ")),
                tuple(strings(spec.get("titles"))),
                frozenset(h.casefold() for h in strings(spec.get("heads"))),
                tuple(strings(spec.get("keywords"))),
                frozenset(strings(spec.get("neighbours"))),
                frozenset(_stem(_key(p)) for p in strings(spec.get("shared"))))
            for weight, group in ((STRONG, "strong"), (LEANING, "terms")):
                for phrase in strings(spec.get(group)):
                    counted = phrases.setdefault(phrase, {})
                    counted[key] = max(counted.get(key, 0), weight)
        self.markets = Markets(markets_data)
        neutral = {_key(p) for p in self.markets.vocabulary(industry)}
        entries: list[tuple[str, Counted]] = [
            (p, (_key(p), ())) for p in self.markets.vocabulary(industry)]
        entries += [(phrase, (_key(phrase), tuple(sorted(counted.items()))))
                    for phrase, counted in phrases.items() if _key(phrase) not in neutral]
        self.matcher: PhraseMatcher[Counted] = PhraseMatcher(entries)
        self.title_matcher: PhraseMatcher[str] = PhraseMatcher(
            (title, _key(title)) for title in dict.fromkeys(self.titles()))
        self._by_title = {_key(title): family for family in reversed(self.families.values())
                          for title in family.titles}
        by_keyword: dict[str, list[str]] = {}
        for family in self.families.values():
            for keyword in family.keywords:
                by_keyword.setdefault(keyword, []).append(family.key)
        self._keywords: PhraseMatcher[tuple[str, ...]] = PhraseMatcher(
            (keyword, tuple(keys)) for keyword, keys in by_keyword.items())

    def titles(self) -> list[str]:
        return [title for family in self.families.values() for title in family.titles]

    def families_of(self, names: Sequence[str]) -> RoleFamilies | None:
        """The families of a role, from its whole name and its aliases: the family that
        lists the exact title, the family of its head noun ("Designer"), and the family
        of every keyword in it, the longest keyword winning ("Security Operations" is
        security, not operations; "Marketing Data Analyst" is data and marketing). The
        family named nearest the end comes first (the head decides)."""
        found: list[tuple[int, int, str]] = []  # (rank, -position, family)
        for number, name in enumerate(names):
            rank = number * 3  # the role itself before its aliases
            words = [w for w, _, _ in tokens(name)]
            if not words:
                continue
            exact = self._by_title.get(_key(name))
            if exact is not None:
                found.append((rank, 0, exact.key))
            head = words[-1].casefold()
            for family in self.families.values():
                if head in family.heads or head.rstrip("s") in family.heads:
                    found.append((rank + 1, 0, family.key))
            for match in self._keywords.find(name):
                found += [(rank + 2, -match.start, key) for key in match.value]
        keys = list(dict.fromkeys(key for _, _, key in sorted(found)))
        return RoleFamilies(tuple(self.families[k] for k in keys)) if keys else None

    def find(self, text: str, words: Sequence[tuple[str, int, int]] | None = None,
             skip: Sequence[tuple[int, int]] = (),
             folded: Sequence[str] | None = None) -> list[PhraseMatch[Counted]]:
        """Every family's distinctive phrases in `text` (split into `words` by
        `text.tokens`, case-folded in `folded`), but none inside the `skip` spans (job
        titles)."""
        found = self.matcher.find_in(text, tokens(text) if words is None else words, folded)
        if skip:
            found = [m for m in found
                     if not any(start < m.end and m.start < end for start, end in skip)]
        return found

    def read(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> Reading:
        """The families whose distinctive words `text` uses."""
        return reading(self.find(text, skip=skip))


def reading(matches: Iterable[PhraseMatch[Counted]]) -> Reading:
    """The phrases found by `Vocabulary.find`, each distinct phrase once."""
    seen: set[str] = set()
    phrases: list[tuple[str, str, Weights]] = []
    for match in matches:
        key, counts = match.value
        if key in seen or not counts:
            continue
        seen.add(key)
        written = match.words if match.words.isupper() else match.words.casefold()
        phrases.append((key, written, counts))
    return Reading(tuple(phrases))


class Markets:
    """markets.yaml: industries and regions with their other names, and the vocabulary
    of each industry."""

    def __init__(self, data: Any) -> None:
        data = data if isinstance(data, dict) else {}
        industries = data.get("industries")
        self.industries: dict[str, dict[str, Any]] = {
            str(name): spec if isinstance(spec, dict) else {}
            for name, spec in (industries.items() if isinstance(industries, dict) else ())}
        regions = data.get("regions")
        self.regions: dict[str, list[str]] = {
            str(name): strings(names)
            for name, names in (regions.items() if isinstance(regions, dict) else ())}
        self.slots = strings(data.get("slots"))
        self._industry_by_key: dict[str, str] = {}
        for canonical, spec in reversed(self.industries.items()):
            for name in (*strings(spec.get("names")), canonical):
                self._industry_by_key[_key(name)] = canonical
        self._region_by_key: dict[str, str] = {}
        for canonical, others in reversed(self.regions.items()):
            for name in (*others, canonical):
                self._region_by_key[_key(name)] = canonical
        self._related_keys = {canonical: frozenset(_key(n) for n in strings(spec.get("related")))
                              for canonical, spec in self.industries.items()}

    def industry(self, name: str) -> str | None:
        """The canonical industry a name stands for, if known."""
        return self._industry_by_key.get(_key(name))

    def region(self, name: str) -> str | None:
        return self._region_by_key.get(_key(name))

    def same_industry(self, named: str, industry: str) -> bool:
        """Whether `named` is the report's industry, another name for it, or a related
        one (an Edtech report may speak of education)."""
        own = self.industry(industry)
        other = self.industry(named)
        if _key(named) == _key(industry) or (own is not None and own == other):
            return True
        related = self._related_keys.get(own or "", frozenset())
        return _key(named) in related or (other is not None and _key(other) in related)

    def same_region(self, named: str, region: str) -> bool:
        own, other = self.region(region), self.region(named)
        return _key(named) == _key(region) or (own is not None and own == other)

    def vocabulary(self, industry: str | None) -> list[str]:
        canonical = self.industry(industry) if industry else None
        if canonical is None:
            return []
        return strings(self.industries[canonical].get("vocabulary"))

    def industry_names(self) -> list[str]:
        names = {name for canonical, spec in self.industries.items()
                 for name in (canonical, *strings(spec.get("names")))}
        return sorted(names, key=lambda n: (-len(n), n))

    def region_names(self) -> list[str]:
        names = {name for canonical, others in self.regions.items()
                 for name in (canonical, *others)}
        return sorted(names, key=lambda n: (-len(n), n))


@lru_cache(maxsize=1 << 13)
def _key(phrase: str) -> str:
    return " ".join(w.casefold() for w, _, _ in tokens(phrase))


def _stem(key: str) -> str:
    """A phrase key without a plural "s", so that a shared "vulnerability" covers the
    "vulnerabilities" another family lists, and the other way round."""
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


_VOCABULARIES: dict[tuple[str, str, str | None], Vocabulary] = {}
_MARKETS: dict[str, Markets] = {}


def vocabulary_for(config: Config | None, industry: str | None) -> Vocabulary:
    """The role families and markets (packaged data merged with the config) for a report
    about `industry`, built once per distinct data and industry."""
    from reportlint.language.data import data_key, load_data

    key = (data_key("role_families", config), data_key("markets", config), industry)
    if key not in _VOCABULARIES:
        _VOCABULARIES[key] = Vocabulary(load_data("role_families", config),
                                        load_data("markets", config), industry)
    return _VOCABULARIES[key]


def markets_for(config: Config | None) -> Markets:
    from reportlint.language.data import data_key, load_data

    key = data_key("markets", config)
    if key not in _MARKETS:
        _MARKETS[key] = Markets(load_data("markets", config))
    return _MARKETS[key]
