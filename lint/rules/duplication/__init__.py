"""Duplication rules: the same sentence twice, a phrase over-used, near-identical
sentences and bullets in one report, and passages shared across reports.

Thresholds live in `lint/language/data/duplication.yaml` (measured on the reports we wrote; see
each rule) and can be overridden per rule in config (`rules: {D002: {min_count: ...}}`).
"""

from __future__ import annotations

from reportlint.rules.duplication import near, options, phrases, sentences, shared

__all__ = ["near", "options", "phrases", "sentences", "shared"]
