"""The options the duplication rules share, and how a rule reads one."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from reportlint.language.data import load_data
from reportlint.rules.registry import (
    Context,
    PositiveInt,
    Rule,
    RuleOptions,
    number,
)


def setting(rule: Rule, context: Context, name: str, *, least: float = 1,
             most: float | None = None) -> Any:
    """A numeric rule option from config, else the value in duplication.yaml (the
    packaged one when a config gives one that is not a number in range)."""
    packaged = load_data("duplication")[name]
    given = context.option(rule, name, load_data("duplication", context.config).get(name))
    return number(given, packaged, least=least, most=most)

# D001's length floor, which D002 and D003 also read to leave D001's copies to it.
RepeatedSentenceMinWords = Annotated[PositiveInt | None, Field(description=(
    "a repeated sentence shorter than this many words (after its lead-in label) is not "
    "reported"))]


class DuplicationOptions(RuleOptions):
    """The duplication rules' options: unset, the value in duplication.yaml applies
    (D004's under its `shared` key)."""

    @classmethod
    def defaults(cls) -> dict[str, object]:
        data = load_data("duplication")
        data = {**data, **data.get("shared", {})}
        return {name: data.get(name) for name in cls.model_fields}
