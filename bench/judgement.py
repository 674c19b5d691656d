"""Print each rule's precision and recall on the judgement sets (tests/judgements/).

    python bench/judgement.py              # cases, realpages and clean reports
    python bench/judgement.py --why C002   # and each false alarm and miss of C002
    python bench/judgement.py --only cases # one source: cases | realpages | clean
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from judgements.judge import judge_all, load_cases, table


@click.command()
@click.option("--why", "why", multiple=True, help="Rule codes whose errors to list.")
@click.option("--only", type=click.Choice(["cases", "realpages", "clean"]), default=None)
def main(why: tuple[str, ...], only: str | None) -> None:
    chosen = {name: only in (None, name) for name in ("cases", "realpages", "clean")}
    tallies = judge_all(**chosen)
    click.echo(f"{len(load_cases())} cases; sources: "
               + ", ".join(name for name, on in chosen.items() if on))
    for line in table(tallies):
        click.echo(line)
    for code in why:
        tally = tallies.get(code)
        if tally is None:
            continue
        for line in tally.false_alarms:
            click.echo(f"  FP {code} {line}")
        for line in tally.misses:
            click.echo(f"  FN {code} {line}")


if __name__ == "__main__":
    main()
