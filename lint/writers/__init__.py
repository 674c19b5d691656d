"""Writers print a `Report` in either form, and write files atomically."""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from reportlint.schema import Report

# The registry of forms: form -> (module, function rendering a `Report` as text); a
# module is imported only when its form is written.
WRITERS = {
    "markdown": (".markdown", "render_markdown"),
    "yaml": (".yaml", "render_yaml"),
}


def render(report: Report, form: str) -> str:
    """The report as text in `form` (Markdown for a form no writer knows)."""
    module, function = WRITERS.get(form, WRITERS["markdown"])
    write: Callable[[Report], str] = getattr(importlib.import_module(module, __package__),
                                             function)
    return write(report)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that nothing is lost if the run dies half way (see
    `atomic_writing`)."""
    with atomic_writing(path) as stream:
        stream.write(text)


@contextmanager
def atomic_writing(path: Path) -> Iterator[TextIO]:
    """A stream whose text replaces `path` when the block ends without an error, and
    leaves it untouched when it ends with one: for output written as it is made.

    A regular file is replaced through a temporary file in the same folder and a rename,
    so a reader never sees half a file. What the writer did not make stays as it is: a
    symbolic link is followed and its target written (the link stays a link); a FIFO,
    device or other special file is written into, never replaced; a file with other hard
    links is rewritten in place, so every name keeps seeing the same file."""
    import stat

    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and (not stat.S_ISREG(status.st_mode) or status.st_nlink > 1):
        with open(target, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    folder = target.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if status is not None:
            os.chmod(temporary, status.st_mode & 0o7777)
        else:  # mkstemp makes 0600; a new file gets the mode open() would give it
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
