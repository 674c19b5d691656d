"""The signs that a sentence is not stated as fact: advice, hedges, the reader as
subject, questions and conditionals."""

from __future__ import annotations

import re

from reportlint.language.claims.cues import WORD, ClaimCue, Model

# "In other words, ", "Today, ", "As a result, ": a short opening before the subject.
_READER_REACH = 40  # "you" this far after a cue makes the sentence about the reader
_NEXT_WORDS = re.compile(r"(?:\s+[\w'’&/-]+){1,5}")
_LEADING_CLAUSE = re.compile(r"^[^,;:]{1,40}?,\s+(?=\S)")
# Where a sentence's later clause starts: after a semicolon or a spaced dash.
CLAUSE_BREAK = re.compile(r";|\s[—–]\s")


class Signs:
    """What the sentence says about itself, for deciding whether a cue counts."""

    def __init__(self, plain: str, body: str, label_end: int, reader: bool, purpose: str,
                 model: Model) -> None:
        self.plain, self.body, self.label_end = plain, body, label_end
        self.reader, self.purpose, self.model = reader, purpose, model
        example = model.example.search(plain)
        self.example_from = example.start() if example else len(plain) + 1
        self.example_sentence = bool(model.example_start.match(body))
        lead = _LEADING_CLAUSE.match(body)
        self.main = body[lead.end():] if lead else body
        self.advice_after = False  # an instruction to the reader follows in a clause

    def heads_a_subject(self, cue: ClaimCue) -> bool:
        """A quantifier such as "many" starts the main clause ("Most employers ...") or
        follows a preposition ("at most banks"); after a verb it quantifies an object
        ("ties many teams to one outcome") and says nothing about the market."""
        main_start = self.label_end + len(self.body) - len(self.main)
        if cue.start <= main_start:
            return True
        before = WORD.findall(self.plain[main_start:cue.start])
        return bool(before) and before[-1].casefold() in self.model.determiner_after

    def market_subject(self, cue: ClaimCue) -> bool:
        """A word for the market (employers, hiring, pay, postings...) before the cue or
        just after it ("Most employers", "Hiring often clusters")."""
        model, end = self.model, cue.start + len(cue.text)
        if model.determiners.fullmatch(cue.text):
            noun = _NEXT_WORDS.match(self.plain, end)  # the noun phrase it quantifies
            window = noun.group(0) if noun else ""
            # the trade's own people ("most payroll specialists") make a market claim
            # only where the report states the market; elsewhere they describe the job
            return bool(model.market.search(window) or (
                self.purpose == "claim" and model.population.search(window)))
        before = model.market.search(self.plain, self.label_end, cue.start)
        if cue.strength == "weak":  # an adverb: its subject stands before it
            return bool(before)
        return bool(before or model.market.search(self.plain, end, end + model.subject_reach))

    def counts(self, cue: ClaimCue) -> str:
        """"+why" when `cue` makes the sentence a claim, else why it does not."""
        model, purpose = self.model, self.purpose
        if cue.start >= self.example_from:
            return "an example"
        market = self.market_subject(cue)
        if self.example_sentence and not (cue.strength == "strong" and market):
            return "an example"
        if purpose == "method" and model.method.search(self.body):
            return "the report's own method"
        if cue.strength == "strong":
            if self.reader and cue.kind == "number" and not model.pay_figure.search(cue.text):
                return "about the reader"
            if purpose == "advice" and not market and not model.money.search(cue.text):
                return "advice"
            return "+a figure" if cue.kind == "number" else "+stated as fact"
        if self.reader or model.reader.search(self.plain, self.label_end,
                                               cue.start + len(cue.text) + _READER_REACH):
            return "about the reader"
        end = cue.start + len(cue.text)
        if model.hedge.search(self.plain, 0, end) or model.existential_hedge.search(
                self.plain, cue.start, end + _READER_REACH):
            return "hedged"
        if model.variety.search(self.plain):
            return "says that it varies"
        if model.first_person.search(self.body):
            return "the writer's own view"
        if purpose == "story":
            return "a field note"
        if cue.strength == "weak" and model.list_lead_in.search(self.plain):
            return "the lead-in to a list"
        if cue.strength == "weak" and self.advice_after:
            # "Postings that ask for X usually bundle Y; ask how the work is split":
            # a rule of thumb the same sentence turns into an instruction
            return "the set-up of advice"
        if purpose == "advice" or purpose == "method":
            if cue.strength == "medium" and market:
                return "+about the market"
            return "advice" if purpose == "advice" else "the report's own method"
        if model.generic_subject.match(self.main):
            return "a generic statement"
        if cue.strength == "weak" and model.existential.match(self.main):
            return "a generic statement"
        if cue.strength == "weak" and model.indefinite.match(self.main):
            return "describes the job"
        if model.determiners.fullmatch(cue.text) and not self.heads_a_subject(cue):
            return "not the subject"
        if cue.strength == "weak" and model.personal.search(self.plain):
            return "a person's history"
        if (cue.kind == "comparative" and purpose == "neutral"
                and model.population.search(self.plain, self.label_end, cue.start)
                and not model.market.search(self.plain)):
            # "Platform PMs spend more time on API design than on screens": the
            # trade's own people compared with themselves, outside the sections that
            # state the market and with nothing of the market in it, describe the job
            return "describes the job"
        if cue.strength == "medium":
            return "+stated as fact"
        if purpose == "answer":
            return "the writer's answer"
        if market:
            return "+about the market"
        return "not about the market"
