"""Drawing helpers shared by the figure modules of the autos, labor and water chapters.

* :data:`SERIES`: colours for series that are *not* countries (aggregates, sources, categories). The
  country colours (:func:`northam.charts.country_color`) stay reserved for countries; these come from
  Paul Tol's colour-blind-safe "muted" and "dark" sets, which differ in hue or lightness from them, and
  any two of them stay apart for readers with a colour-vision deficiency.
* :func:`label_ends`: direct labels at the right end of lines, spread apart so they never overlap
  (instead of a legend that would sit on the lines).
* :func:`year_axis`: whole-year ticks on an axis of years.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import transforms
from matplotlib.colors import to_hex, to_rgb
from matplotlib.ticker import MaxNLocator

#: Colours for non-country series (Paul Tol's colour-blind-safe sets); one grey only.
SERIES = {
    "black": "#000000",
    "indigo": "#332288",
    "wine": "#882255",
    "teal": "#66CCBB",  # lighter than Tol's #44AA99, which deuteranopes see as Mexico's green
    "olive": "#999933",
    "sand": "#DDCC77",
    "rose": "#CC6677",
    "cyan": "#88CCEE",
    "grey": "#888888",
    # for a chart of many categories beside the country lines (the electricity mix): Tol's high-contrast yellow,
    # light pink, light cyan and dark olive and cyan, chosen to stay apart from each other and from the country
    # colours for deuteranopes
    "gold": "#DDAA33",
    "pink": "#FFAABB",
    "pale cyan": "#99DDFF",
    "dark olive": "#666633",
    "dark cyan": "#225555",
}


def readable(colour: str, limit: float = 0.55) -> str:
    """``colour`` for text on white: a light colour (relative luminance above ``limit``, e.g. yellow or sand)
    is darkened towards black, so its label stays legible while keeping the hue of its line."""
    r, g, b = to_rgb(colour)
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    if lum <= limit:
        return colour
    k = limit / lum
    return to_hex((r * k, g * k, b * k))


def year_axis(ax, nbins="auto") -> None:
    """Ticks on whole years only (no 2017.5); at most ``nbins`` of them on a narrow panel."""
    ax.xaxis.set_major_locator(MaxNLocator(nbins, integer=True))


def _axes_y(ax, x, y) -> float:
    """Vertical position of data point (x, y) as a fraction of the axes height."""
    return float(ax.transAxes.inverted().transform(ax.transData.transform((x, y)))[1])


def spread(positions: list[float], gap: float, low: float = 0.0, high: float = 1.0) -> list[float]:
    """Move sorted positions apart so that neighbours are at least ``gap`` apart, within [low, high].

    Positions are fractions of the axes height; the result keeps their order.
    """
    out = list(positions)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + gap)
    if out and out[-1] > high:
        out[-1] = high
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - gap)
    if out and out[0] < low:
        out[0] = low
        for i in range(1, len(out)):
            out[i] = max(out[i], out[i - 1] + gap)
    return out


def label_ends(ax, series: dict[str, tuple[pd.Series, str]], *, gap: float = 0.06, fontsize: float = 8.5,
               dx: float = 5) -> None:
    """Write each series' label just right of its last finite point, in the series' colour.

    ``series`` maps label -> (values indexed by x, colour). Labels that would overlap are moved apart
    vertically (at least ``gap`` of the axes height) and joined to their line end by a thin leader. The
    labels are placed again when the figure is published (:func:`northam.charts.on_publish`), so axis limits
    set afterwards (``set_ylim``, an inverted axis) move them with their lines.
    """
    from .. import charts

    ends = []
    for label, (values, colour) in series.items():
        s = pd.Series(values).astype(float).replace([np.inf, -np.inf], np.nan).dropna()
        if len(s):
            ends.append((label, s.index[-1], float(s.iloc[-1]), colour))
    drawn = []

    def place() -> None:
        for old in drawn:
            old.remove()
        drawn.clear()
        ax.get_xlim(), ax.get_ylim()  # fix the autoscaled limits before reading positions
        at = sorted(((_axes_y(ax, x, y), label, x, y, colour) for label, x, y, colour in ends), key=lambda e: e[0])
        text_at = transforms.offset_copy(ax.get_xaxis_transform(), fig=ax.figure, x=dx, units="points")
        for pos, (y_axes, label, x, y, colour) in zip(spread([e[0] for e in at], gap), at, strict=True):
            leader = {"arrowstyle": "-", "color": colour, "lw": 0.6} if abs(pos - y_axes) > gap / 3 else None
            drawn.append(ax.annotate(label, xy=(x, y), xytext=(x, pos), textcoords=text_at, color=readable(colour),
                                     fontsize=fontsize, va="center", ha="left", annotation_clip=False,
                                     arrowprops=leader))

    place()
    charts.on_publish(ax.figure, place)
