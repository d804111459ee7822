"""Calibration charts as inline SVG strings, ready to drop into a page under its own heading (the house
style is ``kit.charts``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator, PercentFormatter

from mlinterview.interviews.calibration import FOUR_FIFTHS, RATINGS, AdverseImpact, Override, StagePass
from mlinterview.kit.charts import BRAND, MUTED, empty_svg, figure, svg

RED = "#dc2626"
AMBER = "#f59e0b"
GREEN = "#16a34a"
RATING_COLOURS = {1: RED, 2: AMBER, 3: "#84cc16", 4: GREEN}
RATING_NAMES = {1: "Limited", 2: "Developing", 3: "Proficient", 4: "Expert"}
EMPTY_SVG = empty_svg("Not enough data yet")


def rating_distribution(labels: Sequence[str], distributions: Sequence[Mapping[int, int]]) -> str:
    """One 100%-stacked bar per interviewer: the share of each rating they gave."""
    if not labels:
        return EMPTY_SVG
    fig, ax = figure(_rows_height(len(labels)) + 0.3, grid="x")
    shares = [_shares(d) for d in distributions]
    left = [0.0] * len(labels)
    for rating in RATINGS:
        widths = [s[rating] for s in shares]
        label = f"{rating} {RATING_NAMES[rating]}"
        ax.barh(range(len(labels)), widths, left=left, height=0.6, color=RATING_COLOURS[rating], label=label)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    _categories(ax, labels)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("Share of ratings")
    fig.legend(loc="outside lower center", ncols=len(RATINGS), frameon=False, labelcolor=MUTED)
    return svg(fig)


def leniency(labels: Sequence[str], values: Sequence[float | None]) -> str:
    """Each interviewer's mean difference from the rest of the panel, around a zero line."""
    if not labels or all(v is None for v in values):
        return EMPTY_SVG
    fig, ax = figure(_rows_height(len(labels)), grid="x")
    numbers = [v or 0.0 for v in values]
    ax.barh(range(len(labels)), numbers, height=0.6, color=[BRAND if v >= 0 else AMBER for v in numbers])
    for row, value in enumerate(values):
        if value is None:
            _note(ax, "n/a", (0, row))
    ax.axvline(0, color=MUTED, linewidth=1)
    limit = 1.1 * max(1.0, *(abs(v) for v in numbers))
    ax.set_xlim(-limit, limit)
    _categories(ax, labels)
    ax.set_xlabel("Mean difference from the rest of the panel (rating points)")
    return svg(fig)


def grader_vs_overrides(overrides: Sequence[Override], points: Sequence[tuple[float, float]] | None = None) -> str:
    """Automatic scores against the interviewers' replacements, with the fitted map if there is one."""
    if not overrides:
        return EMPTY_SVG
    fig, ax = figure(4.0, grid="both", width=5.0)
    ax.plot([0, 1], [0, 1], linestyle="--", linewidth=1, color=MUTED, label="Same score")
    xs, ys = [o.automatic for o in overrides], [o.override for o in overrides]
    # Not clipped: scores of exactly 0 or 1 are common and must show whole.
    ax.scatter(xs, ys, s=20, alpha=0.7, color=BRAND, edgecolors="none", label="Overridden scorecard", clip_on=False)
    if points:
        map_x, map_y = zip(*points, strict=True)
        # Outside its knots the map is flat (clipped), so draw it across the whole axis.
        ax.plot([0, *map_x, 1], [map_y[0], *map_y, map_y[-1]], linewidth=2, color=GREEN, label="Calibrated map")
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="Automatic score", ylabel="Interviewer's score")
    ax.set_aspect("equal")
    ax.legend(loc="upper left", frameon=False, labelcolor=MUTED)
    return svg(fig)


def funnel(stages: Sequence[StagePass]) -> str:
    """Candidates entering each stage, top to bottom in stage order, with the share who went on."""
    if not stages or not any(s.entered for s in stages):
        return EMPTY_SVG
    fig, ax = figure(_rows_height(len(stages)), grid="x")
    ax.barh(range(len(stages)), [s.entered for s in stages], height=0.6, color=BRAND)
    for row, stage in enumerate(stages):
        note = f"{stage.entered}" if stage.rate is None else f"{stage.entered} · {stage.rate:.0%} advanced"
        _note(ax, note, (stage.entered, row))
    ax.set_xlim(0, 1.3 * max(s.entered for s in stages))  # room for the notes
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _categories(ax, [s.name for s in stages])
    ax.set_xlabel("Candidates")
    return svg(fig)


def impact_ratios(result: AdverseImpact) -> str:
    """Each shown group's selection rate relative to the highest, against the four-fifths line."""
    if not any(row.impact_ratio is not None for row in result.rows):
        return EMPTY_SVG
    fig, ax = figure(_rows_height(len(result.rows)), grid="x")
    ratios = [row.impact_ratio or 0.0 for row in result.rows]
    colours = [RED if row.below_four_fifths else BRAND for row in result.rows]
    ax.barh(range(len(ratios)), ratios, height=0.6, color=colours)
    ax.axvline(FOUR_FIFTHS, linestyle="--", linewidth=1, color=RED)
    above = ("data", "axes fraction")
    ax.annotate("four-fifths", (FOUR_FIFTHS, 1), xycoords=above, ha="center", va="bottom", color=RED)
    ax.set_xlim(0, 1.05 * max(1.0, *ratios))
    _categories(ax, [f"{row.group} (n={row.size})" for row in result.rows])
    ax.set_xlabel("Impact ratio (selection rate ÷ highest group's rate)")
    return svg(fig)


def _note(ax: Axes, text: str, xy: tuple[float, float]) -> None:
    """A small label just right of a point, such as the end of a bar."""
    ax.annotate(text, xy, xytext=(4, 0), textcoords="offset points", va="center", color=MUTED)


def _rows_height(rows: int) -> float:
    return 0.8 + 0.4 * rows


def _categories(ax: Axes, labels: Sequence[str]) -> None:
    """Label the bars and put the first at the top, as a reader scans a list."""
    ax.set_yticks(range(len(labels)), labels, parse_math=False)  # a name with two "$" is not TeX
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)


def _shares(distribution: Mapping[int, int]) -> dict[int, float]:
    total = sum(distribution.get(r, 0) for r in RATINGS)
    return {r: distribution.get(r, 0) / total if total else 0.0 for r in RATINGS}
