"""How each rule copes with hostile input (issue "Hostile input"): a report from
`content/` with one 100 KB paragraph of a repetitive shape inserted before
"## Demand Drivers", each rule timed alone (a fresh parse per rule), against the same
report with 100 KB of ordinary prose (its own paragraphs repeated). A rule that takes
longer than `--limit` seconds on a shape is stopped and shown as "> limit".

    python bench/hostile.py                       # every rule, every shape
    python bench/hostile.py --rules E001 --limit 60
"""

from __future__ import annotations

import argparse
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPES = ["TODO ", "$1 ", "word ", "*a ", "[", ".", "(", "a_", "1,", "| ", "- ", "5% ",
          "2025 ", "Salaries grew 5%. ", "according to ", "Data Analyst ", "x"]
REPORT = Path(__file__).resolve().parent.parent / "content" / "account-executive-saas-us-2025.md"
SIZE = 100_000


def ordinary(text: str, size: int = SIZE) -> str:
    """The report's own prose paragraphs, repeated to `size` characters."""
    body = text.split("\n---\n", 1)[-1] if text.startswith("---") else text
    paragraphs = [p for p in body.split("\n\n")
                  if p.strip() and not p.lstrip().startswith(("#", "|", "[^"))]
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < size:
        out.extend(paragraphs)
    return "\n\n".join(out)


def hostile_report(shape: str, size: int = SIZE) -> str:
    text = REPORT.read_text(encoding="utf-8")
    if shape == "ordinary":
        block = ordinary(text, size)
    else:
        block = (shape * (size // len(shape) + 1))[:size]
    return text.replace("## Demand Drivers", block.rstrip() + "\n\n## Demand Drivers", 1)


def worker(path: str, codes: list[str]) -> None:
    from reportlint.config import Config
    from reportlint.readers import read_document
    from reportlint.run.engine import RuleSet

    rules = RuleSet(Config())
    by_code = {rule.code: rule for rule, _ in rules.for_path(path)}
    for code in codes:
        rule = by_code.get(code)
        if rule is None:
            print(code, "-", flush=True)
            continue
        doc = read_document(Path(path))
        start = time.process_time()
        if rule.corpus:
            rule.summarize(doc, rules.context)
        else:
            list(rule.check(doc, rules.context))
        print(code, f"{time.process_time() - start:.3f}", flush=True)


def all_codes() -> list[str]:
    from reportlint.config import Config
    from reportlint.run.engine import RuleSet
    rules = RuleSet(Config())
    return [rule.code for rule, _ in rules.for_path(str(REPORT))]


def measure(shape: str, codes: list[str], limit: float) -> dict[str, str]:
    """Seconds per rule on `shape`, each rule in a worker that is stopped after `limit`."""
    results: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "hostile.md")
        Path(path).write_text(hostile_report(shape), encoding="utf-8")
        todo = list(codes)
        while todo:
            proc = subprocess.Popen([sys.executable, __file__, "--worker", path, *todo],
                                    stdout=subprocess.PIPE, text=True)
            assert proc.stdout is not None
            deadline = time.monotonic() + limit + 10  # the worker's start-up and parse
            while todo:
                wait = max(deadline - time.monotonic(), 0)
                ready, _, _ = select.select([proc.stdout], [], [], wait)
                if not ready:
                    results[todo.pop(0)] = f"> {limit:g}"
                    proc.kill()
                    break
                line = proc.stdout.readline()
                if not line:
                    results[todo.pop(0)] = "crashed"
                    break
                code, seconds = line.split()
                results[code] = seconds
                todo.remove(code)
                deadline = time.monotonic() + limit
            proc.wait()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--rules", nargs="*", help="rule codes (default: all per-file rules)")
    parser.add_argument("--shapes", nargs="*", help="shapes (default: all)")
    parser.add_argument("--limit", type=float, default=30.0)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker[0], args.worker[1:])
        return 0
    codes = args.rules or all_codes()
    shapes = ["ordinary"] + (args.shapes or SHAPES)
    print("| shape | " + " | ".join(codes) + " |")
    print("| --- |" + " ---: |" * len(codes))
    for shape in shapes:
        row = measure(shape, codes, args.limit)
        print(f"| {shape!r} | " + " | ".join(row.get(c, "?") for c in codes) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
