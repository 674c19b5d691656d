"""Regular expressions built from the data files, compiled once and kept between runs.

Python compiles a pattern with a parser written in Python, and the word lists of the
data files (claim cues, amounts, evidence words, placeholders) are long alternations: a
one-file check spent about a third of its time compiling them. What `re` hands its C
engine is a program, a list of integers; it is kept in the user cache folder, keyed by
the Python build and the engine's version, and a later process gives it to the engine
directly. Any doubt (another Python, a file that does not read, an engine that refuses
the program) means compiling as usual.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import sys
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

# (flags, the program's integers as bytes, groups, group index, group names)
_Kept = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def remembered_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program an earlier run kept if there is
    one (one small file per pattern, read only when the pattern is asked for)."""
    flags = int(flags)
    path = _folder() / hashlib.sha256(f"{flags}:{pattern}".encode()).hexdigest()
    try:
        kept = _read(path)
        return _engine().compile(pattern, kept[0], _codes(kept[1]), *kept[2:])  # type: ignore[no-any-return]
    except Exception:  # none yet, unreadable, or a program this engine does not take
        pass
    compiled, program = _compile(pattern, flags)
    if program is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(program, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)  # a run reading meanwhile sees all of it or none
        except OSError:  # a cache folder we cannot write: compile next time as well
            pass
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], _Kept | None]:
    """What `re.compile` does (Python 3.11 to 3.13), keeping the program on the way."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass
        groups = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, index in groups.items():
            names[index] = name
        final = int(flags | parsed.state.flags)
        compiled = _engine().compile(pattern, final, code, parsed.state.groups - 1,
                                     dict(groups), tuple(names))
        kept: _Kept = (final, array(_TYPECODE, code).tobytes(), parsed.state.groups - 1,
                       dict(groups), tuple(names))
    except Exception:  # a private module changed: the public way, nothing kept
        return re.compile(pattern, flags), None
    return compiled, kept


def _engine() -> Any:
    import _sre  # type: ignore[import-not-found]  # the C engine under `re`, untyped

    return _sre


_TYPECODE = next((code for code in "IL" if array(code).itemsize == _engine().CODESIZE), "L")


def _codes(data: bytes) -> list[int]:
    return array(_TYPECODE, data).tolist()


@lru_cache(maxsize=1)
def _folder() -> Path:
    """One folder per Python build and engine version: a program is only ever read by
    the engine that wrote it."""
    from reportlint.language.data.parsed import user_folder

    engine = _engine()
    build = f"{sys.implementation.cache_tag}:{sys.version}:{engine.MAGIC}:{engine.CODESIZE}"
    return user_folder() / "patterns" / hashlib.sha256(build.encode()).hexdigest()[:16]


def _read(path: Path) -> _Kept:
    from reportlint.language.data.parsed import SafeUnpickler

    kept = SafeUnpickler(io.BytesIO(path.read_bytes()), frozenset()).load()
    if not (isinstance(kept, tuple) and len(kept) == 5 and isinstance(kept[1], bytes)):
        raise ValueError("not a kept program")
    return kept
