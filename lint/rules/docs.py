"""The rule table (`reportlint rules`), as text, Markdown (for the README) or JSON, and
each rule's declared options as `explain`, `init` and the options reference show them."""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass

from reportlint.rules.registry import Rule, all_rules


@dataclass(frozen=True)
class OptionDoc:
    name: str
    kind: str  # "whole number >= 1"
    default: object  # None: the rule works it out
    description: str


def option_docs(rule: type[Rule] | Rule) -> list[OptionDoc]:
    """A rule's options: name, type, default in effect without a config, what it does."""
    defaults = rule.Options.defaults()
    return [OptionDoc(name, _with_bounds(describe_type(field.annotation), field.metadata),
                      defaults[name], field.description or "")
            for name, field in rule.Options.model_fields.items()]


def show_default(value: object) -> str:
    return "(unset)" if value is None else json.dumps(value, ensure_ascii=False)


def option_lines(rule: type[Rule] | Rule) -> list[str]:
    """One line per option, as a terminal shows them."""
    return [f"{o.name}: {o.kind}, default {show_default(o.default)}"
            + (f"; {o.description}" if o.description else "") for o in option_docs(rule)]


def render_rules(output_format: str) -> str:
    rules = all_rules()
    if output_format == "json":
        return json.dumps([{"code": r.code, "name": r.name, "category": r.category.value,
                            "severity": r.severity.value, "fixable": r.fixable,
                            "summary": r.summary(), "doc": r.documentation()}
                           for r in rules], indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        lines = ["| code | name | category | default severity | fix | what it checks |",
                 "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {r.code} | {r.name} | {r.category.value} | {r.severity.value} | "
                  f"{'yes' if r.fixable else ''} | {r.summary()} |" for r in rules]
        return "\n".join(lines) + "\n"
    width = max(len(r.name) for r in rules)
    return "".join(f"{r.code}  {r.name:<{width}}  {r.category.value:<11}  "
                   f"{r.severity.value:<7}  {r.summary()}\n" for r in rules)


def render_explanation(rule: type[Rule] | Rule, output_format: str, colour: bool) -> str:
    """`reportlint explain`: the rule's documentation and options, for a terminal
    ("text"), as Markdown, or as JSON for tools."""
    options = option_docs(rule)
    if output_format == "json":
        return json.dumps({"code": rule.code, "name": rule.name,
                           "category": rule.category.value, "severity": rule.severity.value,
                           "fixable": rule.fixable, "summary": rule.summary(),
                           "explanation": rule.documentation(),
                           "options": [{"name": o.name, "type": o.kind, "default": o.default,
                                        "description": o.description} for o in options]},
                          indent=2, ensure_ascii=False) + "\n"
    header = f"{rule.code} {rule.name} ({rule.category.value}, default {rule.severity.value})"
    where = f"rules: {{{rule.code}: {{...}}}}"
    if output_format == "markdown":
        listed = "".join(f"\n- `{o.name}` ({o.kind}, default {show_default(o.default)})"
                         + (f": {o.description}" if o.description else "") for o in options)
        return (f"# {header}\n\n{rule.documentation()}"
                + (f"\n\n**Options** (`{where}`):{listed}" if options else "") + "\n")
    text = render_for_terminal(header, rule.documentation(), colour)
    if options:
        text += (f"\nOptions (in the config, under {where}):\n"
                 + "".join(f"  {line}\n" for line in option_lines(rule)))
    return text


def render_for_terminal(header: str, documentation: str, colour: bool) -> str:
    """A rule's Markdown documentation as a terminal shows it: bold where it is bold,
    code without its backticks, paragraphs wrapped to 88 columns."""
    import re
    import textwrap

    import click

    def bold(text: str) -> str:
        return click.style(text, bold=True) if colour else text

    out = [bold(header), ""]
    for paragraph in documentation.split("\n\n"):
        flat = " ".join(paragraph.split())
        label = re.match(r"\*\*(.+?)\*\*\s*", flat)
        lead = ""
        if label:
            lead, flat = label.group(1), flat[label.end():]
        flat = re.sub(r"`([^`]+)`", r"\1", flat)
        flat = re.sub(r"\*\*([^*]+)\*\*", r"\1", flat)
        if lead:
            out.append(bold(lead))
        example, _, instead = flat.partition(" Use instead: ")
        out.append(textwrap.fill(example, 88) if example else "")
        if instead:
            out += ["", bold("Use instead:"), textwrap.fill(instead, 88)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_PLAIN = {int: "whole number", float: "number", str: "text", bool: "true or false"}
_BOUNDS = (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<"))


def describe_type(annotation: object) -> str:
    """A declared option's type as a writer reads it: "whole number >= 1", "number > 0
    and <= 1", "text or list of text". None (unset) is left out."""
    import types
    import typing

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe_type(a) for a in args if a is not type(None))
    if origin is typing.Annotated:
        return _with_bounds(describe_type(args[0]), args[1:])
    if origin is list:
        return f"list of {describe_type(args[0])}"
    if origin is dict:
        return f"mapping of {describe_type(args[0])} to {describe_type(args[1])}"
    plain = _PLAIN.get(annotation) if isinstance(annotation, type) else None
    return plain or str(annotation)


def _with_bounds(kind: str, extras: typing.Iterable[object]) -> str:
    """"number" with its declared bounds: "number > 0 and <= 1"."""
    bounds = [f"{sign} {getattr(m, attr)}" for m in _metadata(tuple(extras))
              for attr, sign in _BOUNDS if getattr(m, attr, None) is not None]
    return " and ".join([f"{kind} {bounds[0]}", *bounds[1:]] if bounds else [kind])


def _metadata(extras: tuple[object, ...]) -> list[object]:
    found: list[object] = []
    for extra in extras:
        found += getattr(extra, "metadata", None) or [extra]
    return found
