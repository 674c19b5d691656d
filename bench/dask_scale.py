"""Measure `--executor dask` on a LocalCluster: generated corpora of growing size, the
wall time, the driver's peak memory and each worker's, against the local processes
(`--jobs`) on the same files in the same run.

    python bench/dask_scale.py --sizes 1000 5000 --workers 2

Each size is generated once (bench/generate.py) into a temporary folder; each run is
cold (no cache). The numbers go to standard output as a Markdown table.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import generate


def peak_mb() -> float:
    """This process's peak resident memory (run on each worker too, by `client.run`)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster
    from reportlint.config import Config
    from reportlint.run.cluster import DaskExecutor
    from reportlint.run.pipeline import lint_paths

    rows = []
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        for size in args.sizes:
            with tempfile.TemporaryDirectory() as folder:
                for index in range(size):
                    name, text, _ = generate.render(index, 7, 0.3)
                    (Path(folder) / name).write_text(text, encoding="utf-8")
                started = time.perf_counter()
                local = lint_paths([folder], Config(), jobs=args.workers)
                local_seconds = time.perf_counter() - started
                started = time.perf_counter()
                on_cluster = lint_paths([folder], Config(),
                                        executor=DaskExecutor(cluster.scheduler_address))
                dask_seconds = time.perf_counter() - started
                with Client(cluster) as client:  # after the run: one client at a time
                    workers = client.run(peak_mb)
                same = on_cluster.findings == local.findings
                rows.append((size, local_seconds, dask_seconds, peak_mb(),
                             max(workers.values()), same))
                print(f"{size}: local {local_seconds:.1f} s, dask {dask_seconds:.1f} s, "
                      f"same findings: {same}", file=sys.stderr)
    print("| reports | local processes | dask LocalCluster | reports/s (dask) | driver peak "
          "| worker peak | same findings |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for size, local_seconds, dask_seconds, driver, worker, same in rows:
        print(f"| {size:,} | {local_seconds:.1f} s | {dask_seconds:.1f} s | "
              f"{size / dask_seconds:.0f} | {driver:.0f} MB | {worker:.0f} MB | "
              f"{'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
