"""The front matter (Markdown) or `meta` mapping (YAML) of a report."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, StrictInt


class FrontMatter(BaseModel):
    """Who and what a report is about. The title must agree with the other fields."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    title: str = Field(min_length=1, examples=["US Production Support Analyst Fintech Market "
                                               "Analysis 2025"])
    role: str = Field(min_length=1, examples=["Production Support Analyst"])
    industry: str = Field(min_length=1, examples=["Fintech"])
    region: str = Field(min_length=1, examples=["US"])
    year: StrictInt = Field(ge=1900, le=2200, examples=[2025])
    published: dt.date = Field(examples=["2025-12-17"])
    author: str = Field(min_length=1, examples=["Tying.ai Team"])
    category: str | None = Field(default=None, examples=["Career"])
    summary: str | None = Field(default=None, description="The one-line dek under the title.")
    track: str | None = Field(default=None,
                              description="The variant of the role the report recommends.")
    role_aliases: list[str] = Field(default=[],
                                    description="Other names the report may use for the role.")
    cover_caption: str | None = Field(default=None,
                                      description="The cover image's caption, kept on import.")


FRONT_MATTER_KEYS: tuple[str, ...] = tuple(FrontMatter.model_fields)
