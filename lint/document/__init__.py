"""What a report is once read: the document and its source map (`model`), its units
(`units`), the text helpers every rule reads through (`text`), and footnote sources
(`sources`). Imports nothing of reportlint but the schema and the findings."""
