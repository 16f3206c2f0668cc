"""Drawing helpers shared by the figure modules of the autos, labor and water chapters.

* :data:`SERIES`: colours for series that are *not* countries (aggregates, sources, categories). The
  country colours (:func:`northam.charts.country_color`) stay reserved for countries; these come from
  Paul Tol's colour-blind-safe "muted" and "dark" sets, which differ in hue or lightness from them, and
  any two of them stay apart for readers with a colour-vision deficiency.
* :func:`label_ends`: direct labels at the right end of lines, spread apart so they never overlap
  (instead of a legend that would sit on the lines).
* :func:`year_axis`: whole-year ticks on an axis of years, on years that have data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import transforms
from matplotlib.colors import to_hex, to_rgb
from matplotlib.ticker import Locator, MaxNLocator

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


def _whole(values) -> set[int]:
    """The whole numbers among ``values`` (NaN and fractions left out)."""
    v = np.asarray(values, dtype=float).ravel()
    v = v[np.isfinite(v)]
    return {int(round(x)) for x in v if abs(x - round(x)) < 1e-6}


def data_years(ax) -> list[int]:
    """The years plotted on ``ax`` (and on the axes sharing its x axis): x values of lines and scatter points
    with a finite y, and the years of bars (the nearest whole year of a bar's middle, for grouped bars set a
    little off their year). Markers drawn across the axes (``axvline``, ``axvspan``) are not data."""
    years: set[int] = set()
    for a in ax.get_shared_x_axes().get_siblings(ax):
        for line in a.get_lines():
            if line.get_transform() is a.transData:
                x, y = (np.asarray(v, dtype=float) for v in line.get_data(orig=False))
                years |= _whole(x[np.isfinite(y)])
        for coll in a.collections:
            if coll.get_offset_transform() is a.transData and len(coll.get_offsets()):
                xy = np.asarray(coll.get_offsets(), dtype=float)
                years |= _whole(xy[np.isfinite(xy[:, 1]), 0])
            elif coll.get_transform() is a.transData:
                for path in coll.get_paths():
                    years |= _whole(path.vertices[:, 0])
        for patch in a.patches:
            if patch.get_data_transform() is a.transData and hasattr(patch, "get_width") and patch.get_width() < 1:
                years.add(int(round(patch.get_x() + patch.get_width() / 2)))
    return sorted(years)


class DataYearLocator(Locator):
    """Whole-year ticks that fall on years with data (:func:`data_years`), recomputed at every draw, so the
    desktop and phone renditions each get as many as fit.

    Annual data: matplotlib's round-number ticks (2000, 2005, ...) within the data's years. Sparse or irregular
    years (every fifth year, a year missing): a regular step from the first to the last data year when every tick
    of it has data, else every n-th data year and the last (which takes the place of a pick too close to it)."""

    def __init__(self, nbins="auto"):
        self.nbins = nbins

    def __call__(self):
        return self.tick_values(*sorted(self.axis.get_view_interval()))

    def _gaps(self, vmin: float, vmax: float) -> tuple[float, float]:
        """Years between neighbouring ticks: the least that keeps two labels well apart (three label heights,
        matplotlib's own tick space; a four-digit label is about 2.5 heights wide), and the spacing wanted (also
        at most nine intervals, or ``nbins``)."""
        span = vmax - vmin
        intervals = 9 if self.nbins == "auto" else max(1, int(self.nbins))
        if self.axis is None:
            return span / intervals, span / intervals
        ends = self.axis.axes.transAxes.transform([[0, 0], [1, 0]])
        points = abs(ends[1][0] - ends[0][0]) / self.axis.get_figure(root=True).dpi * 72
        height = self.axis._get_tick_label_size("x") * span / max(points, 1)  # a label's height, in years
        return 3 * height, max(3 * height, span / intervals)

    def tick_values(self, vmin, vmax):
        nice = MaxNLocator(self.nbins, integer=True)
        nice.set_axis(self.axis)
        ticks = [t for t in nice.tick_values(vmin, vmax) if vmin <= t <= vmax]
        years = [y for y in (data_years(self.axis.axes) if self.axis is not None else []) if vmin <= y <= vmax]
        if len(years) < 2:
            return ticks
        first, last, have = years[0], years[-1], set(years)
        inside = [t for t in ticks if first <= t <= last]
        if len(inside) >= 2 and {int(t) for t in inside} <= have:
            return inside  # round years, all with data
        least, wanted = self._gaps(vmin, vmax)
        span = last - first
        for step in range(max(1, int(np.ceil(wanted - 1e-9))), span // 2 + 1):  # a regular step, first to last
            if span % step == 0 and all(y in have for y in range(first, last + 1, step)):
                return list(range(first, last + 1, step))
        for stride in range(1, len(years)):  # every stride-th data year, and the last
            picked = years[:-1][::stride]
            if len(picked) > 1 and last - picked[-1] < least:
                picked = picked[:-1]  # the last year takes the place of a pick too close to it
            picked.append(last)
            gaps = np.diff(picked)
            body, end = gaps[:-1], gaps[-1]
            if (body >= wanted).all() and end >= least and (not len(body) or end <= 1.5 * body.max()):
                return picked  # (the last interval not much longer than the others)
        return [first, last]


def year_axis(ax, nbins="auto") -> None:
    """Ticks on whole years that have data (no 2017.5, no year between two data years); at most ``nbins`` of
    them on a narrow panel (:class:`DataYearLocator`)."""
    ax.xaxis.set_major_locator(DataYearLocator(nbins))


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
