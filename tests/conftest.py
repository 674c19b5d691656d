"""Shared test helpers: real report text in, findings out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import settings
from reportlint.config import Config
from reportlint.document.model import Document
from reportlint.findings import Finding
from reportlint.readers import read_document
from reportlint.run import parallel
from reportlint.run.pipeline import lint_paths

# CI runs the property tests on a fixed sequence of examples, so a run cannot fail by the
# luck of the draw; locally each run draws afresh (and remembers what failed).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display path of every file the engine parses."""
    parsed: list[str] = []
    original = parallel.read_document

    def counting(path: Path, **kwargs: object) -> object:
        parsed.append(str(kwargs.get("display", path)))
        return original(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "read_document", counting)
    return parsed


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


def mixed_corpus(folder: Path) -> Path:
    """A folder of reports like a release: clean ones (Markdown and YAML), last year's
    edition of one (shared passages), and some with defects (a section dropped, a
    placeholder, a paragraph repeated, an empty file, a binary file)."""
    folder.mkdir(parents=True, exist_ok=True)
    clean = [p for p in clean_reports() if p.suffix == ".md"]
    for path in [*clean, *CONTENT.glob("*.yaml")]:
        (folder / path.name).write_bytes(path.read_bytes())
    first, second, third = (p.read_text(encoding="utf-8") for p in clean[:3])
    (folder / "last-year-of-first.md").write_text(first.replace("2025", "2024"),
                                                  encoding="utf-8")
    start = second.index("## Demand Drivers")
    (folder / "dropped-section.md").write_text(
        second[:start] + second[second.index("\n## ", start + 1) + 1:], encoding="utf-8")
    (folder / "placeholder.md").write_text(
        third.replace("## Demand Drivers\n\n", "## Demand Drivers\n\n- TODO: add the figures.\n"),
        encoding="utf-8")
    paragraph = next(block for block in first.split("\n\n")[3:] if not block.startswith(("#", "-")))
    (folder / "repeated-paragraph.md").write_text(
        first.replace(paragraph, f"{paragraph}\n\n{paragraph}", 1), encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01binary\x00")
    return folder
