"""A per-file cache of findings and cross-report summaries, so that a re-run reads only
the reports that changed (like ruff's `.ruff_cache`).

An entry is keyed by the file's bytes, the path findings show for it, the config's
fingerprint and the tool's fingerprint (its version plus the size and modification time
of every module and data file that can change a finding, the rules' and plugins' included,
so an edited rule or an upgraded parser never serves stale findings). Entries live in
`.reportlint_cache/` beside the config file, or else in the checked folder. Each entry is
its own file, written to a temporary name and renamed into place, so two runs sharing the
folder never see half an entry; whichever writes last wins, and both wrote the same thing.

Entries are pickles read with an unpickler that only builds reportlint's own classes,
the rules' classes and plain data, so a cache folder committed by someone else cannot run
code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint import __version__
from reportlint.language.data.parsed import SafeUnpickler, file_stamp, parser_files

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.findings import Finding
    from reportlint.rules.registry import Rule

CACHE_FOLDER = ".reportlint_cache"
FORMAT = 1  # bump when the shape of an entry changes


@dataclass(frozen=True, slots=True)
class Entry:
    """What checking one file gave: its findings, and the cross-report rules' summaries
    of it (None when the run that wrote the entry had no use for them)."""

    findings: tuple[Finding, ...]
    summaries: dict[str, object] | None
    # The key the entry was made for: an entry file moved or copied to another key's
    # place (another file's, another version's) is then a miss, not wrong findings.
    key: str = ""


def default_root(paths: Sequence[str | Path], config: Config) -> Path:
    """Where the cache folder goes: beside the config file, else in the checked folder
    (the folders' common parent when several are given; a file's folder for a file)."""
    if config.source:
        return Path(os.path.realpath(config.source)).parent
    resolved = (Path(os.path.realpath(given)) for given in paths)
    folders = [p if p.is_dir() else p.parent for p in resolved]
    if not folders:
        return Path.cwd()
    return Path(os.path.commonpath([str(folder) for folder in folders]))


class Cache:
    """Entries under `root/.reportlint_cache`, for one config and one build of the tool."""

    def __init__(self, root: Path, config: Config, rules: Iterable[type[Rule]]) -> None:
        self.folder = root / CACHE_FOLDER
        self._entries = self.folder / f"v{FORMAT}"
        self._salt = f"{tool_fingerprint(tuple(rules))}:{config.fingerprint()}".encode()
        self._allowed = frozenset(rule.__module__ for rule in rules)

    def key(self, display: str, content: bytes) -> str:
        digest = hashlib.sha256(self._salt)
        digest.update(b"\0" + display.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(content)
        return digest.hexdigest()

    def load_state(self, name: str) -> object | None:
        """The plain data last kept under `name` for this config and tool (what a
        cross-report pass keeps between runs; the cache does not read it), or None."""
        try:
            data = self._file(self._state_slot(name)).read_bytes()
            state: object = SafeUnpickler(io.BytesIO(data), self._allowed).load()
            return state
        except Exception:  # none, damaged or foreign: a miss
            return None

    def store_state(self, name: str, data: object) -> None:
        """Keep `data` under `name` in place of the last: one per config and tool, since
        on a large corpus it can be tens of megabytes."""
        try:
            encoded = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something that does not pickle: not kept
            return
        self._write(self._file(self._state_slot(name)), encoded)

    def _state_slot(self, name: str) -> str:
        return hashlib.sha256(self._salt + b"\0" + name.encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self._entries / key[:2] / key

    def load(self, key: str) -> Entry | None:
        """The entry for `key`, or None when there is none or it cannot be read."""
        try:
            data = self._file(key).read_bytes()
        except OSError:
            return None
        try:
            entry = SafeUnpickler(io.BytesIO(data), self._allowed).load()
        except Exception:  # a damaged or foreign entry is a miss, never a crash
            return None
        return entry if isinstance(entry, Entry) and getattr(entry, "key", None) == key else None

    def store(self, key: str, findings: Sequence[Finding],
              summaries: dict[str, object] | None) -> None:
        """Write an entry atomically. A folder that cannot be written is not an error:
        the run is just not cached."""
        try:
            data = pickle.dumps(Entry(tuple(findings), summaries, key),
                                protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a summary that does not pickle: leave this file uncached
            return
        self._write(self._file(key), data)

    def _write(self, target: Path, data: bytes) -> None:
        try:
            if not target.parent.is_dir():
                self._make_folders(target.parent)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, target)
        except OSError:
            return

    def _make_folders(self, folder: Path) -> None:
        fresh = not self.folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if fresh:  # like ruff: never committed, skipped by backup tools
            (self.folder / ".gitignore").write_text("# Automatically created by reportlint.\n*\n")
            (self.folder / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by reportlint.\n")


def clear(root: Path) -> bool:
    """Remove `root/.reportlint_cache` if it is one reportlint made (it holds our
    CACHEDIR.TAG); True when it was there and is gone."""
    import shutil

    folder = root / CACHE_FOLDER
    if not (folder / "CACHEDIR.TAG").is_file():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


def read_for_cache(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it is too large or cannot be read (such files are
    checked without the cache: their finding is about the file, not its text)."""
    from reportlint.readers import read_regular_bytes

    return read_regular_bytes(path, max_bytes)


_FINGERPRINTS: dict[tuple[type[Rule], ...], str] = {}


def tool_fingerprint(rules: tuple[type[Rule], ...]) -> str:
    """The tool's version and the size and mtime of every file it runs: reportlint's own
    modules and data, the modules the rules (plugins included) come from, and the parsers."""
    if rules in _FINGERPRINTS:
        return _FINGERPRINTS[rules]
    import reportlint
    import reportlint.schema

    files: set[str] = set()
    for package in (reportlint, reportlint.schema):
        for folder in package.__path__:
            for current, subfolders, names in os.walk(folder):
                subfolders[:] = [d for d in subfolders if d != "__pycache__"]
                files.update(os.path.join(current, name) for name in names)
    for rule in rules:
        module = sys.modules.get(rule.__module__)
        if module is not None and getattr(module, "__file__", None):
            files.add(str(module.__file__))
    files.update(parser_files())
    digest = hashlib.sha256(f"{__version__}:{FORMAT}:{sys.version_info[:2]}".encode())
    for name in sorted(files):
        digest.update(f"{file_stamp(name)}\n".encode())
    _FINGERPRINTS[rules] = fingerprint = digest.hexdigest()[:20]
    return fingerprint


