"""The house style of every chart: matplotlib figures drawn as inline SVG strings, ready to drop into a page.

matplotlib's object API (``Figure``, never pyplot) keeps no global figure state, so requests in several
threads can draw at once, and nothing needs closing.
"""

from __future__ import annotations

import io
import re
from typing import Literal
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Text stays <text>, so it takes the page's zoom and is read by screen readers. Set once at import:
# rc_context() would swap the global settings under other threads' feet.
matplotlib.rcParams["svg.fonttype"] = "none"

BRAND = "#4f46e5"
MUTED = "#6b7280"
GRID = "#e5e7eb"
WIDTH = 7.0  # inches; only the aspect ratio matters once the SVG fills its container


def figure(
    height: float, *, width: float = WIDTH, grid: Literal["x", "y", "both"] | None = None
) -> tuple[Figure, Axes]:
    """One transparent axes with light spines and muted labels; ``grid`` draws grid lines on those axes."""
    fig = Figure(figsize=(width, height), layout="constrained", facecolor="none")
    ax = fig.add_subplot()
    ax.set_facecolor("none")
    ax.spines[["top", "right"]].set_visible(False)
    ax.spines[["left", "bottom"]].set_color(GRID)
    ax.tick_params(color=GRID, labelcolor=MUTED)
    ax.xaxis.label.set_color(MUTED)
    ax.yaxis.label.set_color(MUTED)
    if grid is not None:
        ax.grid(axis=grid, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", transparent=True, metadata={"Date": None})
    text = buffer.getvalue()
    drawing = text[text.index("<svg") :]  # drop the XML prologue and DOCTYPE: invalid inside HTML
    opening, rest = drawing.split(">", 1)
    # Without a fixed size the viewBox scales the chart to its container, keeping its aspect ratio.
    opening = re.sub(r'\s(?:width|height)="[^"]*"', "", opening)
    return f'{opening} width="100%" role="img">{rest}'


def empty_svg(text: str) -> str:
    """A one-line message where a chart would be, for when there is nothing to draw yet."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 60" width="100%" role="img">'
        f'<text x="240" y="35" text-anchor="middle" font-family="sans-serif" font-size="14" fill="{MUTED}">'
        f"{escape(text)}</text></svg>"
    )
