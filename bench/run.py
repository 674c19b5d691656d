"""Benchmark reportlint, and its peers on the same files, and write the tables into
bench/README.md (between the `results` markers).

    python bench/run.py                      # one file, 1,000 and 10,000 reports
    python bench/run.py --sizes 1000 --runs 3 --proselint /path/to/proselint

Measures, as medians of several runs with the peak memory of the whole process tree:
(a) one-file `reportlint check` against `python -c pass`, the four libraries' imports,
the report's schema and reading the report (no rule), proselint and markdownlint-cli2,
with reportlint's import time by package; (b) corpora of generated reports
(bench/generate.py), per-file rules only, with the cross-report checks and reading
alone, cold (empty cache) and warm, with markdownlint-cli2 and proselint on the same
files; (c) a warm re-run after one file changed. A peer that is not installed is
skipped with a note. Python runs with bytecode caching on (as an installed tool does),
even where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import measure
from measure import Result

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ONE_FILE = ROOT / "content" / "production-support-analyst-fintech-us-2025.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
LIBRARIES = "import click, ruamel.yaml, markdown_it; from pydantic import BaseModel"
# pydantic imports most of itself, and compiles its first schema, when a first model is
# defined: that, not the import, is the floor for any tool whose schemas are models.
ONE_MODEL = "\nclass Report(BaseModel):\n    title: str\n    year: int"
# What any check built on this design does before its first rule: the libraries, the
# report's pydantic schema (the design card's models) and reading the report.
SCHEMA = "; import reportlint.schema"
READ = "; from pathlib import Path; from reportlint.readers import read_document; " \
    "read_document(Path({path!r}))"


def _snapshot(work: Path, revision: str) -> Path:
    """reportlint as committed at `revision`, laid out as installed (lint/ as reportlint,
    schema/ as reportlint.schema), so that edits in the work tree during a run neither
    change what is measured nor invalidate its cache."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", revision],
                            capture_output=True, text=True, check=True).stdout.strip()
    folder = work / f"snapshot-{commit}"
    if not (folder / "reportlint" / "__init__.py").exists():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "lint", "schema"],
                                 capture_output=True, check=True).stdout
        import io
        import tarfile

        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder / "tree", filter="data")
        shutil.copytree(folder / "tree" / "lint", folder / "reportlint")
        shutil.copytree(folder / "tree" / "schema", folder / "reportlint" / "schema")
    return folder


def _env(work: Path, snapshot: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["PYTHONPATH"] = str(snapshot)  # ahead of the editable install's finder
    return env


def _reportlint() -> list[str]:
    script = Path(sys.executable).with_name("reportlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reportlint"]


def _corpus(work: Path, size: int, seed: int, defects: float) -> Path:
    """The first `size` generated reports (made once; reused while the generator and the
    arguments are unchanged)."""
    import generate

    folder = work / f"corpus-{size}"
    stamp = f"{seed}:{defects}:{size}:" + "".join(
        str((HERE / name).stat().st_mtime_ns)
        for name in ("generate.py", "defects.py", "templates.yaml", "families.yaml",
                     "markets.yaml"))
    marker = work / f"corpus-{size}.stamp"
    if folder.is_dir() and marker.exists() and marker.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for index in range(size):
        name, text, _ = generate.render(index, seed, defects)
        (folder / name).write_text(text, encoding="utf-8")
    marker.write_text(stamp)
    return folder


def _change(path: Path, original: bytes, counter: Iterator[int]) -> None:
    """Change a report in a way no earlier run has seen (a new bullet at its end), so
    that neither its entry nor the cross-report findings can come from the cache."""
    path.write_bytes(original + f"\n- Keep notes after call {next(counter)}.\n".encode())


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.995 else f"{seconds * 1000:.0f} ms"


def _ratio(mine: Result, other: Result | None) -> str:
    return f"{mine.wall / other.wall:.2f}×" if other is not None else "–"


def one_file(args: argparse.Namespace, env: dict[str, str], notes: list[str]) -> list[str]:
    copy = args.work / "one" / ONE_FILE.name  # its cache goes beside it, not in content/
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ONE_FILE, copy)
    check = [*_reportlint(), "check", str(copy)]
    runs = args.runs_one
    for _ in range(2):  # warm the bytecode cache and the file system
        measure.run_once([*check, "--no-cache"], env=env)
    rows: list[Result] = [
        measure.run("`python -c pass`", [sys.executable, "-c", "pass"], runs, env=env),
        measure.run("`python -c` importing click, pydantic, ruamel.yaml, markdown-it",
                    [sys.executable, "-c", LIBRARIES], runs, env=env),
        measure.run("the same, and defining one pydantic model",
                    [sys.executable, "-c", LIBRARIES + ONE_MODEL], runs, env=env),
        measure.run("the libraries and reportlint's report schema (its pydantic models)",
                    [sys.executable, "-c", LIBRARIES + SCHEMA], runs, env=env),
        measure.run("the same, and reading the report (no rule run)",
                    [sys.executable, "-c", LIBRARIES + SCHEMA + READ.format(path=str(copy))],
                    runs, env=env),
        measure.run("**reportlint check** (cold: `--no-cache`)", [*check, "--no-cache"], runs,
                    env=env),
        measure.run("reportlint check (cached, file unchanged)", check, runs, env=env)]
    prose = mdl = None
    if args.proselint:
        prose = measure.run("proselint check", [args.proselint, "check", str(copy)], runs)
        rows.append(prose)
    if args.markdownlint:
        mdl = measure.run("markdownlint-cli2", [args.markdownlint, str(copy)], runs)
        rows.append(mdl)
    size = ONE_FILE.stat().st_size / 1000
    lines = [f"One report ({size:.0f} KB, `{ONE_FILE.relative_to(ROOT)}`), median of {runs} "
             "runs:", "",
             "| command | wall | CPU | peak memory | ÷ proselint | ÷ markdownlint-cli2 |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        lines.append(f"| {row.label} | {_s(row.wall)} | {_s(row.cpu)} | {_mb(row.peak_one)} | "
                     f"{_ratio(row, prose)} | {_ratio(row, mdl)} |")
    breakdown = measure.import_breakdown(
        [sys.executable, "-X", "importtime", "-m", "reportlint", "check", str(copy),
         "--no-cache"], max(3, runs // 2), env)
    total = sum(breakdown.values())
    top = sorted(breakdown.items(), key=lambda item: -item[1])[:14]
    lines += ["", f"Where the cold one-file run's import time goes (`python -X importtime`, "
              f"self time summed per package, median; {_s(total)} of imports in all, "
              f"`python -X importtime` itself adds to it):", "",
              "| package | import time |", "| --- | ---: |"]
    lines += [f"| {name} | {seconds * 1000:.1f} ms |" for name, seconds in top]
    return lines


def corpora(args: argparse.Namespace, env: dict[str, str], notes: list[str]) -> list[str]:
    lines: list[str] = []
    walls: dict[str, dict[int, float]] = {}
    for size in args.sizes:
        folder = _corpus(args.work, size, args.seed, args.defects)
        runs = args.runs if size <= 1000 else args.big_runs
        cache = folder / ".reportlint_cache"
        changed = folder / sorted(p.name for p in folder.glob("*.md"))[size // 2]
        original = changed.read_bytes()

        clear = partial(shutil.rmtree, cache, ignore_errors=True)
        touch_one = partial(_change, changed, original, itertools.count(1))

        base = [*_reportlint(), "check", str(folder)]
        jobs = [f"--jobs={args.jobs}"] if args.jobs else []
        rows: list[Result] = [
            measure.run("reportlint, per-file rules, cold", [*base, "--scope=per-file", *jobs],
                        runs, env=env, before_each=clear),
            measure.run("reportlint, per-file rules, warm", [*base, "--scope=per-file", *jobs],
                        runs, env=env),
            measure.run("**reportlint, all rules (with cross-report), cold**", [*base, *jobs],
                        runs, env=env, before_each=clear),
            measure.run("reportlint, all rules, warm (nothing changed)", [*base, *jobs], runs,
                        env=env),
            measure.run("**reportlint, all rules, warm, one file changed**", [*base, *jobs],
                        runs, env=env, before_each=touch_one)]
        changed.write_bytes(original)
        if size <= 1000:
            rows.append(measure.run("reportlint, all rules, cold, `--jobs 1`",
                                    [*base, "--jobs=1"], runs, env=env, before_each=clear))
            # Reading, the workers and the cache with one cheap rule: what is left for the
            # rules under a throughput target.
            rows.append(measure.run("reportlint, reading only (one structure rule, "
                                    "`--select S001`), cold", [*base, "--select=S001", *jobs],
                                    runs, env=env, before_each=clear))
        mdl = prose = None
        if args.markdownlint:
            mdl = measure.run("markdownlint-cli2", [args.markdownlint, "**/*.md"], runs,
                              cwd=folder)
            rows.append(mdl)
        if args.proselint and size <= args.proselint_max:
            prose = measure.run("proselint", [args.proselint, "check", str(folder)], 1)
            rows.append(prose)
        elif args.proselint:
            notes.append(f"proselint was not run on {size:,} reports (about "
                         f"{size / 20:,.0f} s at its 1,000-report rate; `--proselint-max`).")
        volume = _mb(sum(p.stat().st_size for p in folder.glob("*.md")))
        lines += ["", f"{size:,} generated reports ({volume}, {args.defects:.0%} with a "
                  f"planted defect), median of {runs} "
                  f"run{'s' if runs != 1 else ''}:", "",
                  "| run | wall | CPU | reports/s | peak memory (all processes) | largest "
                  "process | ÷ markdownlint-cli2 (wall) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in rows:
            lines.append(f"| {row.label} | {_s(row.wall)} | {_s(row.cpu)} | "
                         f"{size / row.wall:,.0f} | {_mb(row.peak_total)} | "
                         f"{_mb(row.peak_one)} | {_ratio(row, mdl)} |")
            walls.setdefault(row.label, {})[size] = row.wall
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        lines += ["", f"Growth from {small:,} to {large:,} reports ({large / small:.0f}× the "
                  "files; linear growth is the same factor):", "",
                  "| run | wall time factor |", "| --- | ---: |"]
        for label, by_size in walls.items():
            if small in by_size and large in by_size:
                lines.append(f"| {label} | {by_size[large] / by_size[small]:.1f}× |")
    return lines


def stages(args: argparse.Namespace, env: dict[str, str]) -> list[str]:
    """The per-report cost of each stage and rule (bench/stages.py) on the first corpus."""
    folder = args.work / f"corpus-{min(args.sizes)}"
    done = subprocess.run([sys.executable, str(HERE / "stages.py"), str(folder), "--count",
                           "60"], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return ["", f"(bench/stages.py failed: {done.stderr.strip()[-300:]})"]
    return ["", "Where one report's time goes, stage by stage (`bench/stages.py`, 60 reports of "
            "the first corpus in one process, CPU time, median-free single pass):", "",
            *done.stdout.strip().splitlines()]


def _version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or
                                                                   done.stderr) else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        type=lambda text: [int(n) for n in text.split(",")])
    parser.add_argument("--runs", type=int, default=3, help="runs per corpus measurement")
    parser.add_argument("--big-runs", type=int, default=1, help="runs above 1,000 reports")
    parser.add_argument("--runs-one", type=int, default=15, help="runs of the one-file check")
    parser.add_argument("--jobs", type=int, help="reportlint --jobs (default: its own)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--defects", type=float, default=0.3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/reportlint-bench"))
    parser.add_argument("--proselint", default=shutil.which("proselint"))
    parser.add_argument("--proselint-max", type=int, default=1000,
                        help="largest corpus to run proselint on (it is slow)")
    parser.add_argument("--markdownlint", default=shutil.which("markdownlint-cli2"))
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    parser.add_argument("--skip-corpora", action="store_true")
    parser.add_argument("--revision", default="HEAD", help="the commit of reportlint to measure")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    snapshot = _snapshot(args.work, args.revision)
    env = _env(args.work, snapshot)
    notes: list[str] = []
    for option in ("proselint", "markdownlint"):  # a path given but not there: skipped too
        if getattr(args, option) and not shutil.which(getattr(args, option)):
            setattr(args, option, None)
    for name, path in (("proselint", args.proselint), ("markdownlint-cli2", args.markdownlint)):
        if not path:
            notes.append(f"{name} is not installed here, so it was skipped (pass its path with "
                         f"`--{name.split('-')[0]}`).")
    capacity = measure.parallel_capacity()
    commit = snapshot.name.removeprefix("snapshot-")
    peers = [f"proselint {_version([args.proselint, 'version'])}" if args.proselint else "",
             _version([args.markdownlint, "--help"]) if args.markdownlint else ""]
    lines = [f"Measured {dt.date.today().isoformat()} on {measure.machine()} (two busy "
             f"processes got {capacity:.2f} cores' worth of work done: the cores are shared "
             f"with other jobs), reportlint at {commit}; peers: "
             f"{', '.join(p for p in peers if p) or 'none installed'}.", ""]
    lines += one_file(args, env, notes)
    if not args.skip_corpora:
        lines += corpora(args, env, notes)
        lines += stages(args, env)
    if notes:
        lines += ["", *(f"- {note}" for note in notes)]
    text = "\n".join(lines) + "\n"
    print(text)
    readme = args.readme.read_text(encoding="utf-8") if args.readme.exists() else (
        f"# Benchmark\n\n{BEGIN}\n{END}\n")
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    args.readme.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
