"""Timing a command as a user would see it: wall time, CPU time of the whole process tree,
and peak memory (the sum over the tree, sampled from /proc, and the largest process)."""

from __future__ import annotations

import os
import platform
import re
import resource
import statistics
import subprocess
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and every process it waited for
    peak_total: int  # bytes: the highest sum of RSS over the process tree
    peak_one: int  # bytes: the largest single process


@dataclass(frozen=True)
class Result:
    label: str
    samples: tuple[Sample, ...]

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_total(self) -> int:
        return max(s.peak_total for s in self.samples)

    @property
    def peak_one(self) -> int:
        return max(s.peak_one for s in self.samples)


def _tree_rss(root: int) -> tuple[int, int]:
    """(sum, max) of resident memory over `root` and its descendants, in bytes."""
    total = largest = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as handle:
                rss = int(handle.read().split()[1]) * resource.getpagesize()
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError, IndexError):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_once(command: Sequence[str], *, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> Sample:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peaks = [0, 0]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, largest = _tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc/self/statm").exists():
        sampler.start()
    process.wait()
    wall = time.perf_counter() - start
    done.set()
    if sampler.is_alive():
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall, cpu, peaks[0], peaks[1])


def run(label: str, command: Sequence[str], runs: int, *, cwd: Path | None = None,
        env: dict[str, str] | None = None,
        before_each: Callable[[], object] | None = None) -> Result:
    samples = []
    for _ in range(runs):
        if before_each is not None:
            before_each()
        samples.append(run_once(command, cwd=cwd, env=env))
    return Result(label, tuple(samples))


def import_breakdown(command: Sequence[str], runs: int, env: dict[str, str],
                     cwd: Path | None = None) -> dict[str, float]:
    """Median self time (seconds) of imports per top-level package (`reportlint.x` per
    subpackage), from `python -X importtime`."""
    per_run: list[dict[str, float]] = []
    for _ in range(runs):
        finished = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        groups: dict[str, float] = defaultdict(float)
        for line in finished.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|( *)(\S+)", line)
            if not match:
                continue
            name = match.group(3)
            parts = name.split(".")
            group = ".".join(parts[:2]) if parts[0] == "reportlint" and len(parts) > 1 else parts[0]
            groups[group] += int(match.group(1)) / 1e6
        per_run.append(groups)
    names = {name for groups in per_run for name in groups}
    return {name: statistics.median(groups.get(name, 0.0) for groups in per_run)
            for name in names}


def machine() -> str:
    """CPU model, cores, memory and OS, for the results table."""
    model = platform.processor() or platform.machine()
    try:
        text = Path("/proc/cpuinfo").read_text()
        found = re.search(r"model name\s*:\s*(.+)", text)
        model = found.group(1).strip() if found else model
    except OSError:
        pass
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f"{pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        memory = "memory unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{model}, {cores} cores, {memory}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def _spin() -> None:
    total = 0
    for number in range(12_000_000):
        total += number


def parallel_capacity() -> float:
    """How many cores' worth of work two busy processes get done (2.0 on two free cores;
    less when the cores are shared or are hyper-threads of one)."""
    import multiprocessing

    start = time.perf_counter()
    _spin()
    alone = time.perf_counter() - start
    start = time.perf_counter()
    workers = [multiprocessing.Process(target=_spin) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    together = time.perf_counter() - start
    return 2 * alone / together
