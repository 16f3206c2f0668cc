"""House chart style: every figure gets a title, a subtitle with units, a source line, alt text, a
caption, and the exact data it plots as a downloadable CSV.

Usage in a notebook::

    fig, ax = charts.figure("US goods trade with its USMCA partners", "Billion current US dollars")
    ax.plot(...)
    charts.publish(fig, "usmca-legs", data=df, source="U.S. Census Bureau, country.xlsx (2026 vintage)",
                   alt="Line chart: ...", caption="...")

:func:`publish` writes ``<slug>.png`` and ``<slug>.csv`` to ``_build/figures/`` (beside the execution
cache, so a cached notebook always finds its files and deleting ``_build`` removes both) and displays one
output with two renderings: MyST markdown (a ``figure`` directive with alt text, caption and
a download link, used by the book) and HTML (used by Jupyter).
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.transforms import Affine2D, Bbox

from .countries import color, name

STYLE = Path(__file__).with_name("northam.mplstyle")

#: The one canvas of every chart, inches: desktop width and default height (heights may vary per figure).
WIDTH, HEIGHT = 7.5, 4.6
#: The phone rendition: the same figure redrawn this wide, same point sizes, title and subtitle wrapped.
PHONE_WIDTH = 3.75
#: Pixels per inch of the published PNGs: about twice the CSS pixels they fill (sharp on high-density screens).
DPI = 180
#: Viewport width (CSS px) up to which the browser takes the phone rendition (a ``<source media>``).
PHONE_MAX_VIEWPORT = 720


def use_style() -> None:
    """Activate the house style (called by :func:`figure`)."""
    from . import deps

    deps.record_file(STYLE)
    mpl.rcParams.update(mpl.rcParamsDefault)
    plt.style.use(STYLE)
    mpl.use("Agg") if os.environ.get("MPLBACKEND", "").lower() == "agg" else None


def figure(title: str, subtitle: str, *, nrows: int = 1, ncols: int = 1, height: float | None = None,
           phone: bool = False, **kw):
    """A new figure in house style with a bold title and a subtitle that states the units.

    Every figure has the same canvas width (:data:`WIDTH`) and type scale; only its ``height`` (inches)
    may vary. :func:`publish` also draws it on the phone canvas (:data:`PHONE_WIDTH`). ``phone=True`` makes
    a figure on the phone canvas instead, for a chart whose phone layout is drawn apart (a map: its axes are
    placed by hand), given to :func:`publish` as ``phone=``."""
    if "figsize" in kw:
        raise TypeError("charts.figure: the width is the house's (WIDTH); pass height= instead of figsize=")
    use_style()
    fig, ax = plt.subplots(nrows, ncols, figsize=(PHONE_WIDTH if phone else WIDTH, height or HEIGHT), **kw)
    first = ax if not hasattr(ax, "flat") else ax.flat[0]
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", y=1.0)
    fig._northam_subtitle = fig.text(0.01, 0.955, subtitle, ha="left", va="top", fontsize=10, color="#444444")
    first.set_title("")
    fig.subplots_adjust(top=0.86)
    fig._northam_title, fig._northam_units = title, subtitle
    _no_idle_draws(fig)
    return fig, ax


def _no_idle_draws(fig) -> None:
    """Make ``fig.canvas.draw_idle()`` do nothing on the plain Agg canvas (the book's, and Jupyter's inline
    backend). geopandas' ``plot`` ends every layer with it, and there it draws the whole figure at once and throws
    the pixels away: a fifth of the maps page's time. A published figure is drawn by :func:`publish`; an
    interactive canvas (ipympl, a GUI window) keeps its redraws."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if type(fig.canvas) is FigureCanvasAgg:
        fig.canvas.draw_idle = lambda *args, **kwargs: None


def country_color(iso3: str) -> str:
    """The fixed colour of a country (same in every chart)."""
    return color(iso3)


def country_label(iso3: str) -> str:
    return name(iso3)


def mark_years(ax, years: dict, *, ymax_frac: float = 0.97, above: bool = False, labelled: bool = True) -> None:
    """Vertical dashed markers with short labels, e.g. ``{1994: "NAFTA", 2020.5: "USMCA"}``.

    ``above=True`` writes the labels over the plot area, where no line or legend can run into them. Labels
    that would overlap each other are moved a line apart when the figure is published. ``labelled=False``
    draws the markers only (a lower panel whose markers the panel above names)."""
    for x, label in years.items():
        ax.axvline(x, color="#888888", linestyle="--", linewidth=1, zorder=0)
        if not labelled:
            continue
        text = ax.text(x, 1.01 if above else ymax_frac, f" {label}", transform=ax.get_xaxis_transform(),
                       fontsize=8.5, color="#555555", va="bottom" if above else "top", ha="left")
        text._northam_mark = "up" if above else "down"


def _separate_marks(fig) -> None:
    """Move a year marker's label a line up (labels above the plot) or down (inside) while it overlaps the
    label of an earlier marker on the same axes."""
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        marks = sorted((t for t in ax.texts if getattr(t, "_northam_mark", None)), key=lambda t: t.get_position()[0])
        placed = []
        for text in marks:
            if not hasattr(text, "_northam_y0"):
                text._northam_y0 = text.get_position()[1]
            y = text._northam_y0
            text.set_y(y)
            step = text.get_fontsize() * 1.25 / 72 * fig.dpi / ax.bbox.height
            step = step if text._northam_mark == "up" else -step
            for _ in range(4):
                box = text.get_window_extent(renderer)
                if not any(box.overlaps(other) for other in placed):
                    break
                y += step
                text.set_y(y)
            placed.append(text.get_window_extent(renderer))


def _line_holes(fig) -> list[str]:
    """Labels of drawn lines with a NaN between their first and last finite point (a hole)."""
    holes = []
    for ax in fig.axes:
        for line in ax.get_lines():
            y = np.asarray(line.get_ydata(), dtype=float)
            finite = np.flatnonzero(np.isfinite(y))
            if len(finite) and not np.isfinite(y[finite[0]:finite[-1] + 1]).all():
                holes.append(line.get_label())
    return holes


def on_publish(fig, step) -> None:
    """Run ``step()`` when ``fig`` is published, once its axis limits are final and before it is measured and
    drawn: for marks placed in axes fractions from data positions (line-end labels), which a later
    ``set_ylim`` or inverted axis would otherwise leave where the lines were."""
    fig.__dict__.setdefault("_northam_on_publish", []).append(step)


def publish(fig, slug: str, *, data: pd.DataFrame, source: str, alt: str, caption: str,
            note: str | None = None, finite=(), gaps: str | None = None, units: dict | None = None,
            phone=None, palette: int = 128, dpi: int = DPI) -> None:
    """Finish and show a figure: source line, PNG + full-precision CSV in the page's data package,
    alt text, caption, download and cite links. Returns nothing (so a page shows no return value).

    ``data`` must be the exact table plotted. ``finite`` names columns drawn as lines or bands: a NaN or
    infinity there is refused. A drawn line with a hole inside it is refused too, unless ``gaps`` says
    why the gap is real (the reason is printed under the chart). ``units`` maps columns to units (the
    default for numeric columns is the figure's subtitle).

    ``phone``: the same chart drawn apart on the phone canvas (``charts.figure(..., phone=True)``), published
    as the phone rendition; without it the desktop figure is redrawn narrower, except a figure whose axes are
    placed by hand (a map), which then has no phone rendition. ``palette``: colours of the PNGs' palette (the
    chart's flat colours are kept exactly; a map of few classes needs fewer, and its files are lighter).
    ``dpi``: pixels per inch of both renditions (text keeps its size on screen whatever the dpi; a map, the
    heaviest kind of chart, may take fewer pixels).
    """
    from . import downloads

    if not alt or not caption or not source:
        raise ValueError(f"figure {slug!r}: alt text, caption and source are required")
    if data is None or len(data) == 0:
        raise ValueError(f"figure {slug!r}: the data behind the figure is empty")
    downloads.require_finite(data, finite, figure=slug)
    for f in (fig, phone) if phone is not None else (fig,):
        for step in getattr(f, "_northam_on_publish", ()):
            step()
    holes = _line_holes(fig)
    if holes and not gaps:
        raise ValueError(f"figure {slug!r}: the line(s) {holes} have holes (NaN inside the series); fix the "
                         f"data, or pass gaps='why the gap is real' to say so under the chart")
    footer = f"Source: {source}." + (f" {note}" if note else "") + (f" Gaps: {gaps}" if gaps else "")
    for f in (fig, phone) if phone is not None else (fig,):
        f._northam_footer = f.text(0.01, -0.01, footer, ha="left", va="top", fontsize=8, color="#555555")
    title = getattr(fig, "_northam_title", slug)
    csv = downloads.write_table(slug, data, title=title, source=source, description=caption,
                                units=units, default_unit=getattr(fig, "_northam_units", None))
    png = csv.with_suffix(".png")
    record = {"slug": slug, "series_colors": series_colors(fig), "renditions": {},
              "phone_max_viewport_px": PHONE_MAX_VIEWPORT}
    record["renditions"]["desktop"] = _save_rendition(fig, png, WIDTH, phone=False, palette=palette, dpi=dpi)
    phone_png = png.with_suffix(".phone.png")
    if phone is not None:  # its own phone layout
        record["renditions"]["phone"] = _save_rendition(phone, phone_png, PHONE_WIDTH, phone=True, palette=palette,
                                                        dpi=dpi)
        plt.close(phone)
    elif _hand_placed(fig):  # axes placed by hand and no phone layout given: the desktop rendition is served
        record["renditions"]["phone"] = None
        phone_png.unlink(missing_ok=True)
    else:
        _stack_panels(fig)
        record["renditions"]["phone"] = _save_rendition(fig, phone_png, PHONE_WIDTH, phone=True, palette=palette,
                                                        dpi=dpi)
    downloads.atomic_write(png.with_suffix(".figure.json"),
                           lambda p: p.write_text(json.dumps(record, indent=1), encoding="utf-8"))
    plt.close(fig)
    _display_figure(slug, png, csv, alt=alt, caption=caption, title=title)


# --------------------------------------------------------------------------------------------------
# Renditions: one figure drawn on the desktop and the phone canvas, same point sizes


def _tick_labels(fig) -> tuple[list, set]:
    """The tick labels drawn (ticks inside the view limits of visible axes), and the ids of all tick labels."""
    drawn, every = [], set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            tol = 1e-9 * abs(hi - lo)
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                labels = (tick.label1, tick.label2)
                every.update(id(lab) for lab in labels)
                if ax.get_visible() and axis.get_visible() and lo - tol <= tick.get_loc() <= hi + tol:
                    drawn += [lab for lab in labels if lab.get_visible() and lab.get_text().strip()]
    return drawn, every


def smallest_text_pt(fig) -> float:
    """The smallest font size (points) among the figure's visible texts: titles, axis and tick labels,
    legends, annotations, direct labels, the source line. Call after the figure has been drawn."""
    from matplotlib.text import Text

    ticks, tick_ids = _tick_labels(fig)
    texts = [t for t in fig.findobj(Text) if id(t) not in tick_ids and t.get_visible() and t.get_text().strip()
             and (t.axes is None or t.axes.get_visible())]
    return float(min(t.get_fontsize() for t in texts + ticks))


def _wrap(text, width_px: float, renderer) -> None:
    """Break ``text`` (a text artist) into lines no wider than ``width_px``, measured with the renderer."""
    source = getattr(text, "_northam_source", None)
    if source is None:
        source = text._northam_source = text.get_text()
    lines = []
    for paragraph in source.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            text.set_text(trial)
            if line and text.get_window_extent(renderer).width > width_px:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    text.set_text("\n".join(lines))


def _wrap_figure_texts(fig, width: float) -> None:
    """Wrap the texts written on the figure itself (title, subtitle, source line) to the canvas, and stack
    the header: the subtitle's last line where a one-line subtitle sits, the title just above it, so a title
    or subtitle on two lines (on the phone) never runs into the other or into the plots."""
    renderer = fig.canvas.get_renderer()
    pad = float(mpl.rcParams["savefig.pad_inches"])
    title, subtitle = fig._suptitle, getattr(fig, "_northam_subtitle", None)
    if subtitle is not None and not hasattr(subtitle, "_northam_bottom"):
        subtitle._northam_bottom = subtitle.get_window_extent(renderer).y0 / fig.bbox.height
    for text in fig.texts + ([title] if title is not None else []):
        if text.get_visible() and text.get_rotation() == 0 and text.get_ha() == "left":
            x_px = text.get_window_extent(renderer).x0
            text.set_wrap(False)
            _wrap(text, (width - 2 * pad) * fig.dpi - x_px, renderer)
    for ax in fig.axes:  # a long x-axis label or panel title: on more lines, not past the canvas or panel
        if not ax.get_visible():
            continue
        if ax.xaxis.label.get_text().strip():
            _wrap(ax.xaxis.label, (width - 2 * pad) * fig.dpi * 0.95, renderer)
        for panel_title in (ax.title, ax._left_title, ax._right_title):
            if panel_title.get_text().strip():
                _wrap(panel_title, max(ax.bbox.width * 1.1, 1.2 * fig.dpi), renderer)
    if subtitle is None:
        return
    subtitle.set_va("bottom")
    subtitle.set_y(subtitle._northam_bottom)
    if title is not None:
        title.set_va("bottom")
        title.set_y((subtitle.get_window_extent(renderer).y1 + 3 * fig.dpi / 72) / fig.bbox.height)


def _legend_columns(legend, ncols: int, chars: int | None = None) -> None:
    """Lay ``legend`` out again in ``ncols`` columns, labels wrapped at ``chars`` characters (matplotlib packs
    a legend once, when it is made)."""
    import textwrap

    _, handles, labels, colours, title, title_font = legend._northam_items
    if chars:
        labels = [textwrap.fill(label, chars) for label in labels]
    legend._ncols = ncols
    default = legend._loc_used_default
    legend._init_legend_box(handles, labels)
    legend._set_loc(legend._loc_real)
    legend._loc_used_default = default
    for text, colour in zip(legend.texts, colours, strict=True):
        text.set_color(colour)
    if title:
        legend.set_title(title, prop=title_font)


def _legend_below(legend, renderer) -> None:
    ax = legend.axes
    spec = ax.get_subplotspec()
    if spec is None or not spec.is_last_row():
        return  # another panel is under this one
    ticks = ax.xaxis.get_tightbbox(renderer)
    under = min(ticks.y0, ax.bbox.y0) if ticks is not None else ax.bbox.y0
    legend.set_loc("upper left")
    legend.set_bbox_to_anchor((0, (under - ax.bbox.y0) / ax.bbox.height - 0.02), transform=ax.transAxes)


def _canvas(fig) -> tuple:
    """The canvas a layout was measured on: size (inches) and dots per inch."""
    return (*fig.get_size_inches(), fig.dpi)


def _footer_below(fig) -> None:
    """The source line just under everything else drawn (a legend moved under a plot included)."""
    footer = getattr(fig, "_northam_footer", None)
    if footer is None:
        return
    renderer = fig.canvas.get_renderer()
    footer.set_visible(False)
    rest = fig.get_tightbbox(renderer)  # inches
    footer.set_visible(True)
    footer.set_y((rest.y0 * 72 - 6) / 72 / fig.get_size_inches()[1])  # 6 points under the lowest thing drawn
    # the figure's tight box is the union of its artists' boxes: with the footer, that of the rest and the
    # footer's own (the same numbers a second full pass would give); _drawn_pixels takes it if nothing changed
    footer_box = footer.get_window_extent(renderer).transformed(Affine2D().scale(1 / fig.dpi))
    fig._northam_tight = (_canvas(fig), Bbox.union([rest, footer_box]))


def _fit_legends(fig, width: float) -> None:
    """Fewer legend columns while a legend runs past the canvas; a legend on the figure that grows down
    pushes the plots down under it."""
    renderer = fig.canvas.get_renderer()
    limit = (width - 2 * float(mpl.rcParams["savefig.pad_inches"])) * fig.dpi
    for legend in [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None] + list(fig.legends):
        if not hasattr(legend, "_northam_items"):
            title = legend.get_title()
            legend._northam_items = (legend._ncols, list(legend.legend_handles), [t.get_text() for t in legend.texts],
                                     [t.get_color() for t in legend.texts], title.get_text(),
                                     title.get_fontproperties().copy())
        ncols = legend._northam_items[0]
        _legend_columns(legend, ncols)
        while ncols > 1 and legend.get_window_extent(renderer).x1 > limit:
            ncols -= 1
            _legend_columns(legend, ncols)
        chars = max(len(label) for label in legend._northam_items[2]) if legend._northam_items[2] else 0
        while chars > 12 and legend.get_window_extent(renderer).x1 > limit:
            chars -= 4  # one column is still too wide: labels on more lines
            _legend_columns(legend, 1, chars)
        if ncols < legend._northam_items[0] and legend.axes is not None and legend in legend.axes.get_children():
            _legend_below(legend, renderer)  # a legend in more rows would cover the lines: under the plot
    for legend in fig.legends:
        bottom = legend.get_window_extent(renderer).y0 / fig.bbox.height
        tops = [ax.get_tightbbox(renderer).y1 / fig.bbox.height for ax in fig.axes if ax.get_visible()]
        if tops and max(tops) > bottom and fig.subplotpars.top - (max(tops) - bottom) > 0.3:
            fig.subplots_adjust(top=fig.subplotpars.top - (max(tops) - bottom) - 0.01)


def _thin_ticks(fig) -> None:
    """Every other number or date on an axis whose tick labels overlap (category labels are left alone)."""
    from matplotlib.dates import AutoDateFormatter, ConciseDateFormatter, DateFormatter
    from matplotlib.ticker import FixedFormatter, FixedLocator, ScalarFormatter, StrMethodFormatter

    numeric = (ScalarFormatter, StrMethodFormatter, DateFormatter, AutoDateFormatter, ConciseDateFormatter)
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        axis = ax.xaxis
        if not ax.get_visible() or not isinstance(axis.get_major_formatter(), numeric):
            continue
        for _ in range(3):
            lo, hi = sorted(axis.get_view_interval())
            ticks = [t for t in axis.get_major_ticks() if lo <= t.get_loc() <= hi and t.label1.get_visible()]
            boxes = [t.label1.get_window_extent(renderer) for t in ticks if t.label1.get_text().strip()]
            if not any(a.x1 + 2 > b.x0 for a, b in zip(boxes, boxes[1:], strict=False)):
                break
            locs = [t.get_loc() for t in ticks]
            automatic = isinstance(axis.get_major_formatter(), (AutoDateFormatter, FixedFormatter))
            axis.set_major_locator(FixedLocator(locs[::2]))
            if automatic:
                # an automatic date format follows its locator's spacing ("%Y" for years), and a fixed locator
                # has none (it would fall back to full dates): the kept ticks keep the labels they had
                axis.set_major_formatter(FixedFormatter([t.label1.get_text() for t in ticks][::2]))
            fig.draw_without_rendering()


def _tilt_category_labels(fig) -> None:
    """Category names under bars (fixed tick labels) that run into each other: turned upright, each under its
    bar, as a phone's width often needs."""
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        if not ax.get_visible() or not isinstance(ax.xaxis.get_major_formatter(), (FixedFormatter, FuncFormatter)):
            continue
        lo, hi = sorted(ax.xaxis.get_view_interval())
        labels = [tick.label1 for tick in ax.xaxis.get_major_ticks()
                  if lo <= tick.get_loc() <= hi and tick.label1.get_visible() and tick.label1.get_text().strip()]
        boxes = [label.get_window_extent(renderer) for label in labels]
        if any(a.x1 + 2 > b.x0 for a, b in zip(boxes, boxes[1:], strict=False)):
            for label in labels:
                label.set_rotation(90)
                label.set_horizontalalignment("center")
            fig.draw_without_rendering()


def _hand_placed(fig) -> bool:
    """True when some axes of ``fig`` are not where their grid puts them (placed in inches) or keep their
    aspect ratio (maps)."""
    grid = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    if any(ax.get_aspect() != "auto" for ax in grid):
        return True  # a map keeps its shape: it cannot be redrawn narrower
    return not grid or any(not np.allclose(ax.get_position(original=True).bounds,
                                           ax.get_subplotspec().get_position(fig).bounds, atol=1e-6) for ax in grid)


def _wrap_category_labels(fig, width: float) -> None:
    """Category names on a y axis (bar charts) wider than a third of the canvas: on two or more lines."""
    import textwrap

    from matplotlib.dates import DateFormatter
    from matplotlib.ticker import ScalarFormatter

    renderer = fig.canvas.get_renderer()
    limit = width * fig.dpi / 3
    for ax in fig.axes:
        axis = ax.yaxis
        if not ax.get_visible() or isinstance(axis.get_major_formatter(), (ScalarFormatter, DateFormatter)):
            continue
        labels = axis.get_ticklabels()
        widest = max((t.get_window_extent(renderer).width for t in labels if t.get_text()), default=0)
        if widest <= limit:
            continue
        texts = [t.get_text() for t in labels]
        chars = max(10, int(max(len(t) for t in texts) * limit / widest))
        ax.set_yticks(axis.get_ticklocs(), [textwrap.fill(t, chars) for t in texts])


#: Words of a subtitle that name a panel by its place side by side, and what they become once stacked.
_PANEL_PLACES = {"left": "top", "right": "bottom", "Left": "Top", "Right": "Bottom"}


def _stack_panels(fig) -> None:
    """For the phone canvas: panels side by side go one under another. A row of panels becomes a column; a
    grid of three columns or more becomes two columns (panels in reading order). Each new row keeps most of the
    old row's height, the figure grows by as much, and the inches above and below the panels (title, subtitle,
    keys, source) stay. Every panel shows its own y tick labels (a shared axis had hidden the inner ones). A
    subtitle that names the panels by place ("Left: …; right: …") names them top and bottom."""
    import math
    import re

    from matplotlib.gridspec import GridSpec

    grid = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    if len(grid) < 2:
        return
    spec = grid[0].get_subplotspec().get_gridspec()
    rows, cols = spec.get_geometry()
    if cols < 2 or (rows > 1 and cols < 3) or any(ax.get_subplotspec().get_gridspec() is not spec for ax in grid):
        return
    new_rows, new_cols = (cols, 1) if rows == 1 else (math.ceil(rows * cols / 2), 2)
    width, height = fig.get_size_inches()
    sp = fig.subplotpars
    above, below = (1 - sp.top) * height, sp.bottom * height
    row = (sp.top - sp.bottom) * height / (rows + sp.hspace * (rows - 1))  # one row of panels, inches
    panel = 0.8 * row  # a new row: most of an old row's height
    gap = 1.0 if rows == 1 else 0.75  # inches between rows (x tick labels, the next title); less if a key moves in
    tall = above + below + new_rows * panel + (new_rows - 1) * gap
    fig.subplots_adjust(top=1 - above / tall, bottom=below / tall, hspace=gap / panel)
    stacked = GridSpec(new_rows, new_cols, figure=fig)  # placed by the figure's subplot parameters
    for ax in grid:
        cell = ax.get_subplotspec()
        index = cell.rowspan.start * cols + cell.colspan.start  # reading order
        ax.set_subplotspec(stacked[index // new_cols, index % new_cols])
        if not any(tick.label2.get_visible() for tick in ax.yaxis.get_major_ticks()):  # numbers not on the right
            ax.tick_params(axis="y", labelleft=True)
    fig.set_size_inches(width, tall)
    sub = getattr(fig, "_northam_subtitle", None)
    if sub is not None:
        place = re.compile(r"\b(left|right|Left|Right)(?=:| panel)")
        if hasattr(sub, "_northam_source"):  # the unwrapped text, which the phone's wrapping starts from
            sub._northam_source = place.sub(lambda m: _PANEL_PLACES[m[1]], sub._northam_source)
        sub.set_text(place.sub(lambda m: _PANEL_PLACES[m[1]], sub.get_text()))
        if hasattr(sub, "_northam_bottom"):  # the header keeps its inches from the top
            sub._northam_bottom = 1 - (1 - sub._northam_bottom) * height / tall
    for text in (sub, fig._suptitle):
        if text is not None:
            text.set_y(1 - (1 - text.get_position()[1]) * height / tall)


def _fit_width(fig, width: float) -> bool:
    """Move the subplots' left and right edges in so that nothing drawn (labels outside the axes included)
    runs past the canvas: the saved image (tight, with its padding) is then at most ``width`` inches wide, so
    it is shown at the house's type scale. True when the layout it leaves is the one it last measured (the
    measure updates every axis's ticks, as a drawing pass would); False when the layout is to be measured."""
    if _hand_placed(fig):
        return False  # axes placed by hand (maps): their layout is theirs
    pad = float(mpl.rcParams["savefig.pad_inches"])
    inner = width - 2 * pad  # the saved image adds the padding on both sides
    for _ in range(4):
        box = fig.get_tightbbox(fig.canvas.get_renderer())
        over_left, over_right = max(0.0, -box.x0), max(0.0, box.x1 - inner)
        if over_left + over_right < 0.01:
            return True
        sp = fig.subplotpars
        left = min(sp.left + over_left / width, 0.5)
        right = max(sp.right - over_right / width, left + 0.3)
        fig.subplots_adjust(left=left, right=right)
    return False


def _save_rendition(fig, path: Path, width: float, *, phone: bool, palette: int = 128, dpi: int = DPI) -> dict:
    """Draw ``fig`` ``width`` inches wide, save it as an 8-bit palette PNG at ``dpi``; return the
    rendition's file, size in pixels and smallest text in image pixels."""
    from . import downloads

    fig.set_size_inches(width, fig.get_size_inches()[1])
    fig.set_dpi(dpi)  # laid out at the pixels it is saved at: what is measured is what is drawn
    # no drawing pass here: each step below measures what it needs (text extents, ticks through the axes' own
    # tight boxes), and the width is fitted on a measure of the whole figure
    if phone:
        _wrap_category_labels(fig, width)
    _wrap_figure_texts(fig, width)
    _fit_legends(fig, width)
    if not _fit_width(fig, width):
        fig.draw_without_rendering()
    _thin_ticks(fig)
    _tilt_category_labels(fig)
    _separate_marks(fig)
    _footer_below(fig)

    def write(tmp: Path) -> None:
        _quantize(tmp, palette, source=_drawn_pixels(fig, dpi))

    downloads.atomic_write(path, write)
    from PIL import Image

    with Image.open(path) as im:
        px_w, px_h = im.size
    pt = smallest_text_pt(fig)
    from .map_layout import label_layout

    return {"file": path.name, "width_in": width, "dpi": dpi, "width_px": px_w, "height_px": px_h,
            "smallest_text_pt": pt, "smallest_text_px": round(pt * dpi / 72, 2),
            **({"map_labels": layout} if (layout := label_layout(fig)) is not None else {})}


def _drawn_pixels(fig, dpi: int):
    """The figure drawn at ``dpi`` inside its tight box, as an RGB :class:`PIL.Image.Image` held in memory.

    The box is the final layout's, padded as savefig's "tight" would pad it (given here, savefig needs no
    drawing pass of its own to find it). The pixels are the Agg canvas's own buffer, not a PNG encoded and
    decoded again: the same pixels, without the two passes over them."""
    from PIL import Image

    canvas, tight = fig.__dict__.pop("_northam_tight", (None, None))  # left by _footer_below, just before
    if tight is None or canvas != _canvas(fig):
        tight = fig.get_tightbbox(fig.canvas.get_renderer())
    box = tight.padded(float(mpl.rcParams["savefig.pad_inches"]))
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=dpi, bbox_inches=box)
    # the canvas keeps the renderer it drew with: its buffer has the drawing's exact shape (rows, columns, RGBA)
    rows, cols, _ = np.asarray(fig.canvas.renderer.buffer_rgba()).shape
    data = raw.getvalue()
    if len(data) != rows * cols * 4:
        raise RuntimeError(f"drawn {len(data)} bytes, expected {rows} x {cols} RGBA pixels")
    return Image.frombuffer("RGBA", (cols, rows), data, "raw", "RGBA", 0, 1).convert("RGB")


def _quantize(path: Path, colors: int = 256, *, source=None) -> None:
    """Write ``path`` as a PNG with an 8-bit palette of ``colors`` colours (a chart has few colours; the file is
    3-4 times smaller), from the image ``source`` (a PIL image) or else from the image at ``path``. The flat colours
    of the chart (those filling many pixels: a map's classes, the colour bar's boxes, text) are kept exactly,
    however few its other colours; the rest of the palette is a median cut. Every colour drawn goes to its
    nearest palette entry (Euclidean distance in RGB)."""
    from PIL import Image

    if source is None:
        with Image.open(path) as im:
            source = im.copy()
    rgb = source if source.mode == "RGB" else source.convert("RGB")
    pixels = rgb.width * rgb.height
    counts = sorted(rgb.getcolors(maxcolors=pixels), reverse=True)
    flat = [c for n, c in counts if n >= max(40, pixels // 20000)][:colors // 2]
    # the median cut (anti-aliasing shades) learns from every other pixel of every other row: a quarter of the
    # work, no colour invented (nearest-neighbour sampling); every pixel is then mapped to the full palette
    sample = rgb.resize((max(1, rgb.width // 2), max(1, rgb.height // 2)), Image.Resampling.NEAREST)
    cut = sample.quantize(colors=colors - len(flat), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette = [v for c in flat for v in c] + cut.getpalette()[:3 * (colors - len(flat))]
    table = np.asarray(palette, dtype=float).reshape(-1, 3)
    seen = np.array([c for _, c in counts], dtype=float)  # each colour drawn, once
    nearest = np.concatenate([((seen[i:i + 4096, None, :] - table[None]) ** 2).sum(axis=2).argmin(axis=1)
                              for i in range(0, len(seen), 4096)])
    lookup = np.zeros(1 << 24, dtype=np.uint8)  # 24-bit colour -> palette index, for the colours drawn
    key = seen.astype(np.int64)
    lookup[(key[:, 0] << 16) | (key[:, 1] << 8) | key[:, 2]] = nearest
    px = np.asarray(rgb, dtype=np.int32)
    out = Image.fromarray(lookup[(px[..., 0] << 16) | (px[..., 1] << 8) | px[..., 2]], mode="P")
    out.putpalette(palette)
    # zlib level 8: within 2% of the smallest file (level 9, "optimize") at a third of its time
    out.save(path, format="PNG", compress_level=8)


# --------------------------------------------------------------------------------------------------
# Series colours, and the colour-vision check


def _blend(rgba) -> str:
    """A colour as seen on the white page (alpha blended), as hex."""
    from matplotlib.colors import to_hex, to_rgba

    r, g, b, a = to_rgba(rgba)
    return to_hex((r * a + 1 - a, g * a + 1 - a, b * a + 1 - a))


def series_colors(fig) -> list[dict]:
    """The colours of the series a reader must tell apart: lines drawn in data coordinates, bars,
    labelled patches and collections, and legend entries; one entry per distinct colour as seen on the white
    page (``color``), with the opaque colour it was drawn in (``base``: a band is a tint of its line)."""
    from matplotlib.collections import Collection
    from matplotlib.colors import to_hex
    from matplotlib.container import BarContainer
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    found: dict[str, tuple[str, str]] = {}

    def add(colour, label: str) -> None:
        try:
            hexa, base = _blend(colour), to_hex(colour, keep_alpha=False)
        except (ValueError, TypeError):
            return
        found.setdefault(hexa, (label, base))

    for ax in fig.axes:
        if not ax.get_visible() or ax.get_label() == "<colorbar>":
            continue
        for line in ax.get_lines():
            if line.get_visible() and line.get_transform() is ax.transData and len(line.get_xdata()) > 1:
                add(mpl.colors.to_rgba(line.get_color(), line.get_alpha()), line.get_label())
        for container in ax.containers:
            if isinstance(container, BarContainer):
                for bar in container.patches:
                    if bar.get_visible() and bar.get_facecolor()[3] > 0:
                        add(bar.get_facecolor(), container.get_label())
        for coll in ax.collections:
            if coll.get_visible() and not coll.get_label().startswith("_") and coll.get_array() is None:
                faces = coll.get_facecolor()
                if len(faces) == 1:
                    add(faces[0], coll.get_label())
        for patch in ax.patches:
            if patch.get_visible() and not patch.get_label().startswith("_"):
                add(patch.get_facecolor(), patch.get_label())
    for legend in [ax.get_legend() for ax in fig.axes] + list(fig.legends):
        if legend is None:
            continue
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=False):
            if isinstance(handle, Line2D) and handle.get_linestyle() not in ("None", "none", ""):
                add(handle.get_color(), text.get_text())
            elif isinstance(handle, Line2D):
                add(handle.get_markerfacecolor(), text.get_text())
            elif isinstance(handle, Patch):
                add(handle.get_facecolor(), text.get_text())
            elif isinstance(handle, Collection) and len(handle.get_facecolor()):
                add(handle.get_facecolor()[0], text.get_text())
    return [{"color": c, "label": label, "base": base} for c, (label, base) in found.items()]


#: Smallest CAM02-UCS distance between two series of one chart, as seen with deuteranomaly of severity 100
#: (colorspacious' model of deuteranopia). About the distance between Okabe-Ito's green and the mid grey (9.8),
#: which readers confuse; two series closer than this are re-coloured or told apart by direct labels.
CVD_MIN_DISTANCE = 12.0


def cvd_distance(a: str, b: str, *, cvd_type: str = "deuteranomaly", severity: float = 100) -> float:
    """CAM02-UCS distance between two colours as a reader with ``cvd_type`` sees them."""
    from colorspacious import cspace_convert
    from matplotlib.colors import to_rgb

    space = {"name": "sRGB1+CVD", "cvd_type": cvd_type, "severity": severity}
    seen = [np.clip(cspace_convert(np.array(to_rgb(c)), space, "sRGB1"), 0, 1) for c in (a, b)]
    ucs = [cspace_convert(c, "sRGB1", "CAM02-UCS") for c in seen]
    return float(np.linalg.norm(ucs[0] - ucs[1]))


def cvd_close_pairs(colors, threshold: float = CVD_MIN_DISTANCE, *, base: dict | None = None
                    ) -> list[tuple[str, str, float]]:
    """Pairs of ``colors`` closer than ``threshold`` for a reader with deuteranopia: (a, b, distance).
    ``base`` maps a colour to the opaque colour it is a tint of; tints of one colour (a line and its band)
    are one series and are not compared."""
    colors = list(dict.fromkeys(colors))
    base = base or {}
    out = []
    for i, a in enumerate(colors):
        for b in colors[i + 1:]:
            if base.get(a, a) == base.get(b, b):
                continue
            d = cvd_distance(a, b)
            if d < threshold:
                out.append((a, b, round(d, 1)))
    return out


def cite_figure(title: str) -> str:
    """A "cite this figure" line: the book's citation with the figure's title."""
    from .page import book_citation

    return f"{book_citation()} Figure: “{title}”."


def _display_figure(slug: str, png: Path, csv: Path, *, alt: str, caption: str, title: str) -> None:
    from IPython.display import display

    rel_png = Path(os.path.relpath(png, Path.cwd())).as_posix()
    rel_csv = Path(os.path.relpath(csv, Path.cwd())).as_posix()
    alt_one_line = " ".join(alt.split())
    cite = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", html.escape(cite_figure(title)))  # raw HTML: no Markdown
    myst = (
        f":::{{figure}} {rel_png}\n:alt: {alt_one_line}\n:name: fig-{slug}\n:width: 100%\n\n"
        f"{caption} {{download}}`Download data (CSV) <{rel_csv}>` · {{download}}`Download image <{rel_png}>`\n"
        f"<details class=\"cite-figure\"><summary>Cite this figure</summary>{cite}</details>\n:::\n"
    )
    b64 = base64.b64encode(png.read_bytes()).decode()
    html_out = (
        f'<figure id="fig-{slug}"><img src="data:image/png;base64,{b64}" alt="{html.escape(alt_one_line)}" '
        f'style="max-width:100%"/><figcaption>{html.escape(caption)} '
        f'<a href="{rel_csv}" download>Download data (CSV)</a></figcaption></figure>'
    )
    display({"text/markdown": myst, "text/html": html_out}, raw=True)


def table(df: pd.DataFrame, *, caption: str | None = None, floatfmt: str = ",.1f") -> None:
    """Show a small table as markdown (renders in the book and in Jupyter)."""
    from IPython.display import Markdown, display

    fmt = df.copy()
    for col in fmt.columns:
        if pd.api.types.is_float_dtype(fmt[col]):
            fmt[col] = fmt[col].map(lambda v: "–" if pd.isna(v) else format(v, floatfmt))
    # the cells as formatted ("25.0" stays "25.0", not tabulate's re-parsed "25"), numbers aligned right
    align = ["right" if pd.api.types.is_numeric_dtype(df[c]) else "left" for c in df.columns]
    md = fmt.to_markdown(index=False, disable_numparse=True, colalign=align)
    display(Markdown((f"**{caption}**\n\n" if caption else "") + md))
