"""The config described for people and editors: a commented starting file
(`reportlint init`), the effective settings (`reportlint config`), and the JSON Schema
of `reportlint.yaml` with every rule's declared options (schema/config.schema.json), so
a YAML editor completes and checks it."""

from __future__ import annotations

import json
from typing import Any

from reportlint.config import Config

# What each top-level key does, in the order a config file lists them.
KEYS: dict[str, str] = {
    "select": "rules to run: codes, code prefixes (\"S\"), rule names or categories",
    "ignore": "rules to skip, same forms as select",
    "severity": "a rule's severity: {S002: error}",
    "fail_on": "the lowest severity that makes the exit status 1: error, warning or info",
    "required_sections": "catalog keys or headings of the required sections (default: "
                         "the contract's)",
    "max_file_size": "bytes; a larger file is reported, not read",
    "exclude": "globs of files that are not reports",
    "include": "globs of the reports in a folder (default: files whose front matter is a "
               "report's)",
    "per_path": "overrides for some files: [{paths: [glob], select, ignore, severity}]",
    "max_per_rule": "text and GitHub output: findings of one rule in one file shown "
                    "before \"and N more\" (0: all)",
    "rules": "per-rule options: {C004: {min_weight: 3}}; see `reportlint explain CODE`",
    "data": "extends the packaged word lists and vocabularies by file name",
}


def init_text() -> str:
    """A reportlint.yaml with every key at its default, and every rule option listed
    (commented out, at its default)."""
    from reportlint.rules.docs import option_docs, show_default
    from reportlint.rules.registry import all_rules

    defaults = Config().model_dump(exclude={"source"})
    lines = ["# reportlint configuration (`reportlint init` wrote it; every key at its",
             "# default). `reportlint config` prints what is in effect.", ""]
    for key, what in KEYS.items():
        lines.append(f"# {what}")
        value = defaults[key]
        if key == "rules":
            lines.append("rules: {}")
            for rule in all_rules():
                options = option_docs(rule)
                if options:
                    lines.append(f"#  {rule.code}:  # {rule.name}")
                    # An option the rule works out for itself is written empty (null).
                    lines += [f"#    {o.name}: "
                              f"{'' if o.default is None else show_default(o.default)}"
                              f"  # {o.kind}" for o in options]
        else:
            lines.append(f"{key}: {json.dumps(value)}")
        lines.append("")
    return "\n".join(lines)


def effective_text(config: Config, rule_code: str | None = None) -> str:
    """The settings in effect, as YAML-compatible JSON lines; for one rule, whether it
    runs, at which severity, and its options."""
    if rule_code is None:
        data = config.model_dump(exclude={"source"})
        head = f"# from {config.source}" if config.source else "# no config file: defaults"
        return head + "\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in data.items()) + "\n"
    from reportlint.rules.registry import rule_by_code
    from reportlint.run.engine import RuleSet

    rule = rule_by_code(rule_code)
    if rule is None:
        raise ValueError(f"no rule '{rule_code}' (see `reportlint rules`)")
    chosen = dict((r.code, level) for r, level in RuleSet(config).for_path(""))
    given = config.rules.get(rule.code, {})

    def shown(name: str, default: object) -> str:
        if name in given:
            return json.dumps(given[name])
        return "(default)" if default is None else f"{json.dumps(default)} (default)"

    return "\n".join([f"{rule.code} {rule.name}",
                      f"runs: {'yes' if rule.code in chosen else 'no'}",
                      f"severity: {chosen.get(rule.code, rule.severity).value}",
                      *(f"{name}: {shown(name, default)}"
                        for name, default in rule.Options.defaults().items())]) + "\n"


def config_json_schema() -> dict[str, Any]:
    """The JSON Schema of reportlint.yaml: the config model, with `rules` spelled out
    per rule (its declared options, nothing else) and `data` per packaged file."""
    from reportlint.language.data import packaged_names
    from reportlint.rules.registry import all_rules

    schema = Config.model_json_schema()
    schema["properties"].pop("source", None)
    for key, what in KEYS.items():
        schema["properties"][key]["description"] = what
    options: dict[str, Any] = {}
    for rule in all_rules():
        model = rule.Options.model_json_schema()
        model.pop("title", None)
        for name, value in rule.Options.defaults().items():
            if value is not None:
                model["properties"][name]["default"] = value
        for name in (rule.code, rule.name):
            options[name] = {**model, "description": rule.summary()}
    schema["properties"]["rules"] = {"type": "object", "properties": options,
                                     "additionalProperties": False,
                                     "description": KEYS["rules"]}
    schema["properties"]["data"] = {"type": "object", "additionalProperties": False,
                                    "properties": {name: {} for name in sorted(
                                        packaged_names())},
                                    "description": KEYS["data"]}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:reportlint:schema:config"
    schema["title"] = "reportlint configuration (reportlint.yaml)"
    return schema


def config_json_schema_text() -> str:
    return json.dumps(config_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def options_reference() -> str:
    """docs/options.md: every config key and every rule option, with its type, default
    and what it does (`reportlint config --reference` writes it)."""
    from reportlint.rules.docs import option_docs, show_default
    from reportlint.rules.registry import all_rules

    defaults = Config().model_dump(exclude={"source"})
    lines = ["# Configuration reference", "",
             "Generated by `reportlint config --reference > docs/options.md`; a test keeps it",
             "in step with the code. `reportlint init` writes a config with all of it, and",
             "`reportlint config [RULE]` prints what is in effect.", "",
             "## Keys of reportlint.yaml", "",
             "| key | default | what it sets |", "| --- | --- | --- |"]
    lines += [f"| `{key}` | `{show_default(defaults[key])}` | {_cell(what)} |"
              for key, what in KEYS.items()]
    lines += ["", "## Rule options", "",
              "Set under `rules:` by code or name, e.g. `rules: {E010: {tolerance: 0.3}}`. An",
              "unknown option, a wrong type or a value out of range stops the run (exit 2) at",
              "the config's line.", ""]
    for rule in all_rules():
        options = option_docs(rule)
        if not options:
            continue
        lines += [f"### {rule.code} {rule.name}", "", _cell(rule.summary()), "",
                  "| option | type | default | what it does |", "| --- | --- | --- | --- |"]
        lines += [f"| `{o.name}` | {o.kind} | `{show_default(o.default)}` | "
                  f"{_cell(o.description)} |" for o in options]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
