"""Checks a config against what reportlint knows, at load, before any file is read:
rule selectors and codes, data files and the shape of their entries, the regular
expressions in them. Every mistake is a `ConfigIssue` at a line and column with, where
one is near, a "did you mean"; `config.load_config` turns the first into exit 2.

A typo must never quietly change what runs: `select: [Z999]` used to check nothing and
pass, and a pattern that does not compile ended the run with a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]

# Data files whose strings are regular expressions (None: every string in the file).
PATTERN_DATA: dict[str, tuple[str, ...] | None] = {
    "claim_cues": None,
    "evidence": None,
    "placeholders": None,
    "markets": ("slots",),
    "figures": ("level_marks", "percentile_marks", "experience"),
    "leftovers": ("caption_words", "caption_tags", "page_furniture"),
}
MAX_DEPTH = 32  # no data file nests deeper than a few levels; deeper is a mistake


@dataclass(frozen=True)
class ConfigIssue:
    path: Path
    message: str


def suggestion(wrong: str, known: Iterable[str]) -> str:
    """' (did you mean "X"?)' for the nearest known word, or ''."""
    from reportlint.document.text import closest

    near = closest(wrong, known, cutoff=0.6)
    return f' (did you mean "{near}"?)' if near else ""


def check_selectors(raw: dict[str, Any]) -> Iterator[ConfigIssue]:
    """Every selector in select/ignore (top level and per_path) names a rule, a prefix,
    a category or ALL; every severity and rules key names a rule."""
    from reportlint.rules.registry import all_rules, known_selector, rule_by_code

    rules = all_rules()
    names = ["ALL", *(r.code for r in rules), *(r.name for r in rules),
             *{r.category.value for r in rules}]
    places: list[tuple[Path, Any]] = [((key,), raw.get(key)) for key in ("select", "ignore")]
    for index, override in enumerate(raw.get("per_path") or []):
        if isinstance(override, dict):
            places += [(("per_path", index, key), override.get(key))
                       for key in ("select", "ignore")]
    for path, value in places:
        for item_index, item in enumerate(value if isinstance(value, list) else []):
            if isinstance(item, str) and not known_selector(item, rules):
                yield ConfigIssue((*path, item_index), f'unknown rule selector "{item}"'
                                  f"{suggestion(item, names)}")
    codes = [*(r.code for r in rules), *(r.name for r in rules)]
    keyed: list[tuple[Path, Any]] = [(("severity",), raw.get("severity")),
                                     (("rules",), raw.get("rules"))]
    for index, override in enumerate(raw.get("per_path") or []):
        if isinstance(override, dict):
            keyed.append((("per_path", index, "severity"), override.get("severity")))
    for path, value in keyed:
        for key in value if isinstance(value, dict) else {}:
            rule = rule_by_code(str(key))
            if rule is None:
                yield ConfigIssue((*path, key),
                                  f'unknown rule "{key}"{suggestion(str(key), codes)}')
            elif path == ("rules",):
                yield from check_options(rule, value[key], (*path, key))


def check_options(rule: Any, given: Any, path: Path) -> Iterator[ConfigIssue]:
    """A rule's options against what it declares (`Rule.Options`): known names, the
    right types, values in range."""
    from pydantic import ValidationError

    declared = [name for name in rule.Options.model_fields]
    if not isinstance(given, dict):
        yield ConfigIssue(path, f"expected a mapping of {rule.code}'s options, got "
                          f"{_kind(given)}")
        return
    try:
        rule.Options.model_validate(given)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            name = str(item["loc"][0]) if item["loc"] else ""
            where = (*path, *item["loc"][:1])
            if item["type"] == "extra_forbidden":
                known = (f"its options are: {', '.join(declared)}" if declared
                         else "it has no options")
                yield ConfigIssue(where, f'{rule.code} has no option "{name}"'
                                  f"{suggestion(name, declared)}; {known}")
            else:
                yield ConfigIssue(where, f"{rule.code} option {name}: {item['msg']}"
                                  + (f" (got {item['input']!r})" if "input" in item else ""))


def check_data(data: Any) -> Iterator[ConfigIssue]:
    """Each `data:` entry extends a packaged data file with values of the same shape,
    and its regular expressions compile and run in linear time."""
    from reportlint.language.data import load_data, packaged_names

    if not isinstance(data, dict):
        return
    known = packaged_names()
    for name, extra in data.items():
        if name not in known:
            yield ConfigIssue(("data", name), f'unknown data file "{name}"'
                              f"{suggestion(str(name), known)}; the files are: "
                              f"{', '.join(sorted(known))}")
            continue
        yield from _same_shape(load_data(name), extra, ("data", name))
        if name in PATTERN_DATA:
            yield from _patterns(extra, ("data", name), PATTERN_DATA[name])


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def _open_mapping(packaged: dict[str, Any]) -> Any:
    """The shape every entry of a mapping shares when its keys are names a config may
    add to (families, abbreviations), else None (its keys are fixed fields)."""
    values = list(packaged.values())
    kinds = {_kind(v) for v in values}
    if len(values) >= 2 and len(kinds) == 1:
        return max(values, key=lambda v: len(v) if isinstance(v, dict | list) else 0)
    return None


def _same_shape(packaged: Any, extra: Any, path: Path, depth: int = 0) -> Iterator[ConfigIssue]:
    if depth > MAX_DEPTH:
        yield ConfigIssue(path, f"nested more than {MAX_DEPTH} levels deep")
        return
    if packaged is None:
        return
    if _kind(packaged) != _kind(extra) and not (isinstance(packaged, list) and
                                                isinstance(extra, str)):
        yield ConfigIssue(path, f"expected {_kind(packaged)}, got {_kind(extra)}")
        return
    if isinstance(packaged, dict):
        template = _open_mapping(packaged)
        for key, value in extra.items():
            if key in packaged:
                yield from _same_shape(packaged[key], value, (*path, key), depth + 1)
            elif template is not None:
                yield from _same_shape(template, value, (*path, key), depth + 1)
            else:
                yield ConfigIssue((*path, key), f'unknown key "{key}"'
                                  f"{suggestion(str(key), map(str, packaged))}")
    elif isinstance(packaged, list) and isinstance(extra, list) and packaged:
        for index, item in enumerate(extra):
            yield from _same_shape(packaged[0], item, (*path, index), depth + 1)


def _patterns(extra: Any, path: Path, keys: tuple[str, ...] | None) -> Iterator[ConfigIssue]:
    for where, text in _strings(extra, path):
        if keys is not None and (len(where) < 3 or where[2] not in keys):
            continue
        problem = pattern_problem(text)
        if problem:
            yield ConfigIssue(where, problem)


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))


def pattern_problem(pattern: str) -> str | None:
    """Why a regular expression from a config cannot be used, or None. It must compile,
    and compile in RE2 as well: what RE2 accepts runs in time linear in the text, so a
    pattern such as `(\\w+\\s?)*$` cannot stall a run on one long line."""
    try:
        re.compile(pattern)
    except re.error as error:
        return f'pattern "{pattern}" does not compile: {error}'
    if _needs_backtracking(pattern) or not _re2_accepts(pattern):
        return (f'pattern "{pattern}" can take time that grows faster than the text '
                "(a repeated group that repeats or has alternatives inside, a backreference, "
                "a look-around): "
                "write it without them")
    return None


_NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*}|](?:[^()\\]|\\.)*\)[+*{]")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_LOOK = re.compile(r"\(\?<?[=!]")


def _re2_accepts(pattern: str) -> bool:
    """Whether RE2 (google-re2, a linear-time engine) compiles the pattern. Imported
    only here, when a config brings patterns of its own."""
    try:
        import re2
    except ImportError:
        return True
    options = re2.Options()
    options.log_errors = False
    try:
        re2.compile(pattern, options)
    except Exception:  # re2.error, and whatever its bindings raise for odd input
        return False
    return True


def _needs_backtracking(pattern: str) -> bool:
    """A cheap conservative test for the shapes that backtrack: a quantified group that
    holds a quantifier, a backreference, a look-around. (Config patterns are matched by
    Python's engine alongside the packaged ones, so they must be safe there.)"""
    return bool(_NESTED.search(pattern) or _BACKREFERENCE.search(pattern)
                or _LOOK.search(pattern))
