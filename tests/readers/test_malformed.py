"""Malformed input gives a located finding or a clear error, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CONTENT, SUPPORT_REPORT
from reportlint.cli import main
from reportlint.findings import Finding

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")


def check(path: Path, *args: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    findings = json.loads(result.stdout)["findings"] if result.stdout.strip() else []
    return result.exit_code, findings, result.output


def only(findings: list[dict[str, object]], rule: str) -> list[tuple[object, object, object]]:
    return [(f["line"], f["column"], f["message"]) for f in findings if f["rule"] == rule]


def test_invalid_yaml_is_reported_at_the_parser_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meta:\n  title: [unclosed\n  role: Data Engineer\nexecutive_summary: {}\n")
    status, findings, _ = check(path)
    assert status == 1
    assert [(f["path"], f["rule"], f["line"]) for f in findings] == [(str(path), "S009", 3)]
    assert str(findings[0]["message"]).startswith("invalid YAML")


def test_invalid_front_matter_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(GOOD.replace("year: 2025", "year: [2025"), encoding="utf-8")
    status, findings, _ = check(path)
    assert status == 1
    assert [f["rule"] for f in findings] == ["S009"]
    assert str(findings[0]["message"]).startswith("front matter: invalid YAML")
    assert 2 <= int(findings[0]["line"]) <= 13  # type: ignore[call-overload]


def test_unterminated_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text(GOOD.replace("---\n\n## Executive", "\n## Executive", 1), encoding="utf-8")
    status, findings, _ = check(path)
    assert status == 1
    assert only(findings, "S006") == [(1, 1, "front matter is not closed: add a '---' line "
                                             "after it")]


def test_headings_in_no_order_at_all(tmp_path: Path) -> None:
    head, body = GOOD.split("\n## ", 1)
    sections = ("## " + body).split("\n## ")
    shuffled = [sections[0]] + ["## " + s for s in reversed(sections[1:])]
    path = tmp_path / "shuffled.md"
    path.write_text(head + "\n" + "\n".join(shuffled), encoding="utf-8")
    status, findings, _ = check(path)
    assert status == 1
    order = [f for f in findings if f["rule"] == "S005"]
    assert 0 < len(order) < 19


@pytest.mark.parametrize(("name", "content", "message"), [
    ("binary.md", b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary file: a report is UTF-8 text"),
    ("empty.md", b"", "the file is empty"),
    ("blank.yaml", b"\n   \n", "the file is empty"),
])
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    status, findings, _ = check(path)
    assert status == 1
    assert [(f["rule"], f["line"], f["message"]) for f in findings] == [("S009", 1, message)]


def test_non_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes(GOOD.replace("Fintech", "Fint\xe9ch", 2).encode("latin-1", "replace"))
    status, findings, _ = check(path)
    assert status == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("S009", 2, 42)]
    assert "not UTF-8: byte 0xe9" in str(findings[0]["message"])


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    status, findings, _ = check(path)
    assert status == 1
    assert [(f["rule"], f["line"]) for f in findings] == [("S009", 1)]
    assert findings[0]["message"] == "YAML anchors and aliases are not allowed in a report"


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    status, findings, _ = check(path)
    assert status == 1
    assert findings[0]["rule"] == "S009"
    assert "52,428,800 bytes, over the 5,000,000-byte limit" in str(findings[0]["message"])


def test_deeply_nested_yaml(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("meta: " + "[" * 5000 + "]" * 5000 + "\n")
    status, findings, _ = check(path)
    assert status == 1
    assert findings[0]["rule"] == "S009"


def test_yaml_of_the_wrong_shape(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- just\n- a list\n")
    status, findings, _ = check(path)
    assert status == 1
    assert findings[0]["rule"] == "S009"
    wrong = tmp_path / "types.yaml"
    wrong.write_text("meta: {title: x}\ndemand_drivers: [a, b]\nsurprise: 1\n")
    status, findings, _ = check(wrong)
    messages = {str(f["message"]) for f in findings if f["rule"] == "S010"}
    assert "unknown key 'surprise' in the report" in messages
    assert any(m.startswith("'demand_drivers'") for m in messages)


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    assert "nope.md" in result.output


def test_front_matter_tags_and_odd_keys(lint_text: Callable[..., list[Finding]]) -> None:
    body = (CONTENT / "account-executive-saas-us-2025.md").read_text(encoding="utf-8")
    end = body.index("\n---\n", 4)
    tagged = lint_text(body[:end] + "\nsecret: !!binary aGVsbG8=" + body[end:])
    assert [(f.rule, f.message) for f in tagged] == [
        ("S009", "front matter: the tag !!binary is not allowed: a report holds text, numbers, "
                 "dates, lists and mappings")]
    odd = lint_text(body[:end] + "\nrole_alias: [AE]\ntrue: yes" + body[end:])
    assert [(f.rule, f.line, f.message.split(";")[0]) for f in odd] == [
        ("S006", 13, "unknown front-matter key 'role_alias' (did you mean \"role_aliases\"?)"),
        ("S006", 14, "unknown front-matter key 'true'")]
