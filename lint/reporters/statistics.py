"""`--statistics`: how many findings of each rule and each category, most frequent first
(in place of the findings themselves), as text or JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection

from reportlint.findings import Finding


def statistics(findings: Collection[Finding]) -> dict[str, object]:
    # One pass: a large run's findings are read back from disk each time they are iterated.
    by_rule: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    paths: set[str] = set()
    for f in findings:
        by_rule[f.rule] += 1
        first.setdefault(f.rule, f)
        if f.fix is not None:
            fixable[f.rule] += 1
        categories[f.category.value] += 1
        paths.add(f.path)
    rules = [{"rule": code, "name": first[code].name, "category": first[code].category.value,
              "count": count, "fixable": fixable[code]}
             for code, count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))]
    return {"total": len(findings), "reports": len(paths),
            "rules": rules,
            "categories": dict(sorted(categories.items(), key=lambda item: (-item[1], item[0])))}


def render_statistics(findings: Collection[Finding], output_format: str) -> str:
    stats = statistics(findings)
    if output_format == "json":
        return json.dumps(stats, indent=2, ensure_ascii=False) + "\n"
    if not findings:
        return ""
    rules: list[dict[str, object]] = stats["rules"]  # type: ignore[assignment]
    categories: dict[str, int] = stats["categories"]  # type: ignore[assignment]
    width = len(str(len(findings)))
    name_width = max(len(str(rule["name"])) for rule in rules)
    lines = []
    for rule in rules:
        line = f"{rule['count']:>{width}}  {rule['rule']}  {rule['name']!s:<{name_width}}  " \
               f"{rule['category']}"
        lines.append(line + (f"  ({rule['fixable']} fixable)" if rule["fixable"] else ""))
    lines.append("")
    lines += [f"{count:>{width}}  {category}" for category, count in categories.items()]
    reports = stats["reports"]
    lines.append(f"{len(findings):>{width}}  findings in {reports} report"
                 f"{'s' if reports != 1 else ''}")
    return "\n".join(lines) + "\n"
