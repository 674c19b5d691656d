"""Evidence rules: claims carry citations, citations point at defined sources, and the
sources are complete, current and listed once.

A claim is what `reportlint.language.claims` says it is; it is backed when a footnote reference
(`[^id]`) stands in the sentence or anywhere on its bullet or paragraph. The Sources
section belongs to this category: an empty one is E004's, not the structure rules'.
"""

from __future__ import annotations

from reportlint.rules.evidence import claims, references, sources

__all__ = ["claims", "references", "sources"]
