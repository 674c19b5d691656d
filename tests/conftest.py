"""Shared test helpers: real report text in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from reportlint.config import Config
from reportlint.document import Document
from reportlint.engine import lint_paths
from reportlint.findings import Finding
from reportlint.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN_FIXTURES = FIXTURES / "clean"
EXAMPLES = ROOT.parent / "shared" / "examples"
EXAMPLE_PAGE = EXAMPLES / "production-support-analyst-fintech-us-2025.page.txt"
SUPPORT_REPORT = CONTENT / "production-support-analyst-fintech-us-2025.md"


def clean_reports() -> list[Path]:
    """Every report that must lint clean: content/ and the clean fixtures."""
    return sorted([*CONTENT.glob("*.md"), *CONTENT.glob("*.yaml"), *CLEAN_FIXTURES.glob("*.md"),
                   *CLEAN_FIXTURES.glob("*.yaml")])


def lint(paths: Iterable[Path], **config: object) -> list[Finding]:
    return lint_paths([str(p) for p in paths], Config(**config)).findings  # type: ignore[arg-type]


@pytest.fixture
def lint_text(tmp_path: Path) -> Callable[..., list[Finding]]:
    """Lint `text` written to a file named `name` (its suffix picks the form)."""

    def run(text: str, name: str = "report.md", **config: object) -> list[Finding]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return lint([path], **config)

    return run


@pytest.fixture
def read_text(tmp_path: Path) -> Callable[..., Document]:
    def run(text: str, name: str = "report.md") -> Document:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return read_document(path)

    return run


@pytest.fixture(scope="session")
def example_page() -> Path:
    if not EXAMPLE_PAGE.exists():
        pytest.fail(f"the example page is expected at {EXAMPLE_PAGE} (../shared beside the clone)")
    return EXAMPLE_PAGE


@pytest.fixture(scope="session")
def imported_example(example_page: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example page imported to Markdown, as `reportlint import` writes it."""
    from reportlint.readers.pagetext import import_page_text
    from reportlint.writers.markdown import render_markdown

    target = tmp_path_factory.mktemp("example") / "production-support-analyst-fintech-us-2025.md"
    target.write_text(render_markdown(import_page_text(example_page.read_bytes())),
                      encoding="utf-8")
    return target


def codes(findings: Iterable[Finding]) -> list[str]:
    return [f.rule for f in findings]
