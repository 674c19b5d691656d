"""Measure `--executor dask` on a LocalCluster: generated corpora of growing size, the
wall time, the driver's peak memory and each worker's, against the local processes
(`--jobs`) on the same files in the same run.

    python bench/dask_scale.py --sizes 1000 5000 --workers 2

Each size is generated once (bench/generate.py) into a temporary folder; each run is
cold (no cache) and is `reportlint check` in a process of its own, so that its peak
memory is its own: the driver's with the cluster, the whole run's for local processes
(their parent holds every report's passage prints). The numbers go to standard output
as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import generate


def peak_mb() -> float:
    """This process's peak resident memory (run on each worker, by `client.run`)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check(folder: str, *options: str) -> tuple[float, float, bytes]:
    """(seconds, the process's peak MB, its JSON output) of one cold `reportlint check`."""
    command = [sys.executable, "-m", "reportlint", "check", folder, "--no-cache",
               "--output-format", "json", "--exit-zero", *options]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--local-up-to", type=int, default=None, metavar="N",
                        help="run the local processes (and compare findings) only on sizes "
                             "up to N; larger sizes run on the cluster alone")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            for index in range(size):
                name, text, _ = generate.render(index, 7, 0.3)
                (Path(folder) / name).write_text(text, encoding="utf-8")
            # A cluster of its own for each size, so that each worker's peak is this
            # size's.
            with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster:
                dask_seconds, driver, on_cluster = check(
                    folder, "--executor", "dask", "--scheduler", cluster.scheduler_address)
                with Client(cluster) as client:  # after the run: one client at a time
                    workers = sorted(client.run(peak_mb).values())
            if args.local_up_to is None or size <= args.local_up_to:
                local_seconds, local_peak, local = check(folder, "--jobs", str(args.workers))
                same = on_cluster == local and b'"D004"' in local
            else:
                local_seconds = local_peak = same = None
            rows.append((size, local_seconds, dask_seconds, local_peak, driver, workers, same))
            print(f"{size}: local {local_seconds} s, dask {dask_seconds:.1f} s, "
                  f"workers {workers}, same findings: {same}", file=sys.stderr)
    print("| reports | local processes | dask LocalCluster | reports/s (dask) | local parent "
          "peak | dask driver peak | each worker's peak | same findings |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, local_seconds, dask_seconds, local_peak, driver, workers, same in rows:
        print(f"| {size:,} | {_measure(local_seconds, 's')} | {dask_seconds:.1f} s | "
              f"{size / dask_seconds:.0f} | {_measure(local_peak, 'MB')} | {driver:.0f} MB | "
              f"{' / '.join(f'{peak:.0f}' for peak in workers)} MB | {_said(same)} |")
    return 0


def _measure(value: float | None, unit: str) -> str:
    return "not run" if value is None else f"{value:.1f} {unit}" if unit == "s" \
        else f"{value:.0f} {unit}"


def _said(same: bool | None) -> str:
    return "not compared" if same is None else "yes" if same else "NO"


if __name__ == "__main__":
    sys.exit(main())
