"""Rules: what one is, and the registry that finds them (built in, and from plugins).

A rule is a class with a code ("S001"), a kebab-case name, a category, a default
severity and a docstring in three parts (What it does / Why is this bad? / Example).
Per-file rules implement `check(doc, context)`. Cross-report rules (`corpus = True`)
work in two steps so that files can be read in parallel processes and cached:
`summarize(doc, context)` turns one document into small picklable data (run where the
file is read), and `check_corpus(entries, context)` compares the summaries of all files
and yields (path, Hit) pairs whose Hit carries a line and column.

Built-in rules are found in the modules of this package; third parties add rules
through the `reportlint.rules` entry-point group, each entry pointing at a module or a
rule class.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from reportlint.corpus.entry import CorpusEntry
from reportlint.findings import Category, Finding, Hit, Severity

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.document.model import Document

# Every module and package under reportlint.rules but these holds built-in rules.
_NOT_RULES = frozenset({"reportlint.rules.registry", "reportlint.rules.docs"})
ENTRY_POINT_GROUP = "reportlint.rules"


Number = TypeVar("Number", int, float)


def number(value: object, default: Number, *, least: float | None = None,
           most: float | None = None) -> Number:
    """`value` when it is a number of `default`'s kind (a whole number where an int goes)
    between `least` and `most`, else `default`: an option a config gets wrong (text, a
    count of zero) counts as unset, so no rule fails a run over it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    if isinstance(default, int) and not isinstance(value, int):
        return default
    if (least is not None and value < least) or (most is not None and value > most):
        return default
    return type(default)(value)


class Context:
    """What a rule may consult besides the document: the effective configuration."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def required_sections(self) -> list[str]:
        """Catalog keys of the sections a report must have: the contract's, or the
        config's `required_sections` (keys or headings)."""
        from reportlint.schema import CATALOG, normalize_heading

        configured = self.config.required_sections
        if configured is None:
            return [spec.key for spec in CATALOG if spec.required]
        wanted = {normalize_heading(name) for name in configured}
        return [spec.key for spec in CATALOG
                if spec.key in configured or normalize_heading(spec.name) in wanted]

    def option(self, rule: type[Rule] | Rule, name: str, default: object) -> object:
        return self.config.rules.get(rule.code, {}).get(name, default)

    def number_option(self, rule: type[Rule] | Rule, name: str, default: Number, *,
                      least: float | None = None, most: float | None = None) -> Number:
        """A numeric rule option from the config, checked by `number`; `default` is the
        one the rule's Options declare (`Options().name`) or one it works out."""
        return number(self.option(rule, name, default), default, least=least, most=most)


class RuleOptions(BaseModel):
    """A rule's options as a config may set them under `rules: {CODE: {...}}`: names,
    types, ranges, what each does (`description`) and its default, checked when the
    config loads (a typo or a wrong value is exit 2, never a silent default). Options
    whose defaults live in a data file leave the field None and say where in
    `defaults`, so the reference, `init` and `explain` show the value in effect."""

    # Built when a config sets options (or the reference shows them), not at import: a
    # run that sets none never pays for the validators.
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    @classmethod
    def defaults(cls) -> dict[str, object]:
        """Each option's value when the config does not set it (None: no default)."""
        return {name: field.default for name, field in cls.model_fields.items()}


PositiveInt = Annotated[int, Field(ge=1)]
Count = Annotated[int, Field(ge=0)]
Share = Annotated[float, Field(gt=0, le=1)]
PositiveNumber = Annotated[float, Field(gt=0)]
NonNegative = Annotated[float, Field(ge=0)]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    corpus: ClassVar[bool] = False  # True: a cross-report rule

    # The options a config may set; a rule with options declares its own subclass.
    Options: ClassVar[type[RuleOptions]] = RuleOptions

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        return iter(())

    def summarize(self, doc: Document, context: Context) -> object:
        return None

    def check_corpus(self, entries: Sequence[CorpusEntry],
                     context: Context) -> Iterator[tuple[str, Hit]]:
        return iter(())

    def recheck_corpus(
            self, entries: Sequence[CorpusEntry], before: Mapping[str, object],
            found: Mapping[str, Sequence[Finding]],
            context: Context) -> tuple[Collection[str], Iterable[tuple[str, Hit]]] | None:
        """Optional: after some files changed since a run whose findings are kept, (the
        reports whose findings can differ, their new hits); the others keep theirs.
        `before` maps each changed, added or removed path to its summary then (None when
        it had none); those paths must be among the reports. `found`: this rule's
        findings in that run, by path. None: check all again."""
        return None

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else cls.name

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


_REGISTERED: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry (codes are unique)."""
    existing = _REGISTERED.get(rule.code)
    if existing is not None and existing is not rule:
        raise ValueError(f"rule code {rule.code} is used by both {existing.__name__} "
                         f"and {rule.__name__}")
    _REGISTERED[rule.code] = rule
    return rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule, built-in and plugin, sorted by code."""
    for module in builtin_modules():
        importlib.import_module(module)
    _load_plugins()
    return tuple(sorted(_REGISTERED.values(), key=lambda rule: rule.code))


def builtin_modules() -> list[str]:
    """The modules of reportlint.rules that hold rules, found in the package (a new
    category module needs no list to be kept)."""
    import pkgutil

    import reportlint.rules

    return sorted(info.name for info in pkgutil.iter_modules(reportlint.rules.__path__,
                                                             "reportlint.rules.")
                  if info.name not in _NOT_RULES)


def _load_plugins() -> None:
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        if isinstance(loaded, type) and issubclass(loaded, Rule):
            register(loaded)


def rule_by_code(code: str) -> type[Rule] | None:
    wanted = code.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    return None


def selector_matches(selector: str, rule: type[Rule]) -> bool:
    """A selector is ALL, a category, a rule name, a code, or a code prefix ("S", "S00")."""
    text = selector.strip()
    if text.upper() == "ALL":
        return True
    if text.lower() in (rule.category.value, rule.name):
        return True
    return rule.code.startswith(text.upper())


def known_selector(selector: str, rules: Iterable[type[Rule]]) -> bool:
    return any(selector_matches(selector, rule) for rule in rules)
