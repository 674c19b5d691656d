"""H002 slot-filler: the same phrase poured into many template slots."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import normalize
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import load_data
from reportlint.language.slots import (
    Slot,
    SlotLimits,
    fills_slots,
    is_term,
    slot_units,
    template_slots,
)
from reportlint.language.subjects import subjects
from reportlint.rules.hygiene.common import PROSE, quote, setting
from reportlint.rules.registry import Context, Count, Rule, RuleOptions, register

# -- template slots --------------------------------------------------------------------

@register
class SlotFiller(Rule):
    """The same phrase poured into many template slots.

    **What it does.** Finds phrases that stand in a slot (after a label's colon or
    dash, or inside parentheses) and that the report puts in at least `min_units`
    (default 4) bullets or paragraphs; reports every line where such a phrase fills a
    slot, including a sentence that is only a short frame around it ("Budget around …").
    D002 counts how often a phrase is used; this rule points at the lines where a frame
    holds nothing else.

    What a report is about is left alone, however often it names it: its own role
    (plural, hyphenated or not: "front-end developers" in a Frontend Developer report),
    aliases, industry and region; any job title ("Job title: Backend Engineer",
    "registered nurses"; the title heads are in `lint/language/data/job_titles.yaml` and
    `occupation_heads` in `lint/language/data/stop_phrases.yaml`); and lists of named things
    ("HTML, CSS, and JavaScript"). A short phrase of up to `term_words` (3) content
    words in at most five, or of four content words and no function word, is usually a
    term the report is about
    ("patient safety", "data management"), so it counts only when it stands alone
    after a label or in parentheses in at least `term_label_slots` (2) units and in some
    slot in at least `term_slots` (3):
    "Reality check: long cycles.", "Constraints (long cycles)", "Plan around long cycles.".
    Options live under `slot_filler` in `lint/language/data/leftovers.yaml`.

    **Why is this bad?** A generator that fills "Watch out for: …", "Biggest blocker:
    …" and "Budget around …" with the same phrase produces lines that say nothing, and
    the wrong kind of phrase in a slot ("decide what you will own first: weekly trading
    reports for store managers") reads as nonsense.

    **Example.** `- Watch out for: credential verification delays.`, `- Biggest
    blocker: credential verification delays.` and `- Budget around credential
    verification delays.` in a report that names those delays in five places give `H002
    template slot filled with "credential verification delays", a phrase the report
    puts in 5 places` on each. Use instead: say what the delay is and what to do about it
    ("Provincial licence checks take two to six weeks; start them at offer"). Left
    alone: "Why it matters: patient safety." once in a Registered Nurse report that
    names patient safety in ten other sentences.
    """

    code = "H002"
    name = "slot-filler"
    category = Category.HYGIENE
    severity = Severity.WARNING

    class Options(RuleOptions):
        """Unset, the value under `slot_filler` in leftovers.yaml applies."""

        min_words: Count | None = Field(None, description=(
            "a slot filler has at least this many words"))
        max_words: Count | None = Field(None, description=(
            "and at most this many"))
        max_frame_words: Count | None = Field(None, description=(
            "the words of a frame around a slot (\"Plan around …\") at most"))
        min_units: Count | None = Field(None, description=(
            "the units (sentences, bullets, cells) a phrase must fill slots in to be reported"))
        term_words: Count | None = Field(None, description=(
            "a phrase of at most this many content words is a term of the trade and needs the two "
            "term_ counts below"))
        term_label_slots: Count | None = Field(None, description=(
            "units in which a term must stand alone after a label or in parentheses"))
        term_slots: Count | None = Field(None, description=(
            "units in which a term must fill some slot (frames included)"))

        @classmethod
        def defaults(cls) -> dict[str, object]:
            data = (load_data("leftovers") or {}).get("slot_filler") or {}
            return {name: data.get(name) for name in cls.model_fields}

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        limits = SlotLimits(setting(self, context, "min_words", 2),
                            setting(self, context, "max_words", 8),
                            setting(self, context, "max_frame_words", 3))
        min_units = setting(self, context, "min_units", 4)
        term_words = setting(self, context, "term_words", 3)
        label_slots = setting(self, context, "term_label_slots", 2)
        any_slots = setting(self, context, "term_slots", 3)
        by_sentence = template_slots(doc, limits)
        texts = [f" {normalize(u.text)} " for u in doc.units if u.kind in PROSE]
        placed = slot_units(by_sentence)
        about = subjects(doc, context.config)
        # A phrase is a slot filler once it stands after a label or in parentheses.
        fillers = {slot.phrase: slot for slots in reversed(by_sentence) for slot in slots
                   if not slot.framed}
        counts = {phrase: sum(1 for text in texts if f" {phrase} " in text)
                  for phrase, slot in fillers.items()
                  if not about.named(phrase.split(), slot.raw)
                  and (not is_term(phrase.split(), term_words, about.edge_words)
                       or fills_slots(phrase, placed, label_slots, any_slots))}
        for slots in by_sentence:
            kept: list[Slot] = []
            for slot in sorted(slots, key=lambda slot: slot.start):
                # "around long cycles" and "long cycles" in one frame: report it once.
                if counts.get(slot.phrase, 0) >= min_units and not any(
                        k.phrase.endswith(slot.phrase) for k in kept):
                    kept.append(slot)
            for slot in kept:
                count = counts[slot.phrase]
                yield Hit(f'template slot filled with "{quote(slot.phrase)}", a phrase the '
                          f"report puts in {count} places", offset=slot.unit.offset(slot.start),
                          data=(("phrase", slot.phrase), ("count", count)))
