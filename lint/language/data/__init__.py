"""Data files shipped with reportlint (word lists, vocabularies, thresholds).

`load_data(name, config)` reads `<name>.yaml` from this package once per process and
merges the config's `data: {name: ...}` over it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlint.config import Config


@cache
def _packaged(name: str) -> Any:
    from reportlint.language.data.parsed import remember_parse
    from reportlint.readers.yamltree import load_yaml_tree

    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    # Parsed once per machine, not once per run (start-up: see remember_parse).
    return remember_parse(text, lambda source: load_yaml_tree(source).data)


@cache
def packaged_names() -> frozenset[str]:
    """The names of the data files shipped in the package (what `data:` may extend)."""
    return frozenset(entry.name.removesuffix(".yaml")
                     for entry in resources.files(__package__).iterdir()
                     if entry.name.endswith(".yaml"))


def strings(value: Any) -> list[str]:
    """The text items of a data value a writer's config may have got wrong: one string
    becomes a list of one, numbers become text, anything else is dropped."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value if isinstance(item, str | int | float)]
    return []


def data_key(name: str, config: Config | None = None) -> str:
    """A key that differs whenever `load_data(name, config)` would: the name alone for
    the packaged data, with the config's own additions when it has some. Cheap, unlike
    serialising the merged data, so built vocabularies can be memoised on it per report."""
    if config is None or name not in config.data:
        return name
    import json

    return f"{name}\0{json.dumps(config.data[name], default=str)}"


def load_data(name: str, config: Config | None = None) -> Any:
    from reportlint.config import merge_data

    data = _packaged(name)
    if config is not None and name in config.data:
        return merge_data(data, config.data[name])
    return data
