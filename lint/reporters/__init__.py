"""Reporters render findings; each is a function (findings, files) -> text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlint.findings import Finding

Reporter = Callable[[Sequence[Finding], int, bool], str]


def get_reporter(name: str) -> Reporter:
    if name == "json":
        from .json import render_json

        return render_json
    from .text import render_text

    return render_text


FORMATS = ("text", "json")
