"""One report's prose as compact hashes, for the cross-report shared-passage index.

`summarize_passages` runs where a file is read (perhaps in a worker process, perhaps
cached) and keeps, for every prose paragraph and bullet, its line, column, length and
the hash of its normalised text, a sample of hashed 5-word shingles (those whose hash
is 0 modulo 8), and the hash of each longer sentence. The report's own role, industry
and region become slots first, so a template paragraph refilled for another role still
matches. No text is kept. `reportlint.corpus.passages` compares the summaries.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.document.text import normalize, split_sentences, words

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.document.model import Document

SENTENCE = 1 << 23  # marks a sentence reference (else a passage index)
_SLOTS = ("{role}", "{industry}", "{region}")


@dataclass(frozen=True, slots=True)
class PassagePrints:
    """One report's summary for the cross-report check (hashes and positions only).

    `passages`: 4 unsigned 64-bit values per passage (line, column, words plus 1 << 32
    for a bullet, text hash);
    `prints`: the sampled shingle hashes of all passages, concatenated; `ends`: where
    each passage's shingles end in `prints`; `sentences`: 4 values per sentence of a
    multi-sentence passage (line, column, passage index, text hash). `identity` names
    the report (role, industry, region, year): two files with one identity (a draft and
    its final, the Markdown and YAML forms) are one report and are not compared.
    """

    passages: bytes
    prints: bytes
    ends: bytes
    sentences: bytes
    identity: str = ""

    def rows(self) -> tuple[memoryview, memoryview, memoryview, memoryview]:
        """The four arrays as numbers, read in place (at 10,000 reports a copy of them
        all is about 60 MB more)."""
        return (memoryview(self.passages).cast("Q"), memoryview(self.prints).cast("Q"),
                memoryview(self.ends).cast("I"), memoryview(self.sentences).cast("Q"))


def _hash(text: str, kind: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8, person=kind).digest(),
                          "little")


# An own name's words and its slot, by the name's first word, longest names first.
_Names = dict[str, list[tuple[list[str], str]]]


def _slotted(tokens: list[str], starting: _Names) -> list[str]:
    """Tokens with each own name (longest first) replaced by its slot."""
    if starting.keys().isdisjoint(tokens):
        return list(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for name, slot in starting.get(tokens[i], ()):
            if tokens[i:i + len(name)] == name:
                out.append(slot)
                i += len(name)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _names(doc: Document) -> _Names:
    """The report's own names (role, aliases, industry, region) and their slots, indexed
    once for the whole report: a report's passages and sentences are slotted some 400
    times."""
    meta = doc.meta
    if meta is None:
        return {}
    pairs = [(words(meta.role), "{role}"), (words(meta.industry), "{industry}"),
             (words(meta.region), "{region}")]
    pairs += [(words(alias), "{role}") for alias in meta.role_aliases or []]
    starting: _Names = {}
    for name, slot in sorted((p for p in pairs if p[0]), key=lambda p: -len(p[0])):
        starting.setdefault(name[0], []).append((name, slot))
    return starting


def boilerplate_keys(config: Config | None) -> frozenset[str]:
    """The allow-list's passages in comparison form, slots kept as {role} etc."""
    from reportlint.language.data import load_data

    keys = set()
    for entry in load_data("boilerplate", config).get("passages") or []:
        parts = str(entry)
        for slot in _SLOTS:
            parts = parts.replace(slot, f" {slot.strip('{}')}slot ")
        key = normalize(parts)
        for slot in _SLOTS:
            key = key.replace(f"{slot.strip('{}')}slot", slot)
        keys.add(key)
    return frozenset(keys)


def summarize_passages(doc: Document, options: Mapping[str, Any],
                       config: Config | None = None) -> PassagePrints:
    """The compact summary of one report's prose for the cross-report check. `options`:
    D004's settings (`shingle_words`, `sample_modulus`, `min_sentence_words`,
    `min_passage_words`); `config` extends the boilerplate allow-list."""
    from reportlint.document.units import Kind
    from reportlint.language.repetition import NOT_PROSE, body, leads_in

    size, modulus = int(options["shingle_words"]), int(options["sample_modulus"])
    min_sentence, min_passage = int(options["min_sentence_words"]), int(
        options["min_passage_words"])
    allowed, names = boilerplate_keys(config), _names(doc)
    passages, prints, ends, sentences = array("Q"), array("Q"), array("I"), array("Q")
    for unit in doc.units:
        if unit.kind not in (Kind.PARAGRAPH, Kind.BULLET) or unit.section in NOT_PROSE:
            continue
        tokens = _slotted(words(unit.text), names)
        spans = split_sentences(unit.text)
        keys = [" ".join(_slotted(words(unit.text[s:e]), names)) for s, e in spans]
        key = " ".join(tokens)
        # A label ("Step 7:") is not what is shared, and a lone lead-in to a list ("Here
        # is a summary of the {role} job description:") frames what follows.
        if (len(_slotted(words(body(unit.text)), names)) < min_sentence
                or (len(spans) == 1 and leads_in(unit.text))
                or key in allowed or all(k in allowed for k in keys)):
            continue
        index = len(passages) // 4
        line, column = doc.position(unit.offset())
        bullet = int(unit.kind is Kind.BULLET) << 32
        passages.extend((line, column, len(tokens) | bullet, _hash(key, b"passage")))
        if len(tokens) >= min_passage:
            for start in range(len(tokens) - size + 1):
                value = _hash(" ".join(tokens[start:start + size]), b"shingle")
                if value % modulus == 0:
                    prints.append(value)
        ends.append(len(prints))
        if len(spans) > 1:
            for (start, end), sentence in zip(spans, keys, strict=True):
                if (len(_slotted(words(body(unit.text[start:end])), names)) >= min_sentence
                        and not leads_in(unit.text[start:end]) and sentence not in allowed):
                    line, column = doc.position(unit.offset(start))
                    sentences.extend((line, column, index, _hash(sentence, b"passage")))
    meta = doc.meta
    identity = normalize(f"{meta.role} {meta.industry} {meta.region} {meta.year}") if meta else ""
    return PassagePrints(passages.tobytes(), prints.tobytes(), ends.tobytes(),
                         sentences.tobytes(), identity)
