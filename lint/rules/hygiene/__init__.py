"""Hygiene rules: what a draft or a page template leaves behind. Placeholders, slots
filled with the same phrase everywhere, image captions, stray title lines, and lists
with nothing in them."""

from __future__ import annotations

from reportlint.rules.hygiene import common, leftovers, lists, placeholders, slots

__all__ = ["common", "leftovers", "lists", "placeholders", "slots"]
