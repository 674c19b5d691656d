"""The shared-passage comparison in parts (`reportlint.corpus.partitioned`: posting
entries grouped by hash, then by report) gives exactly the hits of the whole index,
however the hashes are split: on our reports with planted copies, and on a generated
templated corpus large enough that some postings pass the CAP the answers read."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, ROOT
from reportlint.config import Config
from reportlint.corpus.entry import CorpusEntry
from reportlint.corpus.partitioned import compare_in_parts
from reportlint.corpus.passages import CAP
from reportlint.corpus.shared import shared_passage_hits
from reportlint.readers import read_document
from reportlint.rules.duplication.shared import shared_passage_settings
from reportlint.run.engine import RuleSet, summarize


def _entries(files: list[Path]) -> list[CorpusEntry]:
    rules = RuleSet(Config())
    entries = []
    for file in files:
        summaries = summarize(read_document(file), rules)
        entries.append(CorpusEntry(file.as_posix(), summaries["D004"]))
    return entries


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[CorpusEntry]:
    folder = tmp_path_factory.mktemp("generated")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(folder),
                    "--count", "90", "--seed", "11"], check=True, capture_output=True)
    return _entries(sorted(folder.glob("*.md")))


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> list[CorpusEntry]:
    folder = tmp_path_factory.mktemp("planted")
    for report in [*sorted(CONTENT.glob("*.md")), *sorted(CONTENT.glob("*.yaml")),
                   *sorted((FIXTURES / "duplication").glob("*.md"))]:
        shutil.copy(report, folder / report.name)
    for number, report in enumerate(sorted(CONTENT.glob("*.md"))):
        (folder / f"next-{number}-{report.name}").write_text(
            report.read_text(encoding="utf-8").replace("2025", "2026"), encoding="utf-8")
    return _entries(sorted(folder.iterdir()))


def _whole(entries: list[CorpusEntry], options: dict[str, object]) -> list[tuple[str, str]]:
    return [(path, repr(hit)) for path, hit in shared_passage_hits(entries, options)]


@pytest.mark.parametrize("parts", [1, 2, 5, 16])
def test_planted_copies_in_any_number_of_parts(planted: list[CorpusEntry], parts: int) -> None:
    options = shared_passage_settings(Config())
    whole = _whole(planted, options)
    assert len({path for path, _ in whole}) >= 6  # copies to find, in many reports
    assert [(p, repr(h)) for p, h in compare_in_parts(planted, options, parts)] == whole


@pytest.mark.parametrize("parts", [1, 3, 8])
def test_a_templated_corpus_in_parts(generated: list[CorpusEntry], parts: int) -> None:
    options = shared_passage_settings(Config())
    whole = _whole(generated, options)
    assert len(whole) > 500
    assert any("about" in hit for _, hit in whole)  # postings past CAP: estimated counts
    assert any("near copy" in hit for _, hit in whole)
    assert len(generated) > CAP
    assert [(p, repr(h)) for p, h in compare_in_parts(generated, options, parts)] == whole


def test_every_option_is_honoured_in_parts(generated: list[CorpusEntry]) -> None:
    options = {**shared_passage_settings(Config()), "max_names": 1, "max_per_report": 2,
               "containment": 0.3}
    whole = _whole(generated, options)
    assert any("more passages shared" in hit for _, hit in whole)
    assert [(p, repr(h)) for p, h in compare_in_parts(generated, options, 4)] == whole


def test_the_order_entries_arrive_in_does_not_matter(generated: list[CorpusEntry]) -> None:
    """On a cluster a group's entries arrive in any order: shuffled here."""
    import random

    from reportlint.corpus.partitioned import Told, group_answers, posting_entries

    options = shared_passage_settings(Config())
    entries = [entry for number, corpus_entry in enumerate(generated)
               for entry in posting_entries(number, corpus_entry.path, corpus_entry.summary)]
    random.Random(5).shuffle(entries)
    told = Told()
    for part in range(3):  # groups of hashes, in an order of their own
        group = [entry for entry in entries if entry[0] % 3 == part]
        told.add(*group_answers(group, int(options["max_names"])))
    found = [(entry.path, repr(hit)) for number, entry in enumerate(generated)
             for hit in told.hits(number, entry.path, entry.summary, options,
                                  lambda other: generated[other].path)]
    assert found == _whole(generated, options)


def _prints(identity: str, passages: list[tuple[int, list[int]]]) -> object:
    """A summary made by hand: (text hash, sampled shingles) per passage, one per line."""
    from array import array

    from reportlint.corpus.fingerprints import PassagePrints

    rows, prints, ends = array("Q"), array("Q"), array("I")
    for line, (value, shingles) in enumerate(passages, 10):
        rows.extend((line, 1, 40, value))
        prints.extend(shingles)
        ends.append(len(prints))
    return PassagePrints(rows.tobytes(), prints.tobytes(), ends.tobytes(), b"", identity)


def test_a_shingle_twice_in_a_passage_counts_once() -> None:
    """The index tallies a passage's distinct shingles; so must the groups."""
    twice = _prints("a", [(101, [7, 7, 8, 9]), (102, [20, 21])])
    other = _prints("b", [(201, [7, 8, 9, 10]), (202, [20, 22])])
    third = _prints("c", [(301, [7, 30, 31, 32])])
    entries = [CorpusEntry("a.md", twice), CorpusEntry("b.md", other),
               CorpusEntry("c.md", third)]
    options = {**shared_passage_settings(Config()), "containment": 0.6}
    whole = _whole(entries, options)
    assert any("near copy" in hit for _, hit in whole)
    for parts in (1, 2, 3):
        assert [(p, repr(h)) for p, h in compare_in_parts(entries, options, parts)] == whole


@pytest.mark.parametrize("groups", [2, 4, 8, 12])
def test_sampled_shingles_spread_over_the_groups(generated: list[CorpusEntry],
                                                 groups: int) -> None:
    """Shingles are sampled by their low bits, so grouping by those put every shingle
    (most of the work) in one group: each group must get its share."""
    from reportlint.corpus.partitioned import packed_entries, unpacked

    reports = [(number, entry.path, entry.summary) for number, entry in enumerate(generated)]
    shingles = [sum(entry[5] for entry in unpacked(packed))
                for packed in packed_entries(reports, groups).values()]
    assert len(shingles) == groups
    assert max(shingles) < 2 * sum(shingles) / groups
