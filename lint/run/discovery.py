"""Which files a run checks: the files named, and the reports found under the folders
named, as ruff finds Python files.

In a folder, a file is checked when it is a report: Markdown whose front matter names
the contract's fields, or YAML with a `meta:` mapping, or a file the config's `include`
globs name. README.md, CHANGELOG.md and docs/ are not reports and are passed over, and
so is what `.gitignore` ignores and the usual tool folders (virtual environments, build
output, node_modules). A file named on the command line is always checked.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from reportlint.readers import REPORT_SUFFIXES

CONFIG_NAMES = ("reportlint.yaml", ".reportlint.yaml", "reportlint.yml", ".reportlint.yml")
# Folders no report lives in (ruff's defaults, and this tool's own cache).
SKIPPED_FOLDERS = frozenset({
    ".git", ".hg", ".svn", ".bzr", "node_modules", ".venv", "venv", "env", ".env",
    "__pycache__", "__pypackages__", ".reportlint_cache", ".tox", ".nox", ".mypy_cache",
    ".ruff_cache", ".pytest_cache", ".eggs", "build", "dist", "_build", "site-packages",
    "buck-out", ".direnv"})
_HEAD_BYTES = 4096
_CONTRACT_KEY = re.compile(rb"^(?:title|role|industry|region|year)\s*:", re.MULTILINE)
_YAML_META = re.compile(rb"^meta\s*:", re.MULTILINE)


@dataclass(frozen=True)
class Target:
    """A file to check and the path findings show for it."""

    path: Path
    display: str


@dataclass
class Discovery:
    targets: list[Target] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # reason: how many files


def collect_targets(paths: Iterable[str | Path], exclude: Sequence[str] = (),
                    include: Sequence[str] = ()) -> list[Target]:
    """Report files named or found under the given paths, sorted, each once."""
    return discover(paths, exclude, include).targets


def discover(paths: Iterable[str | Path], exclude: Sequence[str] = (),
             include: Sequence[str] = ()) -> Discovery:
    """`collect_targets`, and how many files under the folders were passed over, why."""
    found = Discovery()
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        if root.is_dir():
            candidates = sorted(_walk(root, include, found.skipped))
        else:
            named = root.suffix.lower() in REPORT_SUFFIXES or not root.exists()
            candidates = [root] if named else []
        for path in candidates:
            # realpath, unlike Path.resolve, does not raise on a symlink loop: the loop
            # is then read as a file, and reported as one that cannot be read
            resolved = Path(os.path.realpath(path))
            display = path.as_posix()
            if resolved in seen:
                continue
            if matches(display, exclude):
                found.skipped["excluded by the config's exclude"] += 1
                continue
            seen.add(resolved)
            found.targets.append(Target(path, display))
    return found


def matches(display: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch(display, p) or fnmatch(Path(display).name, p) for p in patterns)


def _walk(root: Path, include: Sequence[str], skipped: Counter[str]) -> Iterator[Path]:
    ignores = _GitIgnores(root)
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        ignores.enter(here)
        kept = []
        for name in subfolders:
            if name in SKIPPED_FOLDERS or name.startswith(".") or name.endswith(".egg-info"):
                continue
            if ignores.ignored(here / name, folder=True):
                skipped["ignored by .gitignore"] += 1
                continue
            kept.append(name)
        subfolders[:] = kept
        for name in files:
            # A folder of reports also holds its config and tool files (reportlint.yaml,
            # .pre-commit-config.yaml): they are YAML, not reports.
            if (os.path.splitext(name)[1].lower() not in REPORT_SUFFIXES
                    or name.startswith(".") or name in CONFIG_NAMES):
                continue
            path = here / name
            if ignores.ignored(path, folder=False):
                skipped["ignored by .gitignore"] += 1
            elif include and matches(path.as_posix(), include):
                yield path
            elif include or not is_report(path):
                skipped["not a report (no front matter of the contract)" if not include
                        else "not matched by the config's include"] += 1
            else:
                yield path


def is_report(path: Path) -> bool:
    """Whether a file found in a folder looks like a report: Markdown whose front matter
    has a field of the contract, or YAML with a top-level `meta:`. Special, empty and
    binary files and those that cannot be read count as reports, so that their problem
    is reported."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return True
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return True
    return looks_like_report(head, path.suffix)


def looks_like_report(head: bytes, suffix: str) -> bool:
    """`is_report` on a file's first bytes (an editor's buffer has no file to read)."""
    if not head.strip() or b"\0" in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # empty or not text: reported as such, not passed over in silence
    if suffix.lower() in (".yaml", ".yml"):
        return bool(_YAML_META.search(head))
    text = head.lstrip(b"\xef\xbb\xbf")
    if not text.startswith(b"---"):
        return False
    end = text.find(b"\n---", 3)
    return bool(_CONTRACT_KEY.search(text[:end] if end > 0 else text))


class _GitIgnores:
    """The .gitignore files that apply while walking down from `root`: those of the
    folders above it up to the repository's top, and each folder's own as it is entered.
    pathspec is imported only when a .gitignore exists."""

    def __init__(self, root: Path) -> None:
        self.specs: list[tuple[Path, Any]] = []
        top = Path(os.path.realpath(root))
        above = []
        for folder in (top, *top.parents):
            if folder != top:
                above.append(folder)
            if (folder / ".git").exists():
                break
        else:
            above = []  # not in a repository: only the walked folders' own files
        for folder in reversed(above):
            self._load(folder)
        self.root = top
        self.walked = Path(root)

    def _load(self, folder: Path) -> None:
        file = folder / ".gitignore"
        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        import pathspec

        self.specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))

    def enter(self, folder: Path) -> None:
        real = Path(os.path.realpath(folder))
        self.specs = [(base, spec) for base, spec in self.specs
                      if real == base or base in real.parents]
        self._load(real)

    def ignored(self, path: Path, *, folder: bool) -> bool:
        if not self.specs:
            return False
        real = Path(os.path.realpath(path.parent)) / path.name
        for base, spec in self.specs:
            try:
                relative = real.relative_to(base).as_posix()
            except ValueError:
                continue
            if spec.match_file(relative + ("/" if folder else "")):
                return True
        return False
