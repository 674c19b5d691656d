"""What several hygiene rules read: their word patterns from the data files, their
numeric options, and how a finding quotes text."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlint.document.units import Kind
from reportlint.language.data import load_data
from reportlint.language.data.patterns import remembered_pattern
from reportlint.rules.registry import Context, Rule, number

PROSE = (Kind.PARAGRAPH, Kind.BULLET)
LINES = (Kind.PARAGRAPH, Kind.BULLET, Kind.HEADING, Kind.QUESTION)
FURNITURE_TRIM = " \t*_#>|.!:·•↑↓←→⬆▲^«»›‹-"
ENDS_SENTENCE = (".", "!", "?", ":", ";", ")", '"', "”", "’", "'", "]")


@lru_cache(maxsize=16)
def _compile(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    if not entries:
        return None
    return remembered_pattern("|".join(f"(?:{entry})" for entry in entries), re.IGNORECASE)


def data_pattern(context: Context, data: str, key: str) -> re.Pattern[str] | None:
    loaded = load_data(data, context.config) or {}
    return _compile(tuple(str(entry) for entry in loaded.get(key, [])))


def setting(rule: Rule, context: Context, name: str, default: int) -> int:
    """A rule option from config, else the value in leftovers.yaml, else `default`."""
    data = (load_data("leftovers", context.config) or {}).get("slot_filler")
    packaged = number(data.get(name) if isinstance(data, dict) else None, default, least=0)
    return context.number_option(rule, name, packaged, least=0)


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
