"""What a report IS: the front matter, every section's model, and the section catalog.

Installed as `reportlint.schema`; `Report` validates both the YAML form and what the
Markdown reader builds.
"""

from .catalog import (
    CATALOG,
    PROOF_MAP_COLUMNS,
    SECTION_KEYS,
    SPECS_BY_KEY,
    Content,
    SectionSpec,
    match_section,
    match_subsection,
    normalize_heading,
    split_qualifier,
)
from .frontmatter import FRONT_MATTER_KEYS, FrontMatter
from .report import (
    AnySection,
    Block,
    BulletList,
    FAQEntry,
    FAQSection,
    Report,
    Section,
    Source,
    SourcesSection,
    Subsection,
    Table,
    TableBlock,
    has_text,
)

__all__ = [
    "CATALOG", "FRONT_MATTER_KEYS", "PROOF_MAP_COLUMNS", "SECTION_KEYS", "SPECS_BY_KEY",
    "AnySection", "Block", "BulletList", "Content", "FAQEntry", "FAQSection", "FrontMatter",
    "Report", "Section", "SectionSpec", "Source", "SourcesSection", "Subsection", "Table",
    "TableBlock", "has_text", "match_section", "match_subsection", "normalize_heading",
    "split_qualifier",
]
