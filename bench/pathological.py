"""Time a whole per-file check on pathological input: a report from `content/` with
100 KB of one repetitive shape inserted (see `hostile.py`), against the same report
with 100 KB of its own prose, in one process and one run. Prints a Markdown table:
seconds, the ratio to ordinary prose of the same size, seconds per MB of report, and
whether doubling the shape's size about doubles its time (linear).

    python bench/pathological.py            # every shape at 100 KB, and at 200 KB
    python bench/pathological.py --size 50000 --shapes 'word ' '[^'
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import hostile_report

# Each shape from the fuzz campaign and the hostile-input issue that once made a rule
# or reader slower than linear, and the markup a report is made of, repeated.
SHAPES = ["TODO ", "*a ", "[", "[^", "word ", "$1 ", "5% ", "Data Analyst ", "- a\n",
          "| a | b |\n", "1. x\n", "> ", "`", "**", "## A\n", "[^1] ", "e.g. ",
          "http://a.b/ ", "1234567890", "(", "a_", "1,", "Salaries grew 5%. ",
          "according to ", "](", "<", "- Remote pay banding: x\n", "  - x\n"]


def check_seconds(text: str, runs: int = 1) -> float:
    """The best of `runs` times to read and check `text` with every per-file rule."""
    from reportlint.config import Config
    from reportlint.readers import read_document
    from reportlint.run.engine import RuleSet, lint_document

    rules = RuleSet(Config())
    best = float("inf")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shape.md"
        path.write_text(text, encoding="utf-8")
        for _ in range(runs):
            gc.collect()
            start = time.perf_counter()
            list(lint_document(read_document(path), rules))
            best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="bytes of the shape")
    parser.add_argument("--shapes", nargs="*", help="shapes (default: all)")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    check_seconds(hostile_report("ordinary", 1000))  # imports and data loaded once
    base = check_seconds(hostile_report("ordinary", args.size), args.runs)
    double = check_seconds(hostile_report("ordinary", 2 * args.size), args.runs)
    mb = len(hostile_report("ordinary", args.size).encode()) / 1e6
    print(f"| shape | seconds ({args.size // 1000} KB) | ÷ ordinary | s/MB | "
          f"{2 * args.size // 1000} KB ÷ {args.size // 1000} KB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| ordinary prose | {base:.2f} | 1.0 | {base / mb:.1f} | {double / base:.1f} |")
    for shape in args.shapes or SHAPES:
        seconds = check_seconds(hostile_report(shape, args.size), args.runs)
        twice = check_seconds(hostile_report(shape, 2 * args.size), 1)
        print(f"| `{shape!r}` | {seconds:.2f} | {seconds / base:.1f} | {seconds / mb:.1f} | "
              f"{twice / seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
