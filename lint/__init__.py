"""reportlint: a linter for structured career market-analysis reports.

The package is laid out as the data flows: `reportlint.schema` (what a report is),
`readers` (file -> Document), `rules` (Document -> findings), `reporters` (findings ->
text), `cli` (wires them up).
"""

__version__ = "0.1.0"
