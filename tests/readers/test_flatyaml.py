"""The flat front-matter reader gives ruamel's answer or no answer at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.readers.flatyaml import read_flat_mapping
from reportlint.readers.yamltree import YamlProblem, YamlTree, compose_yaml_tree

ROOT = Path(__file__).resolve().parents[2]


def front_matter(path: Path) -> str | None:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0].strip() != "---":
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")),
                   None)
    return "\n".join(lines[1:closing]) if closing else None


REPORTS = sorted(path for path in [*ROOT.glob("content/*.md"),
                                    *ROOT.glob("tests/fixtures/**/*.md")]
                 if (front_matter(path) or "").strip())


def same_tree(flat: YamlTree, composed: YamlTree) -> None:
    assert flat.data == composed.data
    assert [type(v) for v in flat.data.values()] == [type(v) for v in composed.data.values()]
    assert flat.offsets == composed.offsets
    assert flat.value_offsets == composed.value_offsets
    assert flat.duplicates == composed.duplicates


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_front_matter_we_wrote_is_read_flat_and_as_ruamel_reads_it(path: Path) -> None:
    text = front_matter(path) or ""
    flat = read_flat_mapping(text, base_offset=4)
    if flat is None:  # a fixture may be written outside the flat subset on purpose
        assert "#" in text or "'" in text or '"' in text or "\n " in text or "- " in text
        return
    same_tree(flat, compose_yaml_tree(text, base_offset=4))


@pytest.mark.parametrize("text", [
    "title: 'Quoted'", 'title: "Quoted"', "title: A # comment", "# comment\ntitle: A",
    "title: A: B", "year: 2025.5", "year: 02025", "year: -5", "flag: yes", "flag: Off",
    "flag: true", "value: null", "value: ~", "value:", "aliases:\n  - A", "title: A\r",
    "title:\tA", "title: >\n  folded", "anchor: &a A", "aliases: [A, [B]]",
    "aliases: [A, 2025]", "aliases: [A, 'B']", "published: 2025-13-01", "yes: A",
    "  title: indented", "title: A\n  continued", "title: Ä\u2028B",
])
def test_what_it_is_not_sure_of_is_left_to_ruamel(text: str) -> None:
    assert read_flat_mapping(text) is None


def test_duplicates_and_positions() -> None:
    text = ("title: A\nrole: B\n\ntitle: C\naliases: [X Y,  Z]\npublished: 2025-03-01\n"
            "aliases: [W]")
    flat = read_flat_mapping(text, base_offset=10)
    assert flat is not None
    assert flat.data["title"] == "A" and flat.duplicates[0] == (("title",), 10 + 18)
    assert flat.data["aliases"] == ["X Y", "Z"] and len(flat.duplicates) == 2
    same_tree(flat, compose_yaml_tree(text, base_offset=10))


_PLAIN = st.sampled_from(["Data", "Engineer", "FP&A", "service's", "Ärzte", "Mid-market",
                         "2025", "2025-03-01", "[A, B]", "[Site Reliability, SRE]"])
_TRICKY = st.sampled_from(["Data", "Engineer", "FP&A", "service's", "yes", "No", "true",
                          "null", "2025", "07", "2025-03-01", "2025-3-1", "1e3", "a:b",
                          "a: b", "x #y", "x#y", "[A, B]", "[]", "[A,B", "'q'", '"q"',
                          "Ärzte", "—", "-", "~", "&a", "*a", "!t", "|", ">", "%", "@",
                          ",", "{a}", "\t", "  "])
# Mostly words the flat reader takes, so that most examples test an answer it gives.
_WORDS = st.one_of(_PLAIN, _PLAIN, _PLAIN, _TRICKY)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "role", "year", "aliases", "published",
                                           "x-y", "_k", "title", "role", "on", " k"]),
                          st.lists(_WORDS, min_size=1, max_size=3),
                          st.sampled_from([": ", ": ", ": ", ":", ":  ", " : "])),
                min_size=1, max_size=4))
def test_any_flat_answer_is_ruamels_answer(lines: list[tuple[str, list[str], str]]) -> None:
    text = "\n".join(f"{key}{colon}{' '.join(words)}" for key, words, colon in lines)
    flat = read_flat_mapping(text, base_offset=3)
    if flat is None:
        return
    try:
        composed = compose_yaml_tree(text, base_offset=3)
    except YamlProblem:
        pytest.fail(f"read flat, but ruamel refuses it: {text!r}")
    same_tree(flat, composed)
