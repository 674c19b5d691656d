"""A progress bar on standard error for corpus runs: shown only on a terminal, never with
--quiet, so logs and pipes stay clean."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

import click

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar as ClickBar


class ProgressBar:
    """`start(total)` once the number of files is known, `advance(n)` as files are done.

    Use as a context manager so the bar's line is finished however the run ends.
    """

    def __init__(self, label: str, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = not quiet and _is_terminal(self.stream)
        self._bar: ClickBar[int] | None = None

    def start(self, total: int) -> None:
        if self.enabled and total > 1 and self._bar is None:
            self._bar = click.progressbar(length=total, label=self.label, file=self.stream,
                                          show_pos=True, show_eta=True)
            self._bar.__enter__()

    def advance(self, done: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(done)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, error, trace)
            self._bar = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
