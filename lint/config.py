"""The configuration a run uses: the model of `reportlint.yaml` (or `.reportlint.yaml`,
or `[tool.reportlint]` in pyproject.toml; `run.configfile` finds and reads the file).

```yaml
select: [ALL]              # codes, code prefixes, rule names or categories
ignore: [S005]
severity: {S002: error}    # per-rule severity
fail_on: warning           # the lowest severity that makes the exit status 1
required_sections: [executive_summary, market_snapshot, ...]   # catalog keys
max_file_size: 5000000
per_path:
  - paths: ["drafts/**"]
    ignore: [evidence]
rules:                      # per-rule options, read by the rules
  S005: {}
data:                       # extends the packaged data files by name
  role_families: {...}
```
"""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from reportlint.findings import Severity


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the problem."""


class PathOverride(BaseModel):
    model_config = ConfigDict(extra="forbid")

    paths: list[str]
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)

    def applies_to(self, path: str) -> bool:
        posix = PurePosixPath(path).as_posix()
        return any(fnmatch.fnmatch(posix, pattern) or PurePosixPath(posix).match(pattern)
                   for pattern in self.paths)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    required_sections: list[str] | None = None
    max_file_size: int = Field(default=5_000_000, gt=0)
    exclude: list[str] = Field(default_factory=list)  # globs of files that are not reports
    # globs of the reports in a folder; unset: every file whose front matter is a report's
    include: list[str] = Field(default_factory=list)
    per_path: list[PathOverride] = Field(default_factory=list)
    # text and GitHub output: findings of one rule in one file shown before "and N more"
    max_per_rule: int = Field(default=10, ge=0)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)
    source: str | None = Field(default=None, exclude=True)

    def fingerprint(self) -> str:
        """A stable digest of everything that can change findings (for caches)."""
        import hashlib
        import json

        return hashlib.sha256(self.model_dump_json().encode() + json.dumps(
            self.data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def merge_data(base: Any, extra: Any) -> Any:
    """Config data extends packaged data: mappings merge, lists add, scalars replace."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge_data(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra
