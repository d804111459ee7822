"""Practice charts as inline SVG strings: a competency radar, the daily mean score, and reviews falling due.

Drawn in the house style of ``kit.charts``, as the calibration charts are."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import cast

from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes
from matplotlib.ticker import MaxNLocator, PercentFormatter

from mlinterview.kit import charts
from mlinterview.kit.charts import BRAND, GRID, MUTED, figure, svg

BRAND_LIGHT = "#c7d2fe"
GREEN = "#16a34a"
EMPTY_TEXT = "Not enough practice yet"


def empty_svg(text: str = EMPTY_TEXT) -> str:
    return charts.empty_svg(text)


def radar(
    labels: Sequence[str],
    values: Sequence[float | None],
    previous: Sequence[float | None] | None = None,
    *,
    previous_label: str = "14 days ago",
) -> str:
    """Each competency's mean score (0-1) on its own spoke, filled in the brand colour; an earlier snapshot,
    when given, as a dashed grey outline. A competency without a score sits at the centre."""
    if not labels or all(v is None for v in values):
        return empty_svg()
    angles = [2 * math.pi * n / len(labels) for n in range(len(labels))]
    # A fixed square for the circle, with margins for the names around it: constrained layout would not
    # leave room for text placed outside the axes.
    fig = Figure(figsize=(6.4, 5.6), facecolor="none")
    ax = cast(PolarAxes, fig.add_axes((0.22, 0.19, 0.56, 0.64), projection="polar"))
    ax.set_facecolor("none")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)  # clockwise from the top, as a reader goes round
    if previous is not None and any(v is not None for v in previous):
        ax.plot(*_closed(angles, previous), color=MUTED, linewidth=1.4, linestyle="--", label=previous_label)
    ax.fill(*_closed(angles, values), color=BRAND, alpha=0.18, linewidth=0)
    ax.plot(*_closed(angles, values), color=BRAND, linewidth=2, marker="o", markersize=4, label="Now")
    ax.set_ylim(0, 1)
    ax.set_yticks([0.25, 0.5, 0.75, 1.0], ["25%", "50%", "75%", ""], color=MUTED, fontsize=8)
    ax.set_rlabel_position(180 / len(labels))  # between the first two spokes, clear of both
    ax.set_xticks(angles, [""] * len(labels))
    for angle, label in zip(angles, labels, strict=True):
        _spoke_label(ax, angle, label)
    ax.grid(color=GRID, linewidth=0.8)
    ax.spines["polar"].set_color(GRID)
    if previous is not None and any(v is not None for v in previous):
        fig.legend(loc="lower center", ncols=2, frameon=False, labelcolor=MUTED, fontsize=9.5)
    return svg(fig)


def progress_line(days: Sequence[date], series: Sequence[float | None]) -> str:
    """The mean score of each day's answers as dots joined by a line; days without answers are skipped."""
    points = [(day, value) for day, value in zip(days, series, strict=True) if value is not None]
    if not points:
        return empty_svg()
    fig, ax = figure(3.0)
    index = {day: n for n, day in enumerate(days)}
    xs, ys = [index[day] for day, _ in points], [value for _, value in points]
    ax.axhline(0.7, color=GREEN, linewidth=1, linestyle=":", label="Strong answer (70%)")
    ax.plot(xs, ys, color=BRAND, linewidth=2, marker="o", markersize=5, label="Mean score that day", clip_on=False)
    ax.set_ylim(0, 1)
    ax.set_xlim(0, max(1, len(days) - 1))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    step = max(1, len(days) // 6)
    ticks = list(range(len(days) - 1, -1, -step))[::-1]  # always label the last day, today
    ax.set_xticks(ticks, [f"{days[n]:%d %b}" for n in ticks])
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.legend(loc="lower left", frameon=False, labelcolor=MUTED, fontsize=8.5, ncols=2)
    return svg(fig)


def forecast_bars(days: Sequence[date], counts: Sequence[int], *, today: date | None = None) -> str:
    """Reviews falling due on each coming day; today's bar (the first, unless told) in the brand colour."""
    if not days or not any(counts):
        return empty_svg()
    today = today or days[0]
    fig, ax = figure(2.6)
    positions = range(len(days))
    colours = [BRAND if day == today else BRAND_LIGHT for day in days]
    bars = ax.bar(positions, counts, width=0.65, color=colours)
    ax.bar_label(bars, [str(c) if c else "" for c in counts], padding=2, color=MUTED, fontsize=8)
    ax.set_xticks(positions, [_day_label(day, today) for day in days], fontsize=8)
    ax.tick_params(axis="x", length=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    ax.set_ylim(0, max(counts) * 1.2)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_ylabel("Reviews due")
    return svg(fig)


def _day_label(day: date, today: date) -> str:
    return "Today" if day == today else f"{day:%a}\n{day.day}"


def _spoke_label(ax: PolarAxes, angle: float, label: str) -> None:
    """A competency's name just outside the circle, aligned away from it so long names never cross it."""
    x, y = math.sin(angle), math.cos(angle)  # clockwise from the top
    ha = "center" if abs(x) < 0.2 else "left" if x > 0 else "right"
    va = "center" if abs(y) < 0.2 else "bottom" if y > 0 else "top"
    text = textwrap.fill(label, 16)
    ax.text(angle, 1.1, text, ha=ha, va=va, fontsize=10, color="#374151", parse_math=False, linespacing=1.15)


def _closed(angles: Sequence[float], values: Sequence[float | None]) -> tuple[list[float], list[float]]:
    """The polygon through every spoke, back to the first."""
    radii = [v or 0.0 for v in values]
    return [*angles, angles[0]], [*radii, radii[0]]
