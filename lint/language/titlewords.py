"""The words that make a job title (`job_titles.yaml`, extended by config), read once
per distinct config into `TitleWords` for the two role rules: how the report's own role
is written (`rolenames`) and other titles used for it (`jobtitles`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.document.text import tokens
from reportlint.language.data import strings

if TYPE_CHECKING:
    from reportlint.config import Config


@dataclass(frozen=True)
class TitleWords:
    """job_titles.yaml, ready to use."""

    heads: frozenset[str]
    seniority: frozenset[str]
    abbreviations: dict[str, str]
    self_before: tuple[tuple[str, ...], ...]
    self_after: frozenset[str]
    not_self_before: frozenset[str]
    colleagues: frozenset[str]
    synonym_heads: tuple[frozenset[str], ...]
    umbrella_modifiers: frozenset[str]
    disciplines: dict[str, frozenset[str]]
    generic_heads: frozenset[str]
    credentials: frozenset[str]
    initialism_prefixes: frozenset[str]
    role_use_before: frozenset[str]
    not_role_after: frozenset[str]
    real_words: frozenset[str]
    not_title_after: frozenset[str]
    other_initials: frozenset[str]




def _folded(value: Any) -> frozenset[str]:
    return frozenset(item.casefold() for item in strings(value))


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _title_words(raw: dict[str, Any]) -> TitleWords:
    abbreviations = raw.get("abbreviations")
    return TitleWords(
        heads=_folded(raw.get("heads")),
        seniority=_folded(raw.get("seniority")),
        abbreviations={str(k).casefold(): str(v).casefold()
                       for k, v in (abbreviations.items() if isinstance(abbreviations, dict)
                                    else ())},
        self_before=tuple(tuple(w.casefold() for w, _, _ in tokens(cue))
                          for cue in strings(raw.get("self_before"))),
        self_after=_folded(raw.get("self_after")),
        not_self_before=_folded(raw.get("not_self_before")),
        colleagues=frozenset(" ".join(w.casefold() for w, _, _ in tokens(title))
                             for title in strings(raw.get("colleagues"))),
        synonym_heads=tuple(_folded(group) for group in raw.get("synonym_heads") or ()
                            if isinstance(group, list)),
        umbrella_modifiers=_folded(raw.get("umbrella_modifiers")),
        disciplines={str(k).casefold(): _folded(v)
                     for k, v in _mapping(raw.get("disciplines")).items()},
        generic_heads=_folded(raw.get("generic_heads")),
        credentials=_folded(raw.get("credentials")),
        initialism_prefixes=frozenset(strings(raw.get("initialism_prefixes"))),
        role_use_before=_folded(raw.get("role_use_before")),
        not_role_after=_folded(raw.get("not_role_after")),
        real_words=_folded(raw.get("real_words")),
        not_title_after=_folded(raw.get("not_title_after")),
        other_initials=frozenset(strings(raw.get("other_initials"))),
    )


_TITLE_WORDS: dict[str, TitleWords] = {}


def title_words_for(config: Config | None) -> TitleWords:
    """`job_titles.yaml` merged with the config, built once per distinct config data."""
    from reportlint.language.data import data_key, load_data

    key = data_key("job_titles", config)
    if key not in _TITLE_WORDS:
        raw = load_data("job_titles", config)
        _TITLE_WORDS[key] = _title_words(raw if isinstance(raw, dict) else {})
    return _TITLE_WORDS[key]
