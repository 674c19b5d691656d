"""Readers turn a file into a `Document`; they record problems and never judge.

`read_document` is the one entry point: it decodes the bytes (refusing binary,
non-UTF-8, empty and oversized files with a located problem) and hands the text to the
reader for the file's form.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlint.document.model import Document, Problem


@dataclass(frozen=True)
class Reader:
    """One form of report: the suffixes that say a file is in it, and the function (in a
    module of this package, imported only when a file of the form is read) that fills a
    `Document` from its decoded `source`."""

    form: str
    suffixes: frozenset[str]
    module: str
    function: str

    def load(self) -> Callable[[Document], None]:
        read: Callable[[Document], None] = getattr(
            importlib.import_module(self.module, __package__), self.function)
        return read


# The registry of forms; the first is the one a file of no known suffix is read as.
READERS = (
    Reader("markdown", frozenset({".md", ".markdown"}), ".markdown", "read_markdown"),
    Reader("yaml", frozenset({".yaml", ".yml"}), ".yaml", "read_yaml"),
)
_BY_FORM = {reader.form: reader for reader in READERS}
MARKDOWN_SUFFIXES = _BY_FORM["markdown"].suffixes
YAML_SUFFIXES = _BY_FORM["yaml"].suffixes
REPORT_SUFFIXES = frozenset().union(*(reader.suffixes for reader in READERS))
DEFAULT_MAX_BYTES = 5_000_000


def form_of(path: Path) -> str | None:
    """The form a file's suffix says it is in, None for a suffix no reader takes."""
    suffix = path.suffix.lower()
    return next((reader.form for reader in READERS if suffix in reader.suffixes), None)


def read_document(path: Path, *, display: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, content: bytes | None = None,
                  form: str | None = None) -> Document:
    """Read one report file. Never raises for bad content: problems land on the document.

    `content` is the file's bytes when the caller has read them already (the cache
    hashes them), so the file is read once. `form` overrides what the suffix says."""
    form = form or form_of(path) or "markdown"
    doc = Document(Path(display) if display else path, form, "")
    if content is not None and len(content) <= max_bytes:
        return read_text(doc, content)
    try:
        status = path.stat()
        kind = special_file_kind(status.st_mode)
        if kind:
            doc.problems.append(Problem(
                "unreadable", f"not a regular file ({kind}): not read", line=1, column=1))
            return doc
        size = status.st_size
        if size > max_bytes:
            doc.problems.append(Problem(
                "too-large", f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for "
                "one report (raise max_file_size in the config if it is really one report)",
                line=1, column=1))
            return doc
        raw = path.read_bytes()
    except OSError as error:
        doc.problems.append(Problem("unreadable", f"cannot read file: {error.strerror or error}",
                                    line=1, column=1))
        return doc
    return read_text(doc, raw)


def sniff_form(head: bytes) -> str | None:
    """What a file is by its first bytes: "markdown" (front matter between --- lines),
    "yaml" (a top-level meta: mapping), "page" (a plain-text page dump: a category line,
    a date, a title), or None (JSON, binary, anything else)."""
    import re

    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text or b"\0" in text:
        return None
    if text.startswith(b"---"):
        return "markdown"
    if re.search(rb"^meta\s*:", text, re.MULTILINE):
        return "yaml"
    if text.startswith((b"{", b"[")):
        return None
    top = b"\n".join(text.splitlines()[:8])
    dated = re.search(rb"\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b", top) is not None
    return "page" if dated and b"Market Analysis" in top else None


def special_file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO", "a device"), else None.
    Opening a FIFO for reading blocks until someone writes to it, so such files are
    named and passed over, never opened."""
    import stat

    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def read_regular_bytes(path: Path, max_bytes: int | None = None) -> bytes | None:
    """The bytes of a regular file, or None for anything else: a FIFO, device or socket
    (never opened), a file over `max_bytes`, one that cannot be read."""
    try:
        status = path.stat()
        if special_file_kind(status.st_mode) or (max_bytes is not None
                                                 and status.st_size > max_bytes):
            return None
        return path.read_bytes()
    except OSError:
        return None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_text(doc: Document, raw: bytes) -> Document:
    """Decode `raw` into `doc` and parse it with the reader for `doc.format`."""
    if raw.startswith(_UTF16_BOMS):
        doc.problems.append(Problem("unreadable", "UTF-16 text: a report is UTF-8 text "
                                    "(save the file as UTF-8)", line=1, column=1))
        return doc
    if b"\0" in raw[:8192] or b"\0" in raw:
        doc.problems.append(Problem("unreadable", "binary file: a report is UTF-8 text",
                                    line=1, column=1))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        doc.problems.append(Problem(
            "unreadable", f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded "
            "(save the file as UTF-8)", line=line, column=column))
        return doc
    doc.source = text.replace("\r\n", "\n").replace("\r", "\n")
    if not doc.source.strip():
        doc.problems.append(Problem("empty", "the file is empty", line=1, column=1))
        return doc
    try:
        _BY_FORM.get(doc.format, READERS[0]).load()(doc)
    except RecursionError:
        doc.report = None
        doc.problems.append(Problem("syntax", "the file nests too deeply to be a report",
                                    line=1, column=1))
    return doc
