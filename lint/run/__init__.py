"""A run over files, top to bottom: discover the reports, read and check each (cached,
in worker processes), compare them across files, apply suppressions and the baseline,
fix, gate a release. `pipeline.lint_paths` is the whole of it."""
