"""A fuzz campaign, run with the tests: generated and mutated reports, configs, command
lines, baselines and page dumps. Whatever comes in, reportlint answers with findings or
a clear error (exit 0, 1 or 2), never a traceback, and writes nothing it was not asked to.

The default size takes a minute or two; `REPORTLINT_FUZZ=long pytest tests/test_fuzz.py`
runs 25 times as many cases of each family (11,000 in all).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import clean_reports
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlint.cli import main
from reportlint.config import Config, ConfigError
from reportlint.document.model import Document
from reportlint.language.data import load_data, packaged_names
from reportlint.readers import read_text
from reportlint.readers.pagetext import PageError, import_page_text
from reportlint.run.configfile import load_config
from reportlint.run.engine import RuleSet, lint_document

LONG = os.environ.get("REPORTLINT_FUZZ") == "long"
SCALE = 25 if LONG else 1  # long: 11,000 cases
REPORTS = [p for p in clean_reports() if p.suffix == ".md"]
SEEDS = {p.name: p.read_bytes() for p in REPORTS}
RULES = RuleSet(Config())


def _settings(examples: int) -> Any:
    return settings(max_examples=examples * SCALE, deadline=None, derandomize=not LONG,
                    suppress_health_check=list(HealthCheck))


# --- reports ----------------------------------------------------------------------

PIECES = [b"\x00", b"\xef\xbb\xbf", b"\r\n", b"\r", b"```", b"---\n", b"[^", b"[^x]: ",
          b"]: ", b"|", b"| a | b |\n|---|\n", b"#", b"## ", b"### ", b"- ", b"* ", b"> ",
          b"<!-- reportlint-disable ", b"-->", b"{{ role }}", b"\t", b" " * 300, b"\xff",
          b"\xc3", b"**", b"_", b"`", b"[a](", b"!", b"...", b"$1 ", b"TODO ", b"%",
          "é—“”".encode(), b"&", b"::", b"?"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 6)):
        choice = rng.randrange(6)
        at = rng.randrange(len(data) + 1)
        if choice == 0 and data:  # flip a byte
            data = data[:at - 1] + bytes([rng.randrange(256)]) + data[at:] if at else data
        elif choice == 1:  # cut a block
            data = data[:at] + data[at + rng.randint(1, 4000):]
        elif choice == 2:  # duplicate a block
            end = min(len(data), at + rng.randint(1, 2000))
            data = data[:end] + data[at:end] + data[end:]
        elif choice == 3:  # insert a piece, possibly many times
            data = data[:at] + rng.choice(PIECES) * rng.choice((1, 1, 2, 50)) + data[at:]
        elif choice == 4:  # change line endings
            data = data.replace(b"\n", rng.choice((b"\r\n", b"\r", b"\n\n")))
        else:  # swap two halves
            data = data[at:] + data[:at]
    return data


def _lint_bytes(raw: bytes, name: str = "fuzz.md") -> None:
    doc = read_text(Document(Path(name), "yaml" if name.endswith(".yaml") else "markdown", ""),
                    raw)
    for finding in lint_document(doc, RULES):
        assert finding.line >= 1 and finding.column >= 1


@_settings(120)
@given(seed=st.integers(0, 2**32 - 1), name=st.sampled_from(sorted(SEEDS)))
def test_mutated_reports_give_findings_not_tracebacks(seed: int, name: str) -> None:
    rng = random.Random(seed)
    _lint_bytes(mutate(SEEDS[name], rng))


YAML_REPORTS = [p for p in clean_reports() if p.suffix == ".yaml"]


@_settings(40)
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_yaml_reports_give_findings_not_tracebacks(seed: int) -> None:
    rng = random.Random(seed)
    source = rng.choice(YAML_REPORTS).read_bytes()
    _lint_bytes(mutate(source, rng), "fuzz.yaml")


@_settings(60)
@given(text=st.text(max_size=3000))
def test_arbitrary_text_gives_findings_not_tracebacks(text: str) -> None:
    _lint_bytes(text.encode("utf-8", "surrogatepass"))


# --- configs ----------------------------------------------------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True), st.text(max_size=20),
                    st.sampled_from(["S003", "ALL", "s", "evidence", "(", "(\\w+\\s?)*$",
                                     "\\bfoo\\b", "error", "warning", "-1", "1e9"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12) | st.sampled_from(
        ["S003", "C004", "E001", "D002", "min_weight", "share", "cues", "placeholders"]),
        inner, max_size=4)), max_leaves=20)
KEYS = ["select", "ignore", "severity", "fail_on", "required_sections", "max_file_size",
        "exclude", "per_path", "rules", "data"]


def _data_like(rng: random.Random) -> dict[str, Any]:
    """A `data:` entry shaped like a packaged file, with some values swapped."""
    name = rng.choice(sorted(packaged_names()))
    packaged = load_data(name)

    def bend(value: Any, depth: int = 0) -> Any:
        if depth > 3 or rng.random() < 0.2:
            return rng.choice([1, "x", [], {}, None, "(", ["(a+)+$"], [{"a": 1}], True])
        if isinstance(value, dict):
            keys = rng.sample(sorted(value, key=str), min(len(value), 2))
            return {k: bend(value[k], depth + 1) for k in keys}
        if isinstance(value, list):
            return [bend(value[0], depth + 1)] if value else ["x"]
        return value

    return {name: bend(packaged)}


@_settings(80)
@given(seed=st.integers(0, 2**32 - 1), extra=st.dictionaries(st.sampled_from(KEYS), VALUES,
                                                                 max_size=4))
def test_generated_configs_load_or_fail_clearly(seed: int, extra: dict[str, Any],
                                                tmp_path_factory: pytest.TempPathFactory) -> None:
    rng = random.Random(seed)
    raw: dict[str, Any] = dict(extra)
    if rng.random() < 0.5:
        raw["data"] = _data_like(rng)
    folder = tmp_path_factory.mktemp("config")
    path = folder / "reportlint.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    try:
        config = load_config(path)
    except ConfigError as error:
        assert str(error).startswith(str(path)), error
        return
    rules = RuleSet(config)
    name = rng.choice(sorted(SEEDS))
    doc = read_text(Document(Path(name), "markdown", ""), SEEDS[name])
    lint_document(doc, rules)  # a config that loads must run


def test_deeply_nested_config_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "reportlint.yaml"
    path.write_text("data: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError, match=r"reportlint\.yaml"):
        load_config(path)


# --- command lines ----------------------------------------------------------------

FLAGS = [["--format", "json"], ["--format", "sarif"], ["--format", "github"],
         ["--format", "gitlab"], ["--format", "junit"], ["--statistics"], ["-q"],
         ["--select", "S"], ["--select", "Z9"], ["--ignore", "evidence"], ["--exit-zero"],
         ["--fail-on", "error"], ["--scope", "per-file"], ["--jobs", "1"], ["--diff"],
         ["--no-cache"], ["--fail-on", "bogus"], ["--baseline", "missing.json"],
         ["--config", "missing.yaml"], ["--jobs", "0"]]


@_settings(40)
@given(picks=st.lists(st.sampled_from(range(len(FLAGS))), max_size=4),
       target=st.sampled_from(["report.md", "folder", "nothing.md", "broken.md"]))
def test_command_lines_exit_0_1_or_2(picks: list[int], target: str,
                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("cli")
    report = folder / "report.md"
    report.write_bytes(SEEDS[sorted(SEEDS)[0]])
    (folder / "broken.md").write_bytes(b"---\ntitle: [\n---\n")
    (folder / "folder").mkdir()
    (folder / "folder" / "r.md").write_bytes(report.read_bytes())
    before = {p: p.read_bytes() for p in folder.rglob("*.md")}
    args = ["check", *(part for i in picks for part in FLAGS[i]), str(folder / target)]
    old = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, result.exception)
    assert {p: p.read_bytes() for p in folder.rglob("*.md")} == before  # nothing written


# --- baselines, page dumps --------------------------------------------------------

JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                       lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.sampled_from(["findings", "version", "path", "rule",
                                                          "fingerprint", "line"]), inner,
                                         max_size=4), max_leaves=15)


@_settings(40)
@given(document=JSONISH)
def test_any_baseline_is_read_or_refused_clearly(document: Any,
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("baseline")
    (folder / "b.json").write_text(json.dumps(document))
    (folder / "r.md").write_bytes(SEEDS[sorted(SEEDS)[0]])
    result = CliRunner().invoke(main, ["check", "--no-cache", "--baseline",
                                       str(folder / "b.json"), str(folder / "r.md")])
    assert result.exit_code in (0, 1, 2) and (
        result.exception is None or isinstance(result.exception, SystemExit)), result.output


PAGE = (b"CAREER\nDec 17, 2025\nBy Someone\nUS Production Support Analyst Fintech Market "
        b"Analysis 2025\nA dek.\nUS Production Support Analyst Fintech Market Analysis 2025 "
        b"report cover\nExecutive Summary\n\xe2\x80\xa2 A bullet.\nMarket Snapshot (2025)\n"
        b"Text here.\nFAQ\nA question?\nAn answer.\n")


@_settings(60)
@given(seed=st.integers(0, 2**32 - 1))
def test_page_dumps_import_or_fail_clearly(seed: int) -> None:
    rng = random.Random(seed)
    raw = mutate(PAGE, rng)
    try:
        report = import_page_text(raw)
    except PageError:
        return
    from reportlint.writers.markdown import render_markdown

    _lint_bytes(render_markdown(report).encode())
