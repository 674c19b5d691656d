"""Precision and recall of E001 (unbacked-claim) on the labelled claim set.

    python bench/claims.py           # the table, per cue kind and overall
    python bench/claims.py --why     # and every false alarm and miss

The set is tests/data/claim_set/*.yaml, written by us: sentences, short passages and
tables from reports of many role families, each set under the section it would stand
in, labelled `claim` (E001 must report it) or `not-claim` (E001 must leave it alone),
with the cue kind that makes it a claim or tempts the detector (`cue`), the pattern it
stands for (`pattern`: advice, scenario, example, hedge, named-source...) and, for a
claim whose source is named but not cited, `named: true` (the finding must say so).

Each item is laid in an otherwise empty report under its section (and subsection) and
only E001 is run. Precision per cue kind is counted by the kind the finding names;
recall by the kind the label names. tests/test_claim_detector.py holds the floors.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CLAIM_SET = ROOT / "tests" / "data" / "claim_set"
sys.path.insert(0, str(ROOT / "tests"))

# The judgement sets' counts and scaffold source, so both scripts count alike.
from judgements.judge import DEFAULT_SOURCE as SOURCE  # noqa: E402
from judgements.judge import Tally as Count  # noqa: E402


@dataclass(frozen=True)
class Item:
    where: str
    text: str
    claim: bool
    cue: str  # the labelled cue kind ("table" for tables, "none" when there is none)
    section: str
    subsection: str | None
    front: dict[str, Any]
    named: bool = False
    pattern: str = ""
    table: bool = False


@dataclass
class Result:
    by_kind: dict[str, Count] = field(default_factory=lambda: defaultdict(Count))
    overall: Count = field(default_factory=Count)
    named: Count = field(default_factory=Count)  # the named-but-not-cited message
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    items: int = 0
    tables: int = 0
    families: set[str] = field(default_factory=set)


def load_items(folder: Path = CLAIM_SET) -> list[Item]:
    items: list[Item] = []
    for path in sorted(folder.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        front = {"published": f"{raw['report']['year']}-11-30",
                 "author": "Reportlint Editorial", **raw["report"]}
        front.setdefault("title", f"{front['region']} {front['role']} {front['industry']} "
                                  f"Market Analysis {front['year']}")
        for key in ("sentences", "tables"):
            for index, entry in enumerate(raw.get(key) or []):
                items.append(Item(
                    where=f"{path.name}:{key}#{index + 1}", text=str(entry["text"]).strip(),
                    claim=entry["label"] == "claim",
                    cue=str(entry.get("cue", "table" if key == "tables" else "none")),
                    section=str(entry.get("section", raw.get("section", "Role Definition"))),
                    subsection=entry.get("subsection"), front=front,
                    named=bool(entry.get("named", False)),
                    pattern=str(entry.get("pattern", "")), table=key == "tables"))
    return items


def scaffold(item: Item) -> str:
    front = yaml.safe_dump(item.front, sort_keys=False, allow_unicode=True, width=10_000)
    sub = f"### {item.subsection}\n\n" if item.subsection else ""
    return (f"---\n{front}---\n\n## {item.section}\n\n{sub}{item.text}\n\n"
            f"## Sources & Further Reading\n\n{SOURCE}\n")


def findings(item: Item) -> list[dict[str, object]]:
    """The data of each E001 finding on the item, in its scaffold report."""
    from reportlint.config import Config
    from reportlint.document.model import Document
    from reportlint.readers import read_text
    from reportlint.rules.evidence.claims import UnbackedClaim
    from reportlint.rules.registry import Context

    doc = read_text(Document(Path(f"{item.where}.md"), "markdown", ""),
                    scaffold(item).encode("utf-8"))
    return [dict(hit.data) | {"message": hit.message}
            for hit in UnbackedClaim().check(doc, Context(Config()))]


def measure(items: list[Item] | None = None) -> Result:
    items = load_items() if items is None else items
    result = Result(items=sum(not i.table for i in items), tables=sum(i.table for i in items))
    for item in items:
        result.families.add(str(item.front["role"]))
        found = findings(item)
        if item.claim:
            result.by_kind[item.cue]  # every labelled kind has a row
        if found and item.claim:
            result.overall.true_positives += 1
            result.by_kind[str(found[0]["cue"])].true_positives += 1
            named = any("source" in f for f in found)
            if item.named and named:
                result.named.true_positives += 1
            elif item.named:
                result.named.false_negatives += 1
                result.misses.append(f"{item.where} (named source not recognised): "
                                     f"{item.text[:100]}")
            elif named:
                result.named.false_positives += 1
                result.false_alarms.append(f"{item.where} (named source where there is "
                                           f"none): {found[0]['message']}")
        elif found:
            result.overall.false_positives += 1
            result.by_kind[str(found[0]["cue"])].false_positives += 1
            result.false_alarms.append(f"{item.where} [{item.pattern or item.cue}]: "
                                       f"{item.text[:100]!r} -> {found[0]['message'][:90]}")
        elif item.claim:
            result.overall.false_negatives += 1
            result.by_kind[item.cue].false_negatives += 1
            result.misses.append(f"{item.where} [{item.cue}]: {item.text[:110]!r}")
    return result


def table(result: Result) -> list[str]:
    lines = [f"{result.items} sentences and passages, {result.tables} tables, "
             f"{len(result.families)} role families",
             f"{'cue':<12} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}"]
    rows = [*sorted(result.by_kind.items()), ("named", result.named), ("all", result.overall)]
    for kind, count in rows:
        lines.append(f"{kind:<12} {count.true_positives:>4} {count.false_positives:>4} "
                     f"{count.false_negatives:>4} {count.precision:>10.3f} {count.recall:>7.3f}")
    return lines


def main() -> None:
    import sys

    result = measure()
    for line in table(result):
        print(line)
    if "--why" in sys.argv[1:]:
        for line in result.false_alarms:
            print(f"  FP {line}")
        for line in result.misses:
            print(f"  FN {line}")


if __name__ == "__main__":
    main()
