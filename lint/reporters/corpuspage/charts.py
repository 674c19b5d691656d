"""Horizontal bar charts as inline SVG: no script, no network, readable when printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

ROW = 28
BAR = 18
MIN_LABEL_WIDTH = 120
VALUE_WIDTH = 56
BAR_SPAN = 450  # the longest bar
CHAR_WIDTH = 8.2  # width of a wide 13px sans-serif character (digits): labels never clip


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


def bar_chart(bars: Sequence[Bar], title: str, chart_id: str) -> str:
    """An SVG chart with one labelled bar per item, scaled to the largest total. The
    label column is as wide as the longest label, so every label shows in full (the page
    scales the chart down to fit, rather than cutting a report's name short)."""
    height = ROW * len(bars) + 8
    label_width = label_column(bars)
    span = BAR_SPAN
    width = label_width + span + VALUE_WIDTH
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
        parts.append(f'<text class="label" x="{label_width - 8}" y="{middle:.1f}" '
                     f'text-anchor="end" dominant-baseline="middle">'
                     f'<title>{escape(bar.label)}</title>{escape(bar.label)}</text>')
        x = float(label_width)
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


def label_column(bars: Sequence[Bar]) -> int:
    """The width that holds the longest label, with room on both sides."""
    longest = max((len(bar.label) for bar in bars), default=0)
    return max(MIN_LABEL_WIDTH, int(longest * CHAR_WIDTH) + 16)
