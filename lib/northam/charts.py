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
import os
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .countries import color, name

STYLE = Path(__file__).with_name("northam.mplstyle")


def use_style() -> None:
    """Activate the house style (called by :func:`figure`)."""
    from . import deps

    deps.record_file(STYLE)
    mpl.rcParams.update(mpl.rcParamsDefault)
    plt.style.use(STYLE)
    mpl.use("Agg") if os.environ.get("MPLBACKEND", "").lower() == "agg" else None


def figure(title: str, subtitle: str, *, nrows: int = 1, ncols: int = 1, figsize=None, **kw):
    """A new figure in house style with a bold title and a subtitle that states the units."""
    use_style()
    fig, ax = plt.subplots(nrows, ncols, figsize=figsize, **kw)
    first = ax if not hasattr(ax, "flat") else ax.flat[0]
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold", y=1.0)
    fig.text(0.01, 0.955, subtitle, ha="left", va="top", fontsize=10, color="#444444")
    first.set_title("")
    fig.subplots_adjust(top=0.86)
    fig._northam_title, fig._northam_units = title, subtitle
    return fig, ax


def country_color(iso3: str) -> str:
    """The fixed colour of a country (same in every chart)."""
    return color(iso3)


def country_label(iso3: str) -> str:
    return name(iso3)


def mark_years(ax, years: dict, *, ymax_frac: float = 0.97) -> None:
    """Vertical dashed markers with short labels, e.g. ``{1994: "NAFTA", 2020.5: "USMCA"}``."""
    for x, label in years.items():
        ax.axvline(x, color="#888888", linestyle="--", linewidth=1, zorder=0)
        ax.text(x, ymax_frac, f" {label}", transform=ax.get_xaxis_transform(), fontsize=8.5,
                color="#555555", va="top", ha="left")


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


def publish(fig, slug: str, *, data: pd.DataFrame, source: str, alt: str, caption: str,
            note: str | None = None, finite=(), gaps: str | None = None, units: dict | None = None) -> None:
    """Finish and show a figure: source line, PNG + full-precision CSV in the page's data package,
    alt text, caption, download and cite links. Returns nothing (so a page shows no return value).

    ``data`` must be the exact table plotted. ``finite`` names columns drawn as lines or bands: a NaN or
    infinity there is refused. A drawn line with a hole inside it is refused too, unless ``gaps`` says
    why the gap is real (the reason is printed under the chart). ``units`` maps columns to units (the
    default for numeric columns is the figure's subtitle).
    """
    from . import downloads

    if not alt or not caption or not source:
        raise ValueError(f"figure {slug!r}: alt text, caption and source are required")
    if data is None or len(data) == 0:
        raise ValueError(f"figure {slug!r}: the data behind the figure is empty")
    downloads.require_finite(data, finite, figure=slug)
    holes = _line_holes(fig)
    if holes and not gaps:
        raise ValueError(f"figure {slug!r}: the line(s) {holes} have holes (NaN inside the series); fix the "
                         f"data, or pass gaps='why the gap is real' to say so under the chart")
    footer = f"Source: {source}." + (f" {note}" if note else "") + (f" Gaps: {gaps}" if gaps else "")
    fig.text(0.01, -0.01, footer, ha="left", va="top", fontsize=8, color="#555555", wrap=True)
    title = getattr(fig, "_northam_title", slug)
    csv = downloads.write_table(slug, data, title=title, source=source, description=caption,
                                units=units, default_unit=getattr(fig, "_northam_units", None))
    png = csv.with_suffix(".png")
    downloads.atomic_write(png, lambda p: fig.savefig(p, format="png"))
    plt.close(fig)
    _display_figure(slug, png, csv, alt=alt, caption=caption, title=title)


def cite_figure(title: str) -> str:
    """A "cite this figure" line: the book's citation with the figure's title."""
    from .page import book_citation

    return f"{book_citation()} Figure: “{title}”."


def _display_figure(slug: str, png: Path, csv: Path, *, alt: str, caption: str, title: str) -> None:
    from IPython.display import display

    rel_png = Path(os.path.relpath(png, Path.cwd())).as_posix()
    rel_csv = Path(os.path.relpath(csv, Path.cwd())).as_posix()
    alt_one_line = " ".join(alt.split())
    cite = html.escape(cite_figure(title))
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
    md = fmt.to_markdown(index=False)
    display(Markdown((f"**{caption}**\n\n" if caption else "") + md))
