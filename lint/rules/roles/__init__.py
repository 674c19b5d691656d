"""Consistency rules about the role: its name written one way, no other job's title in
its place, and its own family's vocabulary rather than another's (a support report
that reads like a sales report)."""

from __future__ import annotations

from reportlint.rules.roles import facts, names, vocabulary

__all__ = ["facts", "names", "vocabulary"]
