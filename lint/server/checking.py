"""Checking an editor's buffer: the config `check` would use for its path, the per-file
rules over the text in memory, and the plain facts the protocol layer turns into
diagnostics, code actions and hovers. Nothing here imports the protocol library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.config import Config, ConfigError
from reportlint.document.model import Document
from reportlint.document.units import Kind
from reportlint.findings import Finding
from reportlint.run.configfile import find_config, load_config
from reportlint.run.discovery import CONFIG_NAMES
from reportlint.run.engine import RuleSet, check_source, with_options

# "path:line:column: message" or "path: message", as load_config words a ConfigError.
_CONFIG_PLACE = re.compile(r":(\d+):(\d+): ")


def is_config_file(path: Path) -> bool:
    return path.name in CONFIG_NAMES or path.name == "pyproject.toml"


@dataclass(frozen=True)
class ConfigProblem:
    """A config file that cannot be used, and where it goes wrong (1-based; 1:1 when
    the message names no place)."""

    path: Path
    line: int
    column: int
    message: str

    @classmethod
    def from_error(cls, path: Path, error: ConfigError) -> ConfigProblem:
        text = str(error)
        rest = text[len(str(path)):] if text.startswith(str(path)) else ": " + text
        place = _CONFIG_PLACE.match(rest)
        if place:
            return cls(path, int(place[1]), int(place[2]), rest[place.end():])
        return cls(path, 1, 1, rest.removeprefix(": "))


@dataclass
class ConfigEntry:
    """One config file as loaded: its rules, or why it cannot be used."""

    path: Path | None  # None: no config file found, the defaults
    rules: RuleSet | None = None  # the per-file rules, for each keystroke
    problem: ConfigProblem | None = None
    config: Config | None = None  # as loaded: the cross-report rules too

    def compares_reports(self) -> bool:
        """Whether the config turns on a cross-report rule."""
        return self.config is not None and any(
            rule.corpus for rule, _ in RuleSet(self.config).for_path(""))


@dataclass
class Configs:
    """The config for each document, found upward from its path as `check` finds it,
    loaded once and kept until a config file changes (`forget`)."""

    _by_folder: dict[Path, Path | None] = field(default_factory=dict)
    _entries: dict[Path | None, ConfigEntry] = field(default_factory=dict)

    def for_document(self, path: Path) -> ConfigEntry:
        folder = path.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        found = self._by_folder[folder]
        if found not in self._entries:
            self._entries[found] = _load(found)
        return self._entries[found]

    def loaded(self) -> list[ConfigEntry]:
        return list(self._entries.values())

    def forget(self) -> None:
        self._by_folder.clear()
        self._entries.clear()


def _load(path: Path | None) -> ConfigEntry:
    try:
        config: Config = load_config(path)
    except ConfigError as error:
        assert path is not None  # the defaults always load
        return ConfigEntry(path, problem=ConfigProblem.from_error(path, error))
    # Per keystroke only the per-file rules run: the cross-report ones need every other
    # report read, which is `reportlint check`'s work, not an editor's.
    return ConfigEntry(path, rules=RuleSet(with_options(config, scope="per-file")),
                       config=config)


@dataclass(frozen=True)
class Checked:
    """One check of one version of a buffer."""

    display: str  # the path the findings name, as `check` would from the workspace root
    text: str  # the buffer as the editor holds it
    doc: Document
    findings: list[Finding]
    rules: RuleSet


def check_text(text: str, display: str, rules: RuleSet) -> Checked:
    """The per-file findings on `text` as if it were the file `display` (its suffix
    picks Markdown or YAML, as `check --stdin-filename` does); suppressed ones are
    already left out by the engine."""
    doc, findings = check_source(text.encode("utf-8"), display, rules)
    return Checked(display, text, doc, findings, rules)


def source_of(doc: Document, label: str) -> tuple[int, str] | None:
    """Where the source `[^label]` is defined (1-based line) and what it says."""
    for unit in doc.units:
        if unit.kind is Kind.FOOTNOTE and unit.label == label:
            return doc.position(unit.offset())[0], unit.text
    return None


def workspace_cross_report(root: Path, config: Config) -> dict[str, list[Finding]]:
    """The cross-report findings of the saved reports under `root`, as `check --scope
    cross-report` run there finds them (through the same cache, so a run after a save
    reads only what changed), by path relative to `root`. One process: the server's
    threads must not be forked."""
    from collections import defaultdict

    from reportlint.run.cache import default_root
    from reportlint.run.engine import with_options
    from reportlint.run.pipeline import lint_paths

    only = with_options(config, scope="cross-report")
    result = lint_paths([root], only, jobs=1, cache_root=default_root([root], only))
    found: dict[str, list[Finding]] = defaultdict(list)
    base = root.resolve()
    for finding in result.findings:
        try:
            found[Path(finding.path).resolve().relative_to(base).as_posix()].append(finding)
        except ValueError:
            continue
    return dict(found)
