"""Horizontal bar charts as inline SVG: no script, no network, readable when printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

ROW = 28
BAR = 18
LABEL_WIDTH = 250
VALUE_WIDTH = 56
CHAR_WIDTH = 8.2  # width of a wide 13px sans-serif character (digits), for truncating labels


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar (a stacked bar has several)."""

    value: int
    colour: str
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    href: str | None = None

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


def bar_chart(bars: Sequence[Bar], title: str, chart_id: str, width: int = 760) -> str:
    """An SVG chart with one labelled bar per item, scaled to the largest total."""
    height = ROW * len(bars) + 8
    span = width - LABEL_WIDTH - VALUE_WIDTH
    largest = max((bar.total for bar in bars), default=0) or 1
    parts = [f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" '
             f'aria-labelledby="{escape(chart_id)}-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    for row, bar in enumerate(bars):
        top = 4 + row * ROW
        middle = top + ROW / 2
        parts.append(f'<g class="bar" data-label="{escape(bar.label, quote=True)}">')
        if bar.href:
            parts.append(f'<a href="{escape(bar.href, quote=True)}">')
        parts.append(f'<text class="label" x="{LABEL_WIDTH - 8}" y="{middle:.1f}" '
                     f'text-anchor="end" dominant-baseline="middle">'
                     f'<title>{escape(bar.label)}</title>{escape(_fit(bar.label))}</text>')
        x = float(LABEL_WIDTH)
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            length = max(span * segment.value / largest, 2.0)
            parts.append(f'<rect x="{x:.1f}" y="{top + (ROW - BAR) / 2:.1f}" '
                         f'width="{length:.1f}" height="{BAR}" fill="{segment.colour}" rx="2">'
                         f'<title>{escape(bar.label)}: {segment.value} {escape(segment.label)}'
                         f'</title></rect>')
            x += length
        parts.append(f'<text class="value" x="{x + 6:.1f}" y="{middle:.1f}" '
                     f'dominant-baseline="middle">{bar.total}</text>')
        if bar.href:
            parts.append("</a>")
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _fit(label: str) -> str:
    room = int((LABEL_WIDTH - 12) / CHAR_WIDTH)
    return label if len(label) <= room else label[:room - 1] + "…"
