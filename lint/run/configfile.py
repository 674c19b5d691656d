"""The config file: found upward from the checked paths (`reportlint.yaml`,
`.reportlint.yaml`, or `[tool.reportlint]` in pyproject.toml), read, and validated
against the `Config` model and every rule's declared options. Every error names the
file, and the line and column where the YAML gives one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from reportlint.config import Config, ConfigError, PathOverride
from reportlint.run.discovery import CONFIG_NAMES


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a folder above it."""
    folder = Path(os.path.realpath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "[tool.reportlint" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path | None) -> Config:
    """Read and validate a config file; None gives the defaults. Raises ConfigError
    naming the file, the line and column where known, and the problem."""
    from reportlint.readers import special_file_kind

    if path is None:
        return Config()
    tree = None
    try:
        kind = special_file_kind(path.stat().st_mode)
        if kind:
            raise ConfigError(f"{path}: not a regular file ({kind}): not read")
        if path.name == "pyproject.toml":
            import tomllib

            with path.open("rb") as handle:
                raw = tomllib.load(handle).get("tool", {}).get("reportlint", {})
        else:
            from reportlint.readers.yamltree import YamlProblem, load_yaml_tree

            text = path.read_text(encoding="utf-8")
            try:
                tree = load_yaml_tree(text)
            except YamlProblem as problem:
                raise ConfigError(f"{path}{_where(text, problem.offset)}: "
                                  f"{problem.message}") from None
            raw = tree.data or {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except RecursionError:
        raise ConfigError(f"{path}: config is nested too deeply to read") from None
    except ValueError as error:  # tomllib.TOMLDecodeError
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a mapping of options")
    located = _Located(path, tree)
    if tree is not None and tree.duplicates:
        where, offset = tree.duplicates[0]
        raise ConfigError(f"{path}{_where(located.text, offset)}: '{_dotted(where)}' is "
                          "given twice")
    raw = {key.replace("-", "_"): value for key, value in raw.items()}
    try:
        config = Config.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            from reportlint.run.configcheck import suggestion

            model = PathOverride if len(first["loc"]) > 1 else Config
            known = [name for name in model.model_fields if name != "source"]
            message = (f"unknown key{suggestion(str(first['loc'][-1]), known)}; the keys are: "
                       f"{', '.join(known)}")
        raise located.error(tuple(first["loc"]), message) from None
    from reportlint.run.configcheck import check_data, check_selectors

    for issue in (*check_selectors(raw), *check_data(raw.get("data"))):
        raise located.error(issue.path, issue.message)
    from reportlint.rules.registry import rule_by_code

    # rules may be keyed by name ("foreign-vocabulary"); rules read them by code
    config.rules = {getattr(rule_by_code(key), "code", key): value
                    for key, value in config.rules.items()}
    config.source = str(path)
    return config


def _dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _where(text: str, offset: int | None) -> str:
    if offset is None:
        return ""
    line = text.count("\n", 0, offset) + 1
    return f":{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


class _Located:
    """Turns a path in the config's data into "file:line:col: 'path': message"."""

    def __init__(self, path: Path, tree: Any) -> None:
        self.path = path
        self.tree = tree
        self.text = path.read_text(encoding="utf-8") if tree is not None else ""

    def error(self, where: tuple[Any, ...], message: str) -> ConfigError:
        offset = None
        if self.tree is not None:
            # the YAML keys may be written with "-" where the model has "_"
            for length in range(len(where), 0, -1):
                for candidate in (where[:length], (str(where[0]).replace("_", "-"),
                                                   *where[1:length])):
                    offset = self.tree.offsets.get(candidate)
                    if offset is not None:
                        break
                if offset is not None:
                    break
        return ConfigError(f"{self.path}{_where(self.text, offset)}: '{_dotted(where)}': "
                           f"{message}")
