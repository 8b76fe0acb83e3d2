"""Charts as inline SVG, drawn by matplotlib; the same data gives the same bytes.

Text stays text (``svg.fonttype: none``: the browser's fonts draw it, Cyrillic included),
ids are salted with a constant, the date and the metadata block are left out.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "newsextract",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Liberation Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#888888",
    "axes.titlesize": 10,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
}
ACCENT = "#4c72b0"
TYPE_COLOURS = {
    "meeting": "#4c72b0", "agreement": "#55a868", "invitation": "#c44e52", "visit": "#8172b2",
    "conference": "#ccb974", "statement": "#64b5cd", "other": "#999999",
}
_HEADER = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_SVG_TAG = re.compile(r"<svg ")


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.05)
    svg = _METADATA.sub("", _HEADER.sub("", buf.getvalue(), count=1))
    return _SVG_TAG.sub('<svg class="chart" role="img" ', svg, count=1).strip()


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=96)


def bar_chart(labels: Sequence[str], values: Sequence[int], *, title: str, horizontal: bool = False,
              width: float = 5.6) -> str:
    """Bars with their counts written on them."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        height = max(1.6, 0.24 * len(labels) + 0.6) if horizontal else 3.0
        width = width if horizontal else width + 1.0
        fig = _figure(width, height)
        ax = fig.subplots()
        positions = list(range(len(labels)))
        if horizontal:
            bars = ax.barh(positions, values, color=ACCENT, height=0.7)
            ax.set_yticks(positions, labels)
            ax.invert_yaxis()
            ax.set_xticks([])
            ax.spines["bottom"].set_visible(False)
            ax.margins(x=0.08)
        else:
            bars = ax.bar(positions, values, color=ACCENT, width=0.7)
            step = max(1, len(labels) // 16)
            ax.set_xticks(positions[::step], list(labels)[::step], rotation=45 if len(labels) > 8 else 0,
                          ha="right" if len(labels) > 8 else "center")
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
            ax.margins(y=0.15)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=2, fontsize=8, color="#333333")
        ax.set_title(title, loc="left")
        return _svg(fig)


def timeline(points: Sequence[tuple[str, dt.date, int]], *, title: str, width: float = 5.6) -> str:
    """Events by type over time: one row per type, a dot per month sized by its count."""
    import matplotlib
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    types = [t for t in TYPE_COLOURS if any(p[0] == t for p in points)]
    types += sorted({p[0] for p in points} - set(types))
    row = {t: i for i, t in enumerate(types)}
    with matplotlib.rc_context(_RC):
        fig = _figure(width, max(1.6, 0.34 * len(types) + 0.8))
        ax = fig.subplots()
        for kind in types:
            mine = [p for p in points if p[0] == kind]
            ax.scatter([date2num(p[1]) for p in mine], [row[kind]] * len(mine),
                       s=[18 + 14 * p[2] for p in mine], color=TYPE_COLOURS.get(kind, "#999999"),
                       alpha=0.75, edgecolors="white", linewidths=0.5)
        ax.set_yticks(list(row.values()), types)
        ax.set_ylim(len(types) - 0.5, -0.5)
        locator = AutoDateLocator(minticks=3, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#eeeeee", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_title(title, loc="left")
        return _svg(fig)
