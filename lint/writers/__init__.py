"""Writers print a `Report` in either form, and write files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlint.schema import Report


def render(report: Report, form: str) -> str:
    if form == "yaml":
        from .yaml import render_yaml

        return render_yaml(report)
    from .markdown import render_markdown

    return render_markdown(report)


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over `path`, so a
    reader never sees half a file and a crash never loses the old one."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:  # mkstemp makes 0600; a new file gets the mode open() would give it
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
