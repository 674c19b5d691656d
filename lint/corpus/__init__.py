"""What compares reports with each other: each report's passage fingerprints, the
shared-passage index, and the shared passages each report has. Knows nothing of rules,
runs or caches: callers hand it summaries and options."""
