"""The judgement sets: labelled text each rule must flag or must leave alone, and the
precision and recall that follow.

Three sources of verdicts, all read at run time:

- `cases/*.yaml`, written by us: each file gives a report's front matter and a list of
  cases. A case is Markdown set under one section of an otherwise empty report; it
  names the rules that must report on it (`flag`), and every other rule must leave it
  alone (except those in `ignore`, and structure, which the scaffold cannot satisfy).
- `realpages/*.yaml`: findings an editor agrees with on the real career guides in
  ../shared/realpages (file, line, rule). Every other finding there outside structure
  counts as a false alarm, so an unlabelled finding is never free.
- the clean reports (content/ and tests/fixtures/clean/): every finding outside
  structure is a false alarm.

`python bench/judgement.py` prints the table; tests/test_judgements.py holds the floors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from reportlint.config import Config
from reportlint.document.model import Document
from reportlint.findings import Category, Finding
from reportlint.readers import read_text
from reportlint.run.engine import RuleSet, lint_document
from reportlint.run.pipeline import lint_paths

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
REALPAGE_LABELS = HERE / "realpages"
ROOT = HERE.parent.parent
REALPAGES = ROOT.parent / "shared" / "realpages"
CLEAN = [ROOT / "content", ROOT / "tests" / "fixtures" / "clean"]

# The scaffold defines one source so that cases can cite it; whether that source is
# cited is the scaffold's business, not the case's.
SCAFFOLD_RULES = frozenset({"E003"})
DEFAULT_SOURCE = ('[^src]: Reportlint Editorial. "Hiring survey", 2025. '
                  "https://example.org/survey (accessed 2025-11-30)")


@dataclass(frozen=True)
class Case:
    where: str  # file:index, for messages
    text: str
    flag: frozenset[str]
    ignore: frozenset[str]
    front: dict[str, Any]
    section: str
    sources: tuple[str, ...]


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def _title(front: dict[str, Any]) -> str:
    return f"{front['region']} {front['role']} {front['industry']} Market Analysis {front['year']}"


def _front_matter(given: dict[str, Any]) -> dict[str, Any]:
    front = {"published": f"{given['year']}-11-30", "author": "Reportlint Editorial", **given}
    front.setdefault("title", _title(front))
    return front


def load_cases(folder: Path = CASES) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        file_ignore = frozenset(raw.get("ignore", ()))
        sources = tuple(raw.get("sources", (DEFAULT_SOURCE,)))
        for index, item in enumerate(raw["cases"]):
            cases.append(Case(
                where=f"{path.name}#{index + 1}", text=str(item["text"]).strip("\n"),
                flag=frozenset(item.get("flag", ())),
                ignore=file_ignore | frozenset(item.get("ignore", ())),
                front=_front_matter({**raw["report"], **item.get("report", {})}),
                section=str(item.get("section", raw.get("section", "Role Definition"))),
                sources=sources))
    return cases


def scaffold(case: Case) -> str:
    """The case as a whole report: its front matter, its section, the sources."""
    front = yaml.safe_dump(case.front, sort_keys=False, allow_unicode=True, width=10_000)
    return (f"---\n{front}---\n\n## {case.section}\n\n{case.text}\n\n"
            f"## Sources & Further Reading\n\n" + "\n".join(case.sources) + "\n")


def _judged(finding: Finding) -> bool:
    return finding.category != Category.STRUCTURE


def case_findings(case: Case, rules: RuleSet) -> list[Finding]:
    doc = read_text(Document(Path(f"{case.where}.md"), "markdown", ""),
                    scaffold(case).encode("utf-8"))
    return [f for f in lint_document(doc, rules)
            if _judged(f) and f.rule not in SCAFFOLD_RULES and f.rule not in case.ignore]


def judge_cases(cases: Iterable[Case], tallies: dict[str, Tally], rules: RuleSet) -> None:
    for case in cases:
        fired = {f.rule: f for f in case_findings(case, rules)}
        for code in case.flag:
            tally = tallies.setdefault(code, Tally())
            if code in fired:
                tally.true_positives += 1
            else:
                tally.false_negatives += 1
                tally.misses.append(f"{case.where}: {case.text[:90]}")
        for code, finding in fired.items():
            if code not in case.flag:
                tally = tallies.setdefault(code, Tally())
                tally.false_positives += 1
                tally.false_alarms.append(f"{case.where}: {finding.message[:120]}")


def realpage_files() -> list[Path]:
    return sorted(p for p in REALPAGES.glob("*.md") if p.name != "README.md")


def load_realpage_labels() -> set[tuple[str, int, str]]:
    labels: set[tuple[str, int, str]] = set()
    for path in sorted(REALPAGE_LABELS.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            labels.add((str(item["file"]), int(item["line"]), str(item["rule"])))
    return labels


def judge_findings_on_files(files: list[Path], agreed: set[tuple[str, int, str]],
                            tallies: dict[str, Tally], label: str) -> None:
    """Findings on whole reports: those in `agreed` are right, the rest false alarms;
    an agreed finding that no longer appears is a miss."""
    if not files:
        return
    findings = [f for f in lint_paths([str(p) for p in files], Config()).findings
                if _judged(f)]
    seen = set()
    for finding in findings:
        key = (Path(finding.path).name, finding.line, finding.rule)
        tally = tallies.setdefault(finding.rule, Tally())
        if key in agreed:
            seen.add(key)
            tally.true_positives += 1
        else:
            tally.false_positives += 1
            tally.false_alarms.append(f"{label} {key[0]}:{key[1]}: {finding.message[:120]}")
    for key in sorted(agreed - seen):
        tally = tallies.setdefault(key[2], Tally())
        tally.false_negatives += 1
        tally.misses.append(f"{label} {key[0]}:{key[1]}")


def clean_files() -> list[Path]:
    return sorted(p for folder in CLEAN for p in folder.iterdir()
                  if p.suffix in {".md", ".yaml"})


def judge_all(*, cases: bool = True, realpages: bool = True,
              clean: bool = True) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    if cases:
        judge_cases(load_cases(), tallies, RuleSet(Config()))
    if realpages and REALPAGES.is_dir():
        judge_findings_on_files(realpage_files(), load_realpage_labels(), tallies, "realpage")
    if clean:
        judge_findings_on_files(clean_files(), set(), tallies, "clean")
    return tallies


def table(tallies: dict[str, Tally]) -> Iterator[str]:
    yield f"{'rule':<6} {'TP':>5} {'FP':>5} {'FN':>5} {'precision':>10} {'recall':>7}"
    total = Tally()
    for code in sorted(tallies):
        t = tallies[code]
        total.true_positives += t.true_positives
        total.false_positives += t.false_positives
        total.false_negatives += t.false_negatives
        yield (f"{code:<6} {t.true_positives:>5} {t.false_positives:>5} "
               f"{t.false_negatives:>5} {t.precision:>10.3f} {t.recall:>7.3f}")
    yield (f"{'all':<6} {total.true_positives:>5} {total.false_positives:>5} "
           f"{total.false_negatives:>5} {total.precision:>10.3f} {total.recall:>7.3f}")


def case_counts(cases: list[Case]) -> Counter[str]:
    return Counter(code for case in cases for code in case.flag)
