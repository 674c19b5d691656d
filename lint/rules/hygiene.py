"""Hygiene rules (see the category in ../shared/report-format.md)."""

from __future__ import annotations
