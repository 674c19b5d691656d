"""Parsed data kept between runs in the user's cache folder, like Python's .pyc files,
and the unpickler every cache reads with: it builds plain data and reportlint's own
classes (and those of the modules it is told to allow), so a cache folder written by
someone else cannot run code."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlint import __version__

PARSED_FORMAT = 1  # bump when what remember_parse keeps changes shape
# Third-party packages whose upgrade can change what a report parses to.
PARSERS = ("markdown_it", "mdit_py_plugins", "pydantic", "pydantic_core", "ruamel.yaml")


def user_folder() -> Path:
    """The per-user cache folder: $REPORTLINT_CACHE_DIR, else $XDG_CACHE_HOME/reportlint,
    else ~/.cache/reportlint."""
    explicit = os.environ.get("REPORTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportlint"


def remember_parse(text: str, parse: Callable[[str], Any], code: Sequence[str] = ()) -> Any:
    """`parse(text)`, kept between runs in the user's cache folder, like Python's .pyc
    files: the packaged data files take a pure-Python YAML parser about 0.1 s per process
    to read, a pickle of the result about 1 ms. Keyed by the text, the tool's version,
    the YAML parser's files and the `code` files that do the parsing; plain data only
    (anything else is parsed afresh)."""
    stamps = [file_stamp(f) for f in (*parser_files()[-1:], *code)]
    salt = f"{__version__}:{PARSED_FORMAT}:{':'.join(stamps)}"
    key = hashlib.sha256(salt.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))
    path = user_folder() / "parsed" / key.hexdigest()
    try:
        return SafeUnpickler(io.BytesIO(path.read_bytes()), frozenset()).load()
    except Exception:  # none yet, or unreadable: parse
        pass
    value = parse(text)
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        SafeUnpickler(io.BytesIO(data), frozenset()).load()  # plain data only
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except Exception:  # not plain data, or a folder we cannot write: just do not keep it
        pass
    return value


def file_stamp(name: str) -> str:
    try:
        stat = os.stat(name)
    except OSError:
        return name
    return f"{name}:{stat.st_size}:{stat.st_mtime_ns}"


def parser_files() -> list[str]:
    from importlib.util import find_spec

    found = []
    for name in PARSERS:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.origin:
            found.append(spec.origin)
    return found


_PLAIN = {
    "builtins": frozenset({"set", "frozenset", "tuple", "list", "dict", "str", "bytes", "int",
                           "float", "bool", "complex", "bytearray", "range", "slice"}),
    "collections": frozenset({"OrderedDict", "Counter", "defaultdict", "deque"}),
    "datetime": frozenset({"date", "datetime", "time", "timedelta", "timezone"}),
    "copyreg": frozenset({"_reconstructor"}),
}


class SafeUnpickler(pickle.Unpickler):
    """Builds only reportlint's classes, the rules' modules' classes and plain data."""

    def __init__(self, file: io.BytesIO, allowed_modules: frozenset[str]) -> None:
        super().__init__(file)
        self._allowed = allowed_modules

    def find_class(self, module: str, name: str) -> Any:
        if name in _PLAIN.get(module, ()):
            return super().find_class(module, name)
        if "." not in name and (module.startswith("reportlint.") or module in self._allowed):
            found = super().find_class(module, name)
            # Only classes defined there: not a function or module it imported.
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")
