"""Defects the benchmark generator plants: one per defective report, from one of the
contract's five families, in the forms real reports show them."""

from __future__ import annotations

import random
import re
from typing import Any

DEFECT_FAMILIES = ("structure", "consistency", "duplication", "evidence", "hygiene")
Sections = list[tuple[str, str, str]]  # (catalog key, heading as written, body)

# The same paragraph pasted into many reports: what the cross-report rule looks for.
HOUSE_BOILERPLATE = (
    "Our editorial team reviews every guide on a rolling basis and updates it whenever the "
    "hiring picture changes in a way that matters to readers who are planning their next "
    "career move, so check back before your next application round.")


def add_defect(family: str, rng: random.Random, front: str, sections: Sections,
               families: dict[str, Any], own: str) -> tuple[str, Sections]:
    sections = list(sections)
    kind = rng.randrange(3)
    if family == "structure":
        return front, _structure(kind, rng, sections)
    if family == "consistency":
        return _consistency(kind, rng, front, sections, families, own)
    if family == "duplication":
        return front, _duplication(kind, rng, sections)
    if family == "evidence":
        return front, _evidence(kind, sections)
    return front, _hygiene(kind, rng, sections)


def _index(sections: Sections, key: str) -> int:
    return next(i for i, (k, _, _) in enumerate(sections) if k == key)


def _append(sections: Sections, key: str, text: str) -> None:
    """Add a line at the end of a section (a bullet continues a list, a blank line first
    when the section ends in a paragraph)."""
    at = _index(sections, key)
    k, heading, body = sections[at]
    last = body.rstrip().splitlines()[-1] if body.strip() else ""
    joiner = "\n" if last.startswith("- ") else "\n\n"
    sections[at] = (k, heading, f"{body.rstrip()}{joiner}{text}")


def _structure(kind: int, rng: random.Random, sections: Sections) -> Sections:
    if kind == 0:  # a required section dropped
        del sections[rng.randrange(1, len(sections) - 3)]
    elif kind == 1:  # two sections swapped
        at = rng.randrange(1, len(sections) - 4)
        sections[at], sections[at + 1] = sections[at + 1], sections[at]
    else:  # a section left empty
        at = rng.randrange(4, len(sections) - 4)
        key, heading, _ = sections[at]
        sections[at] = (key, heading, "")
    return sections


def _consistency(kind: int, rng: random.Random, front: str, sections: Sections,
                 families: dict[str, Any], own: str) -> tuple[str, Sections]:
    if kind == 0:  # the title left from last year's report
        year = int(front.split("\nyear: ", 1)[1].split("\n", 1)[0])
        title = re.sub(r"^(title: .*) \d{4}$", rf"\1 {year - 1}", front, flags=re.MULTILINE)
        return title, sections
    other = families[rng.choice(sorted(name for name in families if name != own))]
    if kind == 1:  # a paragraph written for another role family
        tasks = rng.sample(other["tasks"], 3)
        text = (f"- {tasks[0][0].upper()}{tasks[0][1:]}, {tasks[1]}, and {tasks[2]}; "
                f"report {rng.choice(other['metrics'])} and {rng.choice(other['works'])} to "
                f"{rng.choice(other['stakeholders'])}.")
        _append(sections, "role_definition", text)
    else:  # another job title where the report speaks of its own role
        _append(sections, "executive_summary",
                f"- The {rng.choice(other['roles'])} owns this work from the first week.")
    return front, sections


def _duplication(kind: int, rng: random.Random, sections: Sections) -> Sections:
    summary = sections[_index(sections, "executive_summary")][2].splitlines()
    line = rng.choice(summary)
    if kind == 0:  # the same bullet twice
        _append(sections, "risks_outlook", line)
    elif kind == 1:  # the same bullet with one word changed
        words = line.split()
        at = rng.randrange(2, len(words) - 1)
        words[at] = "really" if words[at] != "really" else "truly"
        _append(sections, "risks_outlook", " ".join(words))
    else:  # house boilerplate pasted into many reports
        at = _index(sections, "methodology")
        key, heading, body = sections[at]
        sections[at] = (key, heading, f"{HOUSE_BOILERPLATE}\n\n{body}")
    return sections


def _evidence(kind: int, sections: Sections) -> Sections:
    at = _index(sections, "sources")
    key, heading, body = sections[at]
    if kind == 0:  # a cited source never defined
        body = "\n".join(line for line in body.splitlines() if not line.startswith("[^jobs]"))
        sections[at] = (key, heading, body)
    elif kind == 1:  # a figure with no citation
        _append(sections, "demand_drivers",
                "- Salaries for this role rose 14% last year, the fastest rise of any job in "
                "the field.")
    else:  # a source with no address, never cited
        sections[at] = (key, heading, f"{body}\n[^old-survey]: Industry Salary Survey, 2019.")
    return sections


def _hygiene(kind: int, rng: random.Random, sections: Sections) -> Sections:
    if kind == 0:
        _append(sections, "demand_drivers", "- TODO: add the regional figures here.")
    elif kind == 1:
        at = _index(sections, "career_roadmap")
        key, heading, body = sections[at]
        sections[at] = (key, heading, "Lorem ipsum dolor sit amet, consectetur adipiscing "
                        f"elit.\n\n{body}")
    else:
        _append(sections, rng.choice(["portfolio", "interview_prep"]),
                "- Build a case study for {{ industry }} employers.")
    return sections
