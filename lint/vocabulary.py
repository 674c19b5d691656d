"""Role families and their vocabulary: which family a report's role belongs to, and
which family's words a piece of its text uses.

The families (titles, the words that mark a role name, and distinctive vocabulary with
weights) are data: `role_families.yaml`; the words every role in an industry uses are
in `markets.yaml` and never count against a report about that industry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportlint.data import strings
from reportlint.text import PhraseMatch, PhraseMatcher, tokens

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


@dataclass(frozen=True)
class Reading:
    """What one piece of text's distinctive words say: weight and words per family, and
    the families of which it used at least one unmistakable (strong) word."""

    weights: dict[str, int] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)

    def leader(self, own: RoleFamily) -> tuple[str, int] | None:
        """The other family whose words outweigh every family's, own family included,
        or None when none leads alone. The own family's neighbours do not count."""
        ranked = sorted(((f, w) for f, w in self.weights.items() if f not in own.neighbours),
                        key=lambda item: -item[1])
        if not ranked:
            return None
        family, weight = ranked[0]
        if family == own.key or (len(ranked) > 1 and ranked[1][1] == weight):
            return None
        return family, weight




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
                frozenset(strings(spec.get("neighbours"))))
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
        self._keywords: PhraseMatcher[str] = PhraseMatcher(
            (keyword, family.key) for family in self.families.values()
            for keyword in family.keywords)

    def titles(self) -> list[str]:
        return [title for family in self.families.values() for title in family.titles]

    def family_of(self, names: Sequence[str]) -> RoleFamily | None:
        """The family of a role: an exact title in the data first, then the role name's
        head noun when it decides ("Designer"), then its nearest family keyword
        ("Support" in "Production Support Analyst")."""
        for name in names:
            if _key(name) in self._by_title:
                return self._by_title[_key(name)]
        for name in names:
            words = [w for w, _, _ in tokens(name)]
            if not words:
                continue
            head = words[-1].casefold()
            for family in self.families.values():
                if head in family.heads or head.rstrip("s") in family.heads:
                    return family
            found = self._keywords.find(name)
            if found:
                return self.families[found[-1].value]
        return None

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
    """Weigh phrases found by `Vocabulary.find`, each distinct phrase counted once."""
    result = Reading()
    seen: set[tuple[str, str]] = set()
    for match in matches:
        key, counts = match.value
        written = match.words if match.words.isupper() else match.words.casefold()
        for family, weight in counts:
            if (family, key) in seen:
                continue
            seen.add((family, key))
            result.weights[family] = result.weights.get(family, 0) + weight
            result.words.setdefault(family, []).append(written)
            if weight >= STRONG:
                result.strong.add(family)
    return result


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
        spec = self.industries.get(own or "", {})
        return _key(named) in {_key(n) for n in strings(spec.get("related"))} or (
            other is not None and _key(other) in {_key(n) for n in strings(spec.get("related"))})

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


def _key(phrase: str) -> str:
    return " ".join(w.casefold() for w, _, _ in tokens(phrase))


_VOCABULARIES: dict[tuple[str, str, str | None], Vocabulary] = {}
_MARKETS: dict[str, Markets] = {}


def vocabulary_for(config: Config | None, industry: str | None) -> Vocabulary:
    """The role families and markets (packaged data merged with the config) for a report
    about `industry`, built once per distinct data and industry."""
    from reportlint.data import data_key, load_data

    key = (data_key("role_families", config), data_key("markets", config), industry)
    if key not in _VOCABULARIES:
        _VOCABULARIES[key] = Vocabulary(load_data("role_families", config),
                                        load_data("markets", config), industry)
    return _VOCABULARIES[key]


def markets_for(config: Config | None) -> Markets:
    from reportlint.data import data_key, load_data

    key = data_key("markets", config)
    if key not in _MARKETS:
        _MARKETS[key] = Markets(load_data("markets", config))
    return _MARKETS[key]
