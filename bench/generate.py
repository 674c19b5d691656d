"""Generate realistic reports for the benchmark: deterministic for a seed, about 15–20 KB
each, every section of the catalog in order, varied roles, industries and regions.

    python bench/generate.py OUT --count 1000 --seed 7 --defects 0.3

Report `i` depends only on the seed and `i`, so a corpus of 1,000 is the first 1,000 of
a corpus of 10,000. A share of the reports (`--defects`) carry one defect each, cycling
through the contract's five families (structure, consistency, duplication, evidence,
hygiene); the rest are clean. Prose comes from bench/templates.yaml filled from
bench/families.yaml and bench/markets.yaml; figures and sources are synthetic.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from defects import DEFECT_FAMILIES, add_defect
from reportlint.schema import CATALOG

HERE = Path(__file__).resolve().parent

ALIASES = {"task_inf": "task", "task_short": "task", "customers": "customer",
           "skill_a": "skill", "skill_b": "skill", "variant_a": "variant", "variant_b": "variant",
           "good": "good_signal", "reject": "rejection", "source": "source_pub"}


@cache
def _load(name: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load((HERE / name).read_text(encoding="utf-8"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Filler:
    """Fills `{slot}`s for one report; each deck deals every entry once before reuse."""

    def __init__(self, rng: random.Random, family: dict[str, Any], industry: str,
                 region: str, year: int, role: str) -> None:
        self.rng = rng
        market = _load("markets.yaml")
        facts = market["industries"][industry]
        place = market["regions"][region]
        lower = industry if industry in ("SaaS",) else industry.lower()
        self.fixed: dict[str, str] = {
            "role": role, "ind": lower, "ind_title": industry, "ind_slug": slug(industry),
            "region": region, "region_slug": slug(region), "year": str(year),
            "slug": slug(role), "currency": place["currency"],
            "source_pub": facts["source"][1], "source_title": facts["source"][2],
            "source_date": str(facts["source"][3]), "pay_pub": place["pay"][1],
            "pay_title": place["pay"][2]}
        self.lists: dict[str, list[str]] = {
            **{key: list(value) for key, value in _load("templates.yaml")["generic"].items()},
            "task": family["tasks"], "work": family["works"], "tool": family["tools"],
            "metric": family["metrics"], "artifact": family["artifacts"],
            "stakeholder": family["stakeholders"],
            "skill": [row[0].lower() for row in family["skills"]],
            "variant": [_pair(row)[0].lower() for row in family["variants"]],
            "good_signal": family["good_signals"], "rejection": family["rejections"],
            "system": facts["systems"], "pressure": facts["pressures"],
            "incident": facts["incidents"], "customer": facts["customers"],
}
        self.decks: dict[str, list[str]] = {}

    def deal(self, name: str) -> str:
        deck = self.decks.get(name)
        if not deck:
            deck = self.decks[name] = list(self.lists[name])
            self.rng.shuffle(deck)
        return deck.pop()

    def value(self, slot: str) -> str:
        capital = slot[0].isupper() or slot.endswith("_cap")
        name = slot.lower().removesuffix("_cap").rstrip("0123456789")
        name = ALIASES.get(name, name)
        text = str(self.fixed[name] if name in self.fixed else self.deal(name))
        return text[0].upper() + text[1:] if capital else text

    def fill(self, template: str) -> str:
        worded = re.sub(r"<([^<>]*)>", lambda m: self.rng.choice(m.group(1).split("|")), template)
        return re.sub(r"\{(\w+)\}", lambda m: self.value(m.group(1)), worded)

    def some(self, templates: list[Any], count: int) -> list[Any]:
        """`count` templates, each used at most once (all of them if fewer)."""
        return self.rng.sample(templates, min(count, len(templates)))


def _pair(row: list[str]) -> tuple[str, str]:
    """A [name, text] row of the vocabulary; YAML's flow lists split the text at commas."""
    return row[0], ", ".join(row[1:])


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _some(f: Filler, templates: list[str], count: int) -> str:
    """A bullet list of `count` of the templates, filled."""
    return _bullets([f.fill(template) for template in f.some(templates, count)])


def _sub(heading: str, body: str) -> str:
    return f"### {heading}\n\n{body}"


def build_sections(f: Filler, family: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(catalog key, Markdown body under the level-2 heading) for every section."""
    t = _load("templates.yaml")
    one = f.rng.choice
    yield "executive_summary", _some(f, t["executive_summary"], 8)
    snap = t["market_snapshot"]
    yield "market_snapshot", "\n\n".join([
        f.fill(one(snap["paragraph"])), _sub("Signals to watch", _some(f, snap["signals"], 4)),
        _sub("Fast scope checks", _some(f, snap["checks"], 5))])
    role = t["role_definition"]
    yield "role_definition", "\n\n".join([
        f.fill(one(role["paragraph"])), _some(f, role["bullets"], 7),
        _sub("Field note: the problem behind the title", f.fill(one(role["field_note"]))),
        _some(f, role["field_bullets"], 3)])
    lens = t["industry_lens"]
    yield "industry_lens", "\n\n".join([
        _sub("What changes in this industry", _some(f, lens["changes"], 6)),
        _sub("Typical interview scenarios", _some(f, lens["scenarios"], 5)),
        _sub("Portfolio ideas (industry-specific)", _some(f, lens["portfolio"], 4))])
    variants = [_pair(row) for row in f.some(family["variants"], 5)]
    recommended = f.rng.randrange(len(variants))
    wordings = [template for template in t["role_variants"] if "(" not in template]
    yield "role_variants", _bullets([
        f.fill((t["role_variants"][1] if i == recommended else one(wordings)).replace(
            "{Variant}", name).replace("{variant_text}", text))
        for i, (name, text) in enumerate(variants)])
    yield "demand_drivers", _some(f, t["demand_drivers"], 6)
    supply = t["supply_competition"]
    yield "supply_competition", "\n\n".join([
        f.fill(one(supply["paragraph"])),
        _sub("How to position (practical)", _some(f, supply["position"], 5))])
    skills = t["skills_signals"]
    rows = "\n".join(f"| {skill} | {good} | {proof} |" for skill, good, proof in family["skills"])
    yield "skills_signals", "\n\n".join([
        _sub("Signals that pass screens", _some(f, skills["signals"], 4)),
        _sub("Common rejection triggers", _some(f, skills["rejections"], 4)),
        _sub("Skills & proof map", '| Skill / Signal | What "good" looks like | How to prove it '
             f"|\n| --- | --- | --- |\n{rows}")])
    stages = [_pair(row) for row in family["stages"]]
    wrappers = f.some(t["hiring_loop"], len(stages))
    yield "hiring_loop", _bullets([
        f.fill(wrapper.replace("{Stage}", name).replace("{stage_text}", text))
        for wrapper, (name, text) in zip(wrappers, stages, strict=True)])
    yield "portfolio", _some(f, t["portfolio"], 5)
    yield "interview_prep", _some(f, t["interview_prep"], 6)
    pay = t["compensation"]
    yield "compensation", "\n\n".join([
        _bullets([f.fill(one(pay["pay"])), *(f.fill(s) for s in f.some(pay["factors"], 3))]),
        _sub("Questions that uncover constraints", _some(f, pay["questions"], 5))])
    road = t["career_roadmap"]
    levels = ("entry", "mid", "senior", "leadership")
    steps = [template.replace("{step_" + level + "}", one(family["steps"][level]))
             for template, level in zip(road["steps"], levels, strict=True)]
    yield "career_roadmap", "\n\n".join([
        f.fill(one(road["paragraph"])),
        _sub("Career steps (practical)", _bullets([f.fill(step) for step in steps]))])
    plan = t["action_plan"]
    yield "action_plan", "\n\n".join([
        _sub("Candidate plan (30 / 60 / 90 days)",
             _bullets([f.fill(step) for step in plan["candidate"]])),
        _sub("Hiring teams (process upgrades)", _some(f, plan["hiring"], 4))])
    yield "risks_outlook", _some(f, t["risks_outlook"], 6)
    method = t["methodology"]
    yield "methodology", "\n\n".join([f.fill(one(method["paragraph"])),
                                       _bullets([f.fill(s) for s in method["bullets"]])])
    yield "faq", "\n\n".join(f"### {f.fill(q)}\n\n{f.fill(a)}" for q, a in f.some(t["faq"], 6))
    yield "sources", _sources(f)
    yield "related", _bullets([f.fill(s) for s in t["related"]])


def _sources(f: Filler) -> str:
    market = _load("markets.yaml")
    industry = market["industries"][f.fixed["ind_title"]]["source"]
    region = market["regions"][f.fixed["region"]]
    accessed = f"{f.fixed['year']}-{f.rng.randint(1, 11):02d}-{f.rng.randint(1, 28):02d}"
    lines = []
    for label, (_, publisher, title, date, url) in (("ind", industry), ("pay", region["pay"]),
                                                   ("jobs", region["jobs"])):
        lines.append(f'[^{label}]: {publisher}. "{title}", {date}. {url} (accessed {accessed})')
    return "\n".join(lines)


def render(index: int, seed: int, defect_share: float = 0.0) -> tuple[str, str, str | None]:
    """(file name, Markdown text, defect family or None) of report `index`."""
    rng = random.Random(f"{seed}:{index}")
    families = _load("families.yaml")
    market = _load("markets.yaml")
    family_name = rng.choice(sorted(families))
    family = families[family_name]
    role = rng.choice(family["roles"])
    industry = rng.choice(sorted(market["industries"]))
    region = rng.choice(sorted(market["regions"]))
    year = rng.choice([2024, 2025, 2026])
    f = Filler(rng, family, industry, region, year, role)
    title = f"{region} {role} {industry} Market Analysis {year}"
    front = (f"---\ntitle: {title}\nrole: {role}\nindustry: {industry}\nregion: {region}\n"
             f"year: {year}\npublished: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
             f"\nauthor: Benchmark Desk\ncategory: Career\nsummary: What {f.fixed['ind']} "
             f"employers in {region} expect from a {role}, and how to show it.\n---\n")
    headings = {spec.key: spec.render_heading(year=year, industry=industry, region=region)
                for spec in CATALOG}
    sections = [(key, headings[key], body) for key, body in build_sections(f, family)]
    assert [key for key, _, _ in sections] == [spec.key for spec in CATALOG], "catalog order"
    defect = None
    if rng.random() < defect_share:
        defect = DEFECT_FAMILIES[index % len(DEFECT_FAMILIES)]
        front, sections = add_defect(defect, rng, front, sections, families, family_name)
    body = "\n\n".join(f"## {heading}\n\n{text}" if text else f"## {heading}"
                       for _, heading, text in sections)
    name = f"{index:05d}-{slug(role)}-{slug(industry)}-{slug(region)}-{year}.md"
    return name, f"{front}\n{body}\n", defect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the reports to")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--defects", type=float, default=0.3,
                        help="share of reports with one defect (0 to 1)")
    parser.add_argument("--start", type=int, default=0, help="index of the first report")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for index in range(args.start, args.start + args.count):
        name, text, _ = render(index, args.seed, args.defects)
        (args.out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
